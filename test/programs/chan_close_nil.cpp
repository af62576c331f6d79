// Closing a nil channel panics with Go's message, exit status 2.
//! exit: 2
//! stderr-contains: panic: close of nil channel
//! stderr-contains: goroutine 1 [running]:
#include "go.h"

int main() {
    go::chan<int> c;
    c.close();
    return 0;
}
