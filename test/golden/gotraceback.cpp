// A panic two calls deep with a goroutine blocked, at every GOTRACEBACK
// setting: the words, numbers (Go's setTraceback), and one it does not know.
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

//
//
//
//
//
//
//
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
void fail() { go::panic("boom"); }

int main() {
    go::go(waiter);
    go::time::Sleep(50 * go::time::Millisecond);
    fail();
}
