// std::bitset::test past the last bit.
// Without exceptions nothing could catch it: an unrecovered panic with the
// library's message, the goroutine's traceback down to main, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: panic: bitset::test: __position (which is 5) >= _Nb (which is 4) | goroutine 1 [running]: | main()
//! stderr-regex: ^panic: bitset::test: __position [(]which is 5[)] >= _Nb [(]which is 4[)]$
#include <bitset>

#include "go.h"

// Defeats constant folding, so the check runs at run time.
static volatile size_t opaque = 5;

int main() {
    std::bitset<4> b(5);
    go::fmt::Println("before");
    go::fmt::Println(b.test(opaque));
    return 0;
}
