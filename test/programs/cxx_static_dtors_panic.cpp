// A panic ends the process with its traceback and exit status 2: the static
// destructors do not run (Go runs no exit hooks after a panic), neither on
// the main goroutine nor when another goroutine panics.
//! exit: 2
//! stdout: ctor
//! stdout: main
//! stderr-order: panic: boom | goroutine
//! stdout-not-contains: dtor
//! runs: ; WHO=goroutine
#include "go.h"

struct Noisy {
    Noisy() { go::fmt::Println("ctor"); }
    ~Noisy() { go::fmt::Println("dtor"); }
};

Noisy global;

int main() {
    go::fmt::Println("main");
    if (go::os::Getenv("WHO") == nullptr) go::panic("boom");
    go::go([] { go::panic("boom"); });
    go::time::Sleep(10 * go::time::Second);
    return 0;
}
