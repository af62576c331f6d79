// On one P with a goroutine spinning forever, main's time::Sleep still ends
// on time (within a generous slack), and a goroutine waiting on time::After
// still gets its value: timers are served although the only P is busy.
//! env: GOMAXPROCS=1
//! stdout: ok
//! env-native: SLACK_MS=500
//! env-qemu: SLACK_MS=10000
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

static volatile uint64_t counter;

int main() {
    const int64_t slack = t::envInt("SLACK_MS", 500) * go::time::Millisecond;
    go::go([] {
        for (;;) counter = counter + 1;
    });
    // Let the spinner start first (on a loaded machine main's timer could
    // otherwise expire before the spinner ever ran, proving nothing).
    CHECK(t::waitFor([] { return counter > 0; }, 5000));
    auto got = go::make_chan<int64_t>(1);
    go::go([got] { got.send(go::time::After(30 * go::time::Millisecond).recv()); });
    int64_t t0 = go::time::Now();
    go::time::Sleep(50 * go::time::Millisecond);
    int64_t slept = go::time::Now() - t0;
    t::Line().s("slept ").i(slept / 1000).s(" us beside a spinning goroutine").out(2);
    CHECK_RANGE(slept, 50 * go::time::Millisecond, 50 * go::time::Millisecond + slack);
    CHECK(got.recv() >= t0 + 30 * go::time::Millisecond);
    t::ok();
    return 0;
}
