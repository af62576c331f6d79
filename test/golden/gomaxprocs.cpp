// GOMAXPROCS from the environment, as Go 1.19's schedinit reads it: only a
// positive integer counts; the result is printed relative to NumCPU.
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

int main() {
    if (int n = go::GOMAXPROCS(0); n == go::NumCPU()) {
        go::fmt::Println("GOMAXPROCS = NumCPU");
    } else {
        go::fmt::Println("GOMAXPROCS =", n);
    }
}
