// std::string::at out of range.
// Without exceptions nothing could catch it: an unrecovered panic with the
// library's message, the goroutine's traceback down to main, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: panic: basic_string::at: __n (which is 5) >= this->size() (which is 3) | goroutine 1 [running]: | main()
//! stderr-regex: ^panic: basic_string::at: __n [(]which is 5[)] >= this->size[(][)] [(]which is 3[)]$
#include <string>

#include "go.h"

// Defeats constant folding, so the check runs at run time.
static volatile size_t opaque = 5;

int main() {
    std::string s = "abc";
    go::fmt::Println("before");
    go::fmt::Println((int)s.at(opaque));
    return 0;
}
