// A WaitGroup counter below zero panics in Add, called from Done.
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

//
//
go::sync::WaitGroup wg;

__attribute__((noinline))
void finish() { wg.Done(); }

int main() {
    finish();
}
