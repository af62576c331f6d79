// Every frame has a file and line, runtime and library frames too (Go
// prints /usr/lib/go/src/runtime/proc.go:363 for gopark): a panic with
// GOTRACEBACK=all while a goroutine waits in go::sync::WaitGroup::Wait, and
// at GOTRACEBACK=system, where runtime::gopark's frame shows as well. No
// frame line may be a file without a line ("runtime/proc_schedule.cpp
// +0x62", what library frames printed before). tools/test_debug.sh checks
// each printed line against addr2line.
//! exit: 2
//! stderr-frames: goroutine 2 [semacquire]: | go::sync::WaitGroup::Wait() | waiter() | created by main
//! stderr-regex: ^	pkg/sync/waitgroup\.cpp:[0-9]+ \+0x[0-9a-f]+( fp=.*)?$
//! stderr-not-regex: ^	[^:]* \+0x
//! stderr-not-regex: ^	\?
//! runs: GOTRACEBACK=all ; GOTRACEBACK=all GOMAXPROCS=1
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
