// Unlock of an unlocked Mutex is a fatal error (not a recoverable panic), with
// Go's message.
//! exit: 2
//! stdout: unlocking
//! stderr-contains: fatal error: sync: unlock of unlocked mutex
//! stderr-not-contains: not reached
#include "go.h"

int main() {
    go::sync::Mutex mu;
    mu.Lock();
    mu.Unlock();
    go::fmt::Println("unlocking");
    mu.Unlock();
    go::fmt::Fprintln(2, "not reached");
    return 0;
}
