// new T[n] whose byte size overflows: g++ without exceptions asks
// operator new[] for SIZE_MAX bytes, more than the address space, which is
// std::bad_alloc (pkg/cxx/new.cpp).
// Without exceptions nothing could catch it: an unrecovered panic with the
// library's message, the goroutine's traceback down to main, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: panic: std::bad_alloc | goroutine 1 [running]: | main()
//! stderr-regex: ^panic: std::bad_alloc$
#include "go.h"

// Defeats constant folding, so the check runs at run time.
static volatile size_t opaque = 5;
// Where the array goes: an allocation nobody uses may be elided.
static long* volatile keep;

int main() {
    size_t n = (size_t)-1 / opaque;
    go::fmt::Println("before");
    keep = new long[n];
    go::fmt::Println(keep != nullptr);
    return 0;
}
