// Unlock of an RWMutex that is not write-locked is a fatal error with Go's
// message.
//! exit: 2
//! stderr-contains: fatal error: sync: Unlock of unlocked RWMutex
#include "go.h"

int main() {
    go::sync::RWMutex rw;
    rw.RLock();
    rw.RUnlock();
    rw.Unlock();
    return 0;
}
