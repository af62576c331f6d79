// Not deadlocks: main blocked on a channel while the only other goroutine
// sleeps (a timer will wake it), or is blocked in read(2) on a timerfd (a
// system call that returns by itself). The detector must stay quiet.
//! stdout: from sleeper 1
//! stdout: from reader 2
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"
#include "testutil.h"

int main() {
    auto c = go::make_chan<int>();
    go::go([c] {
        go::time::Sleep(100 * go::time::Millisecond);
        c.send(1);
    });
    go::fmt::Printf("from sleeper %d\n", c.recv());

    // The reader's read(2) returns by itself after 100 ms (a timerfd): a
    // goroutine in a system call is not asleep.
    int fd = t::timerfdMillis(100);
    CHECK(fd >= 0);
    go::go([c, fd] {
        uint64_t expirations = 0;
        long n = go::os::Read(fd, &expirations, sizeof expirations);
        c.send(n == 8 && expirations == 1 ? 2 : -1);
    });
    go::fmt::Printf("from reader %d\n", c.recv());
    t::ok();
    return 0;
}
