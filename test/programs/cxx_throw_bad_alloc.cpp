// std::allocator::allocate of more than max_size() objects (but a size
// that does not overflow): bad_alloc.
// Without exceptions nothing could catch it: an unrecovered panic with the
// library's message, the goroutine's traceback down to main, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: panic: std::bad_alloc | goroutine 1 [running]: | main()
//! stderr-regex: ^panic: std::bad_alloc$
#include <memory>

#include "go.h"

// Defeats constant folding, so the check runs at run time.
static volatile size_t opaque = 5;

int main() {
    std::allocator<int> a;
    go::fmt::Println("before");
    int* p = a.allocate((size_t)-1 / 4 - opaque);
    go::fmt::Println(p != nullptr);
    return 0;
}
