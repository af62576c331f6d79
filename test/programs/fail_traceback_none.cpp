// GOTRACEBACK=none: a panic prints its message and no goroutine at all.
//! env: GOTRACEBACK=none
//! exit: 2
//! stderr-contains: panic: boom
//! stderr-not-contains: goroutine
#include "go.h"

int main() {
    auto c = go::make_chan<int>();
    go::go([c] { c.recv(); });
    go::time::Sleep(20 * go::time::Millisecond);
    go::panic("boom");
}
