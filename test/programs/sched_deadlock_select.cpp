// An empty select blocks forever: with nothing else alive, a deadlock.
//! exit: 2
//! stderr-contains: fatal error: all goroutines are asleep - deadlock!
//! stderr-contains: goroutine 1 [select (no cases)]:
#include "go.h"

int main() {
    go::select();
}
