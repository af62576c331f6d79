// GOMAXPROCS from several goroutines at once: each caller waits its turn to
// stop the world (Go parks it on worldsema) instead of sleeping its thread
// while holding a P, which left the first caller waiting for that P forever.
// Busy goroutines run meanwhile so every stop has running Ps to preempt.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2 ; GOMAXPROCS=4
//! timeout: 30
//! qemu-timeout: 240
#include "go.h"
#include "testutil.h"

static int done, stop;
static volatile uint64_t sink;

int main() {
    const int callers = 3, iters = t::underQemu() ? 300 : 1000;
    go::sync::WaitGroup wg, busy;
    for (int b = 0; b < 2; b++) {
        busy.Add(1);
        go::go([&] {
            uint64_t x = 1;
            while (!ATOMIC_LOAD(&stop)) x = x * 6364136223846793005ull + 1;
            sink = x;
            busy.Done();
        });
    }
    for (int c = 0; c < callers; c++) {
        wg.Add(1);
        go::go([&, c] {
            for (int i = 0; i < iters; i++) {
                int prev = go::GOMAXPROCS(2 + (i + c) % 2);
                CHECK_RANGE(prev, 1, 4);
            }
            ATOMIC_ADD(&done, 1);
            wg.Done();
        });
    }
    wg.Wait();
    ATOMIC_STORE(&stop, 1);
    busy.Wait();
    CHECK_EQ(ATOMIC_LOAD(&done), callers);
    int n = go::GOMAXPROCS(0);
    CHECK_RANGE(n, 2, 3);
    t::ok();
    return 0;
}
