// GOTRACEBACK=system shows the runtime's frames, each with its file and
// line as Go shows runtime/proc.go:363 for gopark: gopark's is the line of
// its mcall in runtime/proc_schedule.cpp, and no frame line lacks a line.
// tools/test_debug.sh checks each printed line against addr2line.
//! exit: 2
//! env: GOTRACEBACK=system
//! stderr-order: goroutine 2 [semacquire]: | runtime::gopark(...) | 	runtime/proc_schedule.cpp: | waiter() | 	test/programs/fail_traceback_lines_system.cpp:17 +0x
//! stderr-regex: ^	runtime/proc_schedule\.cpp:[0-9]+ \+0x[0-9a-f]+ fp=
//! stderr-regex: ^	arch/amd64/asm_amd64\.S:[0-9]+ \+0x1 fp=
//! stderr-not-regex: ^	[^:]* \+0x
//! stderr-not-regex: ^	\?
#include "go.h"

static go::sync::WaitGroup wg;

__attribute__((noinline)) void waiter() {
    wg.Wait();
}

int main() {
    wg.Add(1);
    go::go(waiter);
    go::time::Sleep(50 * go::time::Millisecond);  // waiter is parked by now
    go::panic("boom");
}
