// go::panic: "panic: msg", a blank line, the goroutine header and a
// traceback with function names from the symbol table, exit status 2; code
// after it does not run.
//! exit: 2
//! stdout: before
//! stderr-order: panic: something went wrong | goroutine 1 [running]: | explode_here | main
//! stderr-regex: ^goroutine 1 \[running\]:$
//! stderr-frames: goroutine 1 [running]: | explode_here(...) | explode_here(...) | explode_here(...) | explode_here(...) | main()
//! stdout-not-contains: after
//! runs: ; GOTRACEBACK=single
#include "go.h"

// The recursion ends in a [[noreturn]] call, which GCC takes for endless.
#pragma GCC diagnostic ignored "-Winfinite-recursion"

__attribute__((noinline)) void explode_here(int depth) {
    if (depth == 0) go::panic("something went wrong");
    explode_here(depth - 1);
}

int main() {
    go::fmt::Println("before");
    explode_here(3);
    go::fmt::Println("after");
    return 0;
}
