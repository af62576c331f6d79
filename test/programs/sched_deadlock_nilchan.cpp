// Receiving from a nil channel blocks forever and counts toward deadlock.
//! exit: 2
//! stderr-contains: fatal error: all goroutines are asleep - deadlock!
//! stderr-contains: goroutine 1 [chan receive (nil chan)]:
#include "go.h"

int main() {
    go::chan<int> c;  // nil
    return c.recv();
}
