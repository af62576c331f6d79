// Calls the compiler inlined: each is a frame of its own, "name(...)" and
// its line with no offset, inside the frame it was inlined into; at the
// top of a stack (the fault) and below it (a blocked call).
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

int* volatile nowhere = nullptr;
//
void leaf() { *nowhere = 1; }
//
void middle() { leaf(); }
//
int wait(go::chan<int> c) { return c.recv(); }
// Go's inliner inlines waitTwice; GCC's did not, so it is told to.
__attribute__((always_inline)) inline int waitTwice(go::chan<int> c) { return wait(c) + wait(c); }
//
__attribute__((noinline))
void worker(go::chan<int> c, go::chan<bool> started) {
    started.send(true);
    waitTwice(c);
}

int main() {
    auto c = go::make_chan<int>();
    auto started = go::make_chan<bool>();
    go::go(worker, c, started);
    started.recv();
    middle();
}
