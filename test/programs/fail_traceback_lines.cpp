// Every frame has a file and line, runtime and library frames too (Go
// prints /usr/lib/go/src/runtime/proc.go:363 for gopark): a panic while a
// goroutine waits in go::sync::WaitGroup::Wait, at GOTRACEBACK=all, and at
// GOTRACEBACK=system, where the runtime's frames show as well (gopark in
// runtime/proc_schedule.cpp, goexit in arch/amd64/asm_amd64.S). No frame
// line may be a file without a line ("pkg/sync/waitgroup.cpp +0x3f", what
// library frames printed before) or "?". tools/test_debug.sh checks each
// printed line of the GOTRACEBACK=system dump against addr2line.
//! exit: 2
//! stderr-order: goroutine 2 [semacquire]: | go::sync::WaitGroup::Wait() | 	pkg/sync/waitgroup.cpp: | waiter() | 	test/programs/fail_traceback_lines.cpp:20 +0x | created by main
//! stderr-regex: ^	pkg/sync/waitgroup\.cpp:[0-9]+ \+0x[0-9a-f]+( fp=.*)?$
//! stderr-not-regex: ^	[^:]* \+0x
//! stderr-not-regex: ^	\?
//! runs: GOTRACEBACK=all ; GOTRACEBACK=all GOMAXPROCS=1 ; GOTRACEBACK=system
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
