// 10,000 goroutines each sleep 1 ms ten times: a sleeping goroutine holds no
// thread and the timers are served together, so the whole takes close to
// 10 ms of wall time, not 100 s of them in turn: under 3 s natively (a budget
// that the qemu run widens through BUDGET_MS). Best of up to three runs.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
//! env-native: BUDGET_MS=3000
//! env-qemu: BUDGET_MS=8000
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

constexpr int N = 10000, Times = 10;

static int64_t once() {
    go::sync::WaitGroup wg;
    wg.Add(N);
    int64_t t0 = go::time::Now();
    for (int i = 0; i < N; i++)
        go::go([&wg] {
            for (int k = 0; k < Times; k++) go::time::Sleep(go::time::Millisecond);
            wg.Done();
        });
    wg.Wait();
    return (go::time::Now() - t0) / go::time::Millisecond;
}

int main() {
    const int64_t budget = t::envInt("BUDGET_MS", 500);
    // Best of three: the test runs beside others on a shared machine (Go
    // 1.19 itself takes 150-250 ms here on a loaded 2-CPU VM).
    int64_t best = INT64_MAX;
    for (int run = 0; run < 3 && best > budget; run++) {
        int64_t ms = once();
        t::Line().s("10000 goroutines x 10 sleeps of 1 ms: ").i(ms).s(" ms").out(2);
        CHECK_RANGE(ms, 10, 1000000);  // never faster than the sleeps themselves
        if (ms < best) best = ms;
    }
    CHECK_RANGE(best, 10, budget);
    t::ok();
    return 0;
}
