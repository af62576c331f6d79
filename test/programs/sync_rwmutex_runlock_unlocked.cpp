// RUnlock of an RWMutex that no reader holds is a fatal error with Go's
// message.
//! exit: 2
//! stderr-contains: fatal error: sync: RUnlock of unlocked RWMutex
#include "go.h"

int main() {
    go::sync::RWMutex rw;
    rw.Lock();
    rw.Unlock();
    rw.RUnlock();
    return 0;
}
