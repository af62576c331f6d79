// GOTRACEBACK=single (the default): a panic shows only the panicking
// goroutine, not the parked ones.
//! exit: 2
//! stderr-order: panic: boom | goroutine 1 [running]:
//! stderr-frames: goroutine 1 [running]: | main()
//! stderr-not-contains: [chan receive]
//! stderr-not-regex: ^goroutine ([2-9]|[1-9][0-9]+) \[
//! runs: ; GOTRACEBACK=single
#include "go.h"

int main() {
    auto c = go::make_chan<int>();
    for (int i = 0; i < 3; i++) go::go([c] { c.recv(); });
    go::time::Sleep(20 * go::time::Millisecond);
    go::panic("boom");
}
