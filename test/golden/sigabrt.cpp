// SIGABRT from outside: Go dumps every goroutine and exits 2.
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

int main() {
    go::go(waiter);
    go::time::Sleep(20 * go::time::Millisecond);
    go::fmt::Println("ready");
    go::time::Sleep(go::time::Hour);
}
