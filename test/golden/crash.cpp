// GOTRACEBACK=crash and SIGQUIT sent to the thread of a goroutine that spins
// while main sleeps: every M prints its own stack in turn ("-----" between
// them, idle Ms as goroutine 0), then the process dies of SIGABRT.
// (test/golden/README.md: the .go beside this file is the same program.)
//
//
#include "go.h"

//
//
//
//
//
volatile long counter;

__attribute__((noinline))
void spin() {
    while (counter >= 0) counter++;
    //
    //
}

int main() {
    go::go(spin);
    go::time::Sleep(20 * go::time::Millisecond);
    go::fmt::Println("ready");
    go::time::Sleep(go::time::Hour);
}
