// Every goroutine blocked: Go's deadlock message and every goroutine.
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

//
//
go::sync::WaitGroup wg;

//
go::chan<int> c = go::make_chan<int>();

__attribute__((noinline))
void waiter() { wg.Wait(); }

int main() {
    wg.Add(1);
    go::go(waiter);
    c.recv();
}
