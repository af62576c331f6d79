// std::allocator::allocate of more objects than size_t can count bytes
// for: bad_array_new_length.
// Without exceptions nothing could catch it: an unrecovered panic with the
// library's message, the goroutine's traceback down to main, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: panic: std::bad_array_new_length | goroutine 1 [running]: | main()
//! stderr-regex: ^panic: std::bad_array_new_length$
#include <memory>

#include "go.h"

// Defeats constant folding, so the check runs at run time.
static volatile size_t opaque = 2;

int main() {
    std::allocator<int> a;
    go::fmt::Println("before");
    int* p = a.allocate((size_t)-1 / opaque);
    go::fmt::Println(p != nullptr);
    return 0;
}
