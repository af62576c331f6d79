// os.Exit ends the process at once: the static destructors that a return
// from main would run (cxx_static_dtors) do not run, as Go runs no deferred
// calls on os.Exit.
//! exit: 4
//! stdout: ctor
//! stdout: main
//! stderr-empty
#include "go.h"

struct Noisy {
    Noisy() { go::fmt::Println("ctor"); }
    ~Noisy() { go::fmt::Println("dtor"); }
};

Noisy global;

int main() {
    static Noisy* keep = &global;
    go::fmt::Println("main");
    go::os::Exit(keep != nullptr ? 4 : 5);
}
