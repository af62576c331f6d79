// std::get of the alternative a variant does not hold: libstdc++'s
// bad_variant_access is inline too, so without exceptions this is abort():
// "fatal error: abort", traceback, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: fatal error: abort | goroutine 1 [running]: | abort() | main()
//! stderr-regex: ^fatal error: abort$
#include <variant>

#include "go.h"

static volatile int opaque = 0;

int main() {
    std::variant<int, double> v = 1.5;
    if (opaque) v = 1;
    go::fmt::Println("before");
    go::fmt::Println(std::get<int>(v));
    return 0;
}
