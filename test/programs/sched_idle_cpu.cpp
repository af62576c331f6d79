// Idle Ms sleep on futexes: while every goroutine is parked (asleep or on a
// channel) for 500 ms with 4 Ps, the process uses almost no CPU (getrusage
// covers all threads; under qemu, the emulator's too).
//! env: GOMAXPROCS=4
//! stdout: ok
#include "go.h"
#include "testutil.h"

int main() {
    auto c = go::make_chan<int>();
    for (int i = 0; i < 8; i++) go::go([c] { c.recv(); });
    for (int i = 0; i < 8; i++) go::go([] { go::time::Sleep(500 * go::time::Millisecond); });
    go::time::Sleep(50 * go::time::Millisecond);  // let the start-up settle
    int64_t cpu0 = t::cpuMicros(), wall0 = t::monoNanos();
    go::time::Sleep(500 * go::time::Millisecond);
    int64_t cpu = t::cpuMicros() - cpu0, wall = (t::monoNanos() - wall0) / 1000;
    t::Line().s("idle: ").i(cpu).s(" us of CPU in ").i(wall).s(" us").out(2);
    // Go's own idle runtime uses well under 1%; allow 10% of one CPU.
    CHECK_RANGE(cpu, 0, wall / 10);
    c.close();
    t::ok();
    return 0;
}
