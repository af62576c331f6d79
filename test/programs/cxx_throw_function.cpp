// Calling an empty std::function.
// Without exceptions nothing could catch it: an unrecovered panic with the
// library's message, the goroutine's traceback down to main, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: panic: bad_function_call | goroutine 1 [running]: | main()
//! stderr-regex: ^panic: bad_function_call$
#include <functional>

#include "go.h"

// Defeats constant folding, so the check runs at run time.
static volatile size_t opaque = 5;

int main() {
    std::function<int(int)> f;
    if (opaque == 0) f = [](int x) { return x; };
    go::fmt::Println("before");
    go::fmt::Println(f(1));
    return 0;
}
