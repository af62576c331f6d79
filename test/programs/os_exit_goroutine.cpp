// go::os::Exit from a goroutine ends the whole process at once, while main
// and others are still running or blocked.
//! exit: 4
//! stdout: goroutine exits
//! stdout-not-contains: not reached
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include "go.h"

int main() {
    auto never = go::make_chan<int>();
    for (int i = 0; i < 3; i++) go::go([never] { never.recv(); });
    go::go([] {
        for (;;) go::Gosched();
    });
    go::go([] {
        go::time::Sleep(10 * go::time::Millisecond);
        go::fmt::Println("goroutine exits");
        go::os::Exit(4);
        go::fmt::Println("not reached");
    });
    never.recv();
    go::fmt::Println("not reached");
    return 0;
}
