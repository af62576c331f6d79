// With -D_GLIBCXX_ASSERTIONS the library checks its preconditions
// (operator[] in range, front() of a non-empty vector...): a failed one
// is std::__glibcxx_assert_fail, Go's fatal path with the library's
// assertion text, the traceback, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: fatal error: /usr/include/c++/ | stl_vector.h: | operator[] | : Assertion '__n < this->size()' failed. | goroutine 1 [running]: | main()
//! stderr-regex: ^fatal error: .*: Assertion '__n < this->size\(\)' failed\.$
#define _GLIBCXX_ASSERTIONS 1
#include <vector>

#include "go.h"

static volatile size_t opaque = 7;

int main() {
    std::vector<int> v{1, 2, 3};
    go::fmt::Println("before");
    go::fmt::Println(v[opaque]);
    return 0;
}
