// "After Stop, no more ticks will be sent" (Go's Ticker.Stop): once Stop has
// returned and the one buffered tick is drained, nothing arrives. Before,
// Stop returned while a tick was still being sent on another thread, and
// that tick arrived after the drain.
//! stdout: ok
//! runs: GOMAXPROCS=2 ; GOMAXPROCS=4
//! env-native: ITERS=20000
//! env-qemu: ITERS=15000
//! timeout: 30
//! qemu-timeout: 240
#include "go.h"
#include "testutil.h"

int main() {
    const int64_t iters = t::envInt("ITERS", 20000);
    t::Sleepers sleepers(3, 20 * go::time::Microsecond);
    int64_t late = 0, v;
    for (int64_t i = 0; i < iters; i++) {
        go::time::Ticker tk(1000 + i % 7 * 1000);
        for (int k = 0; k < 3; k++) tk.C.recv();
        tk.Stop();
        go::select(go::recv(tk.C, &v), go::default_case);  // drain the tick buffered before Stop
        // Let a send still in flight land, then look.
        for (int y = 0; y < 20; y++) go::Gosched();
        if (go::select(go::recv(tk.C, &v), go::default_case) == 0) late++;
    }
    sleepers.Stop();
    CHECK_MSG(late == 0, "a tick arrived after Stop returned and the channel was drained");
    t::ok();
    return 0;
}
