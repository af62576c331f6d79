// Static destructors (pkg/cxx/atexit.cpp): global constructors run before
// main in definition order; when main returns, the destructors run in the
// reverse order of construction — a function-local static first used in a
// goroutine and a C atexit handler included — and the process then exits
// with main's value.
//! exit: 3
//! stdout: ctor A
//! stdout: ctor B
//! stdout: ctor C
//! stdout: main
//! stdout: ctor local
//! stdout: ctor local (in a goroutine)
//! stdout: main returns 3
//! stdout: atexit handler
//! stdout: dtor local
//! stdout: dtor C
//! stdout: dtor B
//! stdout: dtor A
//! stderr-empty
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include <cstdlib>

#include "go.h"

struct Noisy {
    const char* name;
    explicit Noisy(const char* n) : name(n) { go::fmt::Println("ctor", name); }
    ~Noisy() { go::fmt::Println("dtor", name); }
};

Noisy a("A");
Noisy b("B");
Noisy c("C");

__attribute__((noinline)) Noisy& local() {
    static Noisy n("local");
    return n;
}

int main() {
    go::fmt::Println("main");
    auto done = go::make_chan<int>();
    go::go([done] {
        go::fmt::Println(local().name[0] == 'l' ? "ctor local (in a goroutine)" : "bad");
        done.send(1);
    });
    done.recv();
    std::atexit([] { go::fmt::Println("atexit handler"); });
    go::fmt::Println("main returns", 3);
    return 3;
}
