// Send on a closed channel in a goroutine other than main: the panic ends
// the whole program (exit 2) while main is blocked, and names the goroutine.
//! exit: 2
//! stderr-contains: panic: send on closed channel
//! stderr-regex: goroutine ([2-9]|[1-9][0-9]+) \[running\]:
//! stderr-contains: sender_here
//! stderr-frames: goroutine 2 [running]: | sender_here() | created by main
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"

static go::chan<int> c;

__attribute__((noinline)) void sender_here() { c.send(1); }

int main() {
    c = go::make_chan<int>(1);
    c.close();
    go::go(sender_here);
    go::select();  // blocks forever: the panic must end the program
}
