// With one P, goroutines blocked on the network hold no thread and stop
// nothing: a goroutine that spins without function calls is still preempted
// (sysmon, by signal) so that timers fire and a readied network reader runs.
//! runs: GOMAXPROCS=1
//! stdout: timer fired while a goroutine spun
//! stdout: reader woke while a goroutine spun
#include "testutil.h"

static volatile bool stop;

int main() {
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    CHECK(!err);
    auto [c, err2] = go::net::Dial("tcp", ln.Addr());
    CHECK(!err2);
    auto [s, err3] = ln.Accept();
    CHECK(!err3);
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
