// std::vector::reserve beyond max_size(): length_error.
// Without exceptions nothing could catch it: an unrecovered panic with the
// library's message, the goroutine's traceback down to main, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: panic: vector::reserve | goroutine 1 [running]: | main()
//! stderr-regex: ^panic: vector::reserve$
#include <vector>

#include "go.h"

// Defeats constant folding, so the check runs at run time.
static volatile size_t opaque = 5;

int main() {
    std::vector<int> v;
    go::fmt::Println("before");
    v.reserve((size_t)-1 / opaque);
    go::fmt::Println(v.capacity());
    return 0;
}
