// A WaitGroup counter below zero panics with Go's message.
//! exit: 2
//! stdout: one Done too many
//! stderr-contains: panic: sync: negative WaitGroup counter
//! stderr-contains: goroutine 1 [running]:
#include "go.h"

int main() {
    go::sync::WaitGroup wg;
    wg.Add(1);
    wg.Done();
    go::fmt::Println("one Done too many");
    wg.Done();
    go::fmt::Println("not reached");
    return 0;
}
