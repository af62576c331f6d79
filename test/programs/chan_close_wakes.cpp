// close wakes every waiting receiver (each gets T{}, ok == false) and makes a
// sender blocked on the channel panic, as in Go.
//! exit: 2
//! stdout: 10 receivers woken
//! stderr-contains: panic: send on closed channel
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include "go.h"
#include "testutil.h"

int main() {
    auto c = go::make_chan<int>();
    auto woken = go::make_chan<bool>(10);
    for (int i = 0; i < 10; i++)
        go::go([c, woken] {
            int v = -1;
            bool ok = c.recv(v);
            woken.send(!ok && v == 0);
        });
    go::time::Sleep(20 * go::time::Millisecond);  // let them park
    c.close();
    int n = 0;
    for (int i = 0; i < 10; i++) n += woken.recv() ? 1 : 0;
    go::fmt::Printf("%d receivers woken\n", n);

    // A sender parked on an unbuffered channel panics when it is closed.
    auto d = go::make_chan<int>();
    go::go([d] { d.send(1); });
    go::time::Sleep(20 * go::time::Millisecond);
    d.close();
    go::time::Sleep(2 * go::time::Second);  // the panic ends the program first
    go::fmt::Println("not reached");
    return 0;
}
