// A nil dereference two calls deep, in a leaf: every frame is printed.
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

//
//
//
//
//
int* volatile nowhere = nullptr;

__attribute__((noinline))
void leaf() { *nowhere = 1; }

__attribute__((noinline))
void middle() { leaf(); }

int main() {
    middle();
}
