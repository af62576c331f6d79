// std::optional::value() on an empty optional: libstdc++ defines
// bad_optional_access inline and, without exceptions, calls abort()
// instead of throwing it. abort is Go's fatal path (pkg/libc/abort.cpp):
// "fatal error: abort", the traceback through abort to main, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: fatal error: abort | goroutine 1 [running]: | abort() | main()
//! stderr-regex: ^fatal error: abort$
#include <optional>

#include "go.h"

static volatile int opaque = 0;

int main() {
    std::optional<int> o;
    if (opaque) o = 1;
    go::fmt::Println("before");
    go::fmt::Println(o.value());
    return 0;
}
