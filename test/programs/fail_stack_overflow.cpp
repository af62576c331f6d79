// Unbounded recursion in a goroutine: Go's two lines (the limit, set here to
// 64 MB with GODEBUG=maxstack, and "fatal error: stack overflow"), the
// goroutine's traceback, exit status 2: never a bare SIGSEGV.
//! env: GODEBUG=maxstack=67108864
//! exit: 2
//! stderr-order: runtime: goroutine stack exceeds 67108864-byte limit | fatal error: stack overflow | recurse
//! stderr-regex: goroutine ([2-9]|[1-9][0-9]+) \[running\]:
//! stderr-not-contains: unexpected signal
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"

#pragma GCC diagnostic ignored "-Winfinite-recursion"  // the point of the test

__attribute__((noinline)) long recurse(long n) {
    volatile char frame[200];  // ~256 bytes a call, kept alive past the call
    frame[0] = (char)n;
    long r = recurse(n + 1);
    return r + frame[0];
}

int main() {
    auto c = go::make_chan<long>();
    go::go([c] { c.send(recurse(0)); });
    return (int)c.recv();
}
