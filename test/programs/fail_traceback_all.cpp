// GOTRACEBACK=all: a panic lists every goroutine, each parked one with Go's
// wait reason and its function: [chan receive], [chan send], [sleep],
// [select].
//! env: GOTRACEBACK=all
//! exit: 2
//! stderr-order: panic: boom | goroutine 1 [running]:
//! stderr-regex: ^goroutine [0-9]+ \[chan receive\]:$
//! stderr-regex: ^goroutine [0-9]+ \[chan send\]:$
//! stderr-regex: ^goroutine [0-9]+ \[sleep\]:$
//! stderr-regex: ^goroutine [0-9]+ \[select\]:$
//! stderr-contains: waiter_recv
//! stderr-contains: waiter_send
//! stderr-contains: waiter_sleep
//! stderr-contains: waiter_select
//! stderr-frames: goroutine 1 [running]: | main()
//! stderr-frames: goroutine 2 [chan receive]: | waiter_recv() | created by main
//! stderr-frames: goroutine 3 [chan send]: | waiter_send() | created by main
//! stderr-frames: goroutine 4 [sleep]: | go::time::Sleep(...) | waiter_sleep() | created by main
//! stderr-frames: goroutine 5 [select]: | waiter_select() | created by main
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"

static go::chan<int> c1, c2, c3;

// Each waiter keeps its frame (noinline; no call is compiled as a tail
// jump), so the traceback names it.
__attribute__((noinline)) void waiter_recv() {
    c1.recv();
}
__attribute__((noinline)) void waiter_send() {
    c2.send(1);
}
__attribute__((noinline)) void waiter_sleep() {
    go::time::Sleep(3600 * go::time::Second);
}
__attribute__((noinline)) void waiter_select() {
    int v;
    go::select(go::recv(c3, &v), go::recv(c1, &v));
}

int main() {
    c1 = go::make_chan<int>();
    c2 = go::make_chan<int>();
    c3 = go::make_chan<int>();
    go::go(waiter_recv);
    go::go(waiter_send);
    go::go(waiter_sleep);
    go::go(waiter_select);
    go::time::Sleep(50 * go::time::Millisecond);  // all four are parked by now
    go::panic("boom");
}
