// std::vector::at out of range: libstdc++'s out_of_range message,
// formatted with its %zu arguments, as a Go panic.
// Without exceptions nothing could catch it: an unrecovered panic with the
// library's message, the goroutine's traceback down to main, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: panic: vector::_M_range_check: __n (which is 5) >= this->size() (which is 3) | goroutine 1 [running]: | main()
//! stderr-regex: ^panic: vector::_M_range_check: __n [(]which is 5[)] >= this->size[(][)] [(]which is 3[)]$
#include <vector>

#include "go.h"

// Defeats constant folding, so the check runs at run time.
static volatile size_t opaque = 5;

int main() {
    std::vector<int> v{1, 2, 3};
    go::fmt::Println("before");
    go::fmt::Println(v.at(opaque));
    return 0;
}
