// main blocks receiving from a channel nobody will ever send on, while another
// goroutine is blocked too: Go's deadlock message, the main goroutine's wait
// reason, exit status 2 (checkdead).
//! exit: 2
//! stdout: blocking
//! stderr-contains: fatal error: all goroutines are asleep - deadlock!
//! stderr-contains: goroutine 1 [chan receive]:
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include "go.h"

int main() {
    auto c = go::make_chan<int>();
    auto d = go::make_chan<int>();
    go::go([d] { d.recv(); });
    go::fmt::Println("blocking");
    return c.recv();
}
