// With one P, goroutines blocked on the network hold no thread and stop
// nothing: a goroutine that spins without function calls is still preempted
// (sysmon, by signal) so that timers fire and a readied network reader runs.
//! runs: GOMAXPROCS=1
//! stdout: timer fired while a goroutine spun
//! stdout: reader woke while a goroutine spun
#include "testutil.h"

static volatile bool stop;

int main() {
    auto [ln, c, s] = t::tcpPair();
    auto woke = go::make_chan<int>(1);
    go::go([c, woke] {
        char b[8];
        auto [n, err] = c.Read(b, sizeof b);
        woke.send((int)n);
    });
    go::go([] {
        while (!stop) {
        }
    });
    go::time::Sleep(20 * go::time::Millisecond);  // the spinner has the P now
    go::fmt::Println("timer fired while a goroutine spun");
    s.Write("x");
    CHECK_EQ(woke.recv(), 1);
    go::fmt::Println("reader woke while a goroutine spun");
    stop = true;
}
