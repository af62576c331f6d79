// GOMAXPROCS(n) at run time: returns the previous value, n < 1 only reads,
// and the new count takes effect (goroutines still all run; with 4 Ps, more
// than one runs at a time), also while other goroutines are busy.
//! env: GOMAXPROCS=2
//! stdout: ok
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

static int running, maxRunning, finished;
static volatile uint64_t sink;

static go::sync::WaitGroup wg;

static void work() {
    int r = ATOMIC_ADD(&running, 1);
    for (int m = ATOMIC_LOAD(&maxRunning); r > m; m = ATOMIC_LOAD(&maxRunning))
        if (__atomic_compare_exchange_n(&maxRunning, &m, r, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) break;
    uint64_t x = 1;
    for (int k = 0; k < 300000; k++) x = x * 6364136223846793005ull + 1;
    sink = x;
    ATOMIC_ADD(&running, -1);
    ATOMIC_ADD(&finished, 1);
    wg.Done();
}

static void batch(int n) {
    ATOMIC_STORE(&finished, 0);
    ATOMIC_STORE(&maxRunning, 0);
    wg.Add(n);
    for (int i = 0; i < n; i++) go::go(work);
    wg.Wait();  // parked, not polling: the other Ps steal the work
    CHECK_EQ(ATOMIC_LOAD(&finished), n);
}

int main() {
    CHECK_EQ(go::GOMAXPROCS(0), 2);
    CHECK_EQ(go::GOMAXPROCS(3), 2);
    CHECK_EQ(go::GOMAXPROCS(0), 3);
    CHECK_EQ(go::GOMAXPROCS(-5), 3);
    CHECK_EQ(go::GOMAXPROCS(1), 3);
    CHECK_EQ(go::GOMAXPROCS(1), 1);  // same value: fine
    batch(50);

    CHECK_EQ(go::GOMAXPROCS(4), 1);
    batch(100);
    CHECK_RANGE(maxRunning, 2, 100);

    // Change it while goroutines are running.
    ATOMIC_STORE(&finished, 0);
    wg.Add(100);
    for (int i = 0; i < 100; i++) go::go(work);
    CHECK_EQ(go::GOMAXPROCS(2), 4);
    CHECK_EQ(go::GOMAXPROCS(1), 2);
    CHECK_EQ(go::GOMAXPROCS(3), 1);
    wg.Wait();
    CHECK_EQ(ATOMIC_LOAD(&finished), 100);
    CHECK_EQ(go::GOMAXPROCS(0), 3);
    t::ok();
    return 0;
}
