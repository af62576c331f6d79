// A goroutine stuck in `for (;;) counter++;` (no calls, no yields) must not
// starve the others on one P: sysmon preempts it asynchronously (a signal)
// after ~10 ms. Two spinners both make progress, and main, which only
// yields, gets back every time; the program then exits 0.
//! env: GOMAXPROCS=1
//! stdout: ok
//! env-native: BUDGET_MS=2000
//! env-qemu: BUDGET_MS=20000
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

static volatile uint64_t counter[2];

static void spin(int k) {
    for (;;) counter[k] = counter[k] + 1;
}

int main() {
    const int64_t budget = t::envInt("BUDGET_MS", 2000);
    int64_t t0 = t::monoMillis();
    go::go(spin, 0);
    go::go(spin, 1);
    // Each Gosched hands the P to a spinner; only preemption gives it back.
    for (int round = 0; round < 5; round++) go::Gosched();
    CHECK_MSG(t::waitFor([] { return counter[0] > 0 && counter[1] > 0; }, budget),
              "both spinners should have run");
    uint64_t c0 = counter[0], c1 = counter[1];
    go::Gosched();
    CHECK_MSG(t::waitFor([&] { return counter[0] > c0 && counter[1] > c1; }, budget),
              "both spinners should keep running");
    int64_t ms = t::monoMillis() - t0;
    t::Line().s("main got the P back; ").i(ms).s(" ms in all").out(2);
    CHECK_RANGE(ms, 0, budget);
    t::ok();
    return 0;
}
