// Send on a closed channel panics with Go's message, exit status 2.
//! exit: 2
//! stdout: closed
//! stderr-contains: panic: send on closed channel
//! stderr-contains: goroutine 1 [running]:
//! stdout-not-contains: not reached
#include "go.h"

int main() {
    auto c = go::make_chan<int>(1);
    c.close();
    go::fmt::Println("closed");
    c.send(1);
    go::fmt::Println("not reached");
    return 0;
}
