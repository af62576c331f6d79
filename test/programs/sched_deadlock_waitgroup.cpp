// wg.Wait() with a count that nobody will ever bring to zero: a deadlock once
// the goroutines that could have called Done have exited.
//! exit: 2
//! stdout: waiting
//! stderr-contains: fatal error: all goroutines are asleep - deadlock!
//! stderr-regex: goroutine 1 \[
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"

static go::sync::WaitGroup wg;

int main() {
    wg.Add(3);
    for (int i = 0; i < 2; i++) go::go([] { wg.Done(); });
    go::fmt::Println("waiting");
    wg.Wait();
    return 0;
}
