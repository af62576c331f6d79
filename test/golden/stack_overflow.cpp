// Unbounded recursion with another goroutine alive: Go's stack overflow
// report, at the default GOTRACEBACK and at all.
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

//
//
//
//
//
//
go::chan<int> c = go::make_chan<int>();

__attribute__((noinline))
void waiter() { c.recv(); }

__attribute__((noinline))
int recurse(int n) { return recurse(n + 1) + 1; }

int main() {
    go::debug::SetMaxStack(1 << 20);
    go::go(waiter);
    go::time::Sleep(20 * go::time::Millisecond);
    recurse(0);
}
