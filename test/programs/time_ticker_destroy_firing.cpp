// A Ticker destroyed while it fires: ~Ticker must not free the timer and its
// channel while the timer's send runs on another thread (deltimer waits for
// a run in flight, as Go 1.19's deltimer does for timerRunning). Before,
// this died with "fatal error: unlock of unlocked lock" in chansend or
// worse. Sleepers keep other Ms in the scheduler, running timers.
//! stdout: ok
//! runs: GOMAXPROCS=2 ; GOMAXPROCS=4 ; GOMAXPROCS=4
//! env-native: ITERS=1500000
//! env-qemu: ITERS=300000
//! timeout: 30
//! qemu-timeout: 240
#include "go.h"
#include "testutil.h"

int main() {
    const int64_t iters = t::envInt("ITERS", 300000);
    t::Sleepers sleepers(3, 50 * go::time::Microsecond);
    int64_t ticks = 0, v;
    for (int64_t i = 0; i < iters; i++) {
        go::time::Ticker tk(1);
        if (go::select(go::recv(tk.C, &v), go::default_case) == 0) ticks++;
    }
    sleepers.Stop();
    CHECK_RANGE(ticks, 0, iters);
    t::ok();
    return 0;
}
