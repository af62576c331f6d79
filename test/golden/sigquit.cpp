// SIGQUIT from outside, with the main goroutine busy in a loop and while
// every goroutine is blocked (the signal lands on an idle M), at the default
// GOTRACEBACK and at system (registers, fp= sp= pc=).
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

//
//
//
//
static bool is(const char* a, const char* b) { while (a && *a && *a == *b) a++, b++; return a && *a == *b; }
//
//
//
//
//
//
//
go::chan<int> c = go::make_chan<int>();
volatile long counter;
go::chan<int> started = go::make_chan<int>();  // waiter is running
__attribute__((noinline))
void waiter() { started.send(1); c.recv(); }

__attribute__((noinline))
void spin() {
    while (counter >= 0) counter++;
    //
    //
}

int main() {
    go::go(waiter);
    started.recv();
    go::fmt::Println("ready");
    if (is(go::os::Getenv("CASE"), "busy")) {
        spin();
    }
    go::time::Sleep(go::time::Hour);
}
