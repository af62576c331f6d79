// Locking a Mutex twice from the only goroutine: a deadlock, not a hang.
//! exit: 2
//! stdout: locked once
//! stderr-contains: fatal error: all goroutines are asleep - deadlock!
//! stderr-regex: goroutine 1 \[
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"

static go::sync::Mutex mu;

int main() {
    mu.Lock();
    go::fmt::Println("locked once");
    mu.Lock();
    return 0;
}
