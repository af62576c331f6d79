// Closing a closed channel panics with Go's message, exit status 2.
//! exit: 2
//! stderr-contains: panic: close of closed channel
//! stderr-contains: goroutine 1 [running]:
#include "go.h"

int main() {
    auto c = go::make_chan<int>();
    c.close();
    c.close();
    return 0;
}
