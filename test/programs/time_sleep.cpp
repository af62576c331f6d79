// time::Sleep, time::Now, time::After and a select with a timeout.
// Sleep(d) parks for at least d (and, natively, not much longer); Now is
// monotonic; After(d) delivers Now() once d has passed; a select on a
// channel that never becomes ready and on After(d) takes the timeout case.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
//! env-native: SLACK_MS=100 SPACING_MS=30
//! env-qemu: SLACK_MS=1500 SPACING_MS=150
#include "go.h"
#include "testutil.h"

using namespace go::time;

int main() {
    const int64_t slack = t::envInt("SLACK_MS", 100) * Millisecond;
    static_assert(Nanosecond == 1 && Microsecond == 1000 && Millisecond == 1000000 && Second == 1000000000);
    static_assert(std::is_same_v<Duration, int64_t>);

    // Now agrees with CLOCK_MONOTONIC and never goes back.
    int64_t raw = t::monoNanos(), now = Now();
    CHECK_RANGE(now - raw, -slack, slack);
    for (int i = 0; i < 1000; i++) {
        int64_t n = Now();
        CHECK(n >= now);
        now = n;
    }

    // Sleep.
    int64_t t0 = Now();
    Sleep(20 * Millisecond);
    int64_t slept = Now() - t0;
    CHECK_RANGE(slept, 20 * Millisecond, 20 * Millisecond + slack);
    t0 = Now();
    Sleep(0);
    Sleep(-5 * Second);  // not positive: returns at once
    CHECK_RANGE(Now() - t0, 0, slack);

    // Sleeping goroutines wake in deadline order. (Timers found due in the
    // same pass of the scheduler are readied together, and the last one
    // readied runs first, as in Go; the spacing keeps their deadlines apart
    // even on a loaded machine.)
    const int64_t spacing = t::envInt("SPACING_MS", 30) * Millisecond;
    auto order = go::make_chan<int>(3);
    static const int delays[] = {3, 1, 2};
    for (int k : delays)
        go::go([order, k, spacing] {
            Sleep(k * spacing);
            order.send(k);
        });
    CHECK_EQ(order.recv(), 1);
    CHECK_EQ(order.recv(), 2);
    CHECK_EQ(order.recv(), 3);

    // After: receives Now() once d has passed.
    t0 = Now();
    int64_t when = After(30 * Millisecond).recv();
    int64_t t1 = Now();
    CHECK(when >= t0 + 30 * Millisecond);
    CHECK(when <= t1);
    CHECK_RANGE(t1 - t0, 30 * Millisecond, 30 * Millisecond + slack);

    // select with a timeout: the other channel never becomes ready.
    auto never = go::make_chan<int>();
    int v;
    t0 = Now();
    int k = go::select(go::recv(never, &v), go::recv(After(50 * Millisecond)));
    CHECK_EQ(k, 1);
    CHECK_RANGE(Now() - t0, 50 * Millisecond, 50 * Millisecond + slack);

    // ...and a select where the value comes before the timeout.
    auto soon = go::make_chan<int>();
    go::go([soon] {
        Sleep(10 * Millisecond);
        soon.send(7);
    });
    k = go::select(go::recv(soon, &v), go::recv(After(5 * Second)));
    CHECK_EQ(k, 0);
    CHECK_EQ(v, 7);
    t::ok();
    return 0;
}
