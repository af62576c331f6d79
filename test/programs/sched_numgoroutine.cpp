// NumGoroutine counts live goroutines: runnable, running, and parked ones
// (here: on a channel and asleep), and not the exited ones.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"
#include "testutil.h"

static int release;
static int started;

int main() {
    CHECK_EQ(go::NumGoroutine(), 1);
    for (int i = 0; i < 10; i++)
        go::go([] {
            ATOMIC_ADD(&started, 1);
            while (!ATOMIC_LOAD(&release)) go::Gosched();
        });
    CHECK_EQ(go::NumGoroutine(), 11);  // counted from the go statement on
    CHECK(t::waitFor([] { return ATOMIC_LOAD(&started) == 10; }, 5000));
    CHECK_EQ(go::NumGoroutine(), 11);
    ATOMIC_STORE(&release, 1);
    CHECK(t::waitFor([] { return go::NumGoroutine() == 1; }, 5000));

    // Parked goroutines count too.
    auto c = go::make_chan<int>();
    for (int i = 0; i < 5; i++) go::go([c] { c.recv(); });
    for (int i = 0; i < 5; i++) go::go([] { go::time::Sleep(200 * go::time::Millisecond); });
    go::time::Sleep(20 * go::time::Millisecond);
    CHECK_EQ(go::NumGoroutine(), 11);
    for (int i = 0; i < 5; i++) c.send(i);
    CHECK(t::waitFor([] { return go::NumGoroutine() == 6; }, 5000));
    CHECK(t::waitFor([] { return go::NumGoroutine() == 1; }, 5000));
    t::ok();
    return 0;
}
