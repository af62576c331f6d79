// A million short goroutines, started in waves of 10,000: every one runs, and
// memory stays bounded because dead Gs and their stacks are reused (Go's
// gfget/gfput): the RSS after the last wave is close to the RSS after the
// tenth. Waits with Gosched and an atomic counter, so it needs only go::go.
//! stdout: ran 1000000 goroutines
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
//! timeout: 30
//! qemu-timeout: 180
#include "go.h"
#include "testutil.h"

constexpr int Waves = 100, PerWave = 10000;
static int64_t done;
static int64_t sum;

int main() {
    int64_t rssAt10 = 0;
    for (int w = 0; w < Waves; w++) {
        for (int i = 0; i < PerWave; i++)
            go::go([](int64_t v) {
                ATOMIC_ADD(&sum, v);
                ATOMIC_ADD(&done, 1);
            }, (int64_t)w * PerWave + i);
        int64_t want = (int64_t)(w + 1) * PerWave;
        CHECK_MSG(t::waitFor([&] { return ATOMIC_LOAD(&done) == want; }, 20000), "a wave did not finish in 20 s");
        // The goroutines have counted themselves; wait for them to exit too.
        CHECK_MSG(t::waitFor([] { return go::NumGoroutine() == 1; }, 20000), "goroutines of a wave did not exit");
        if (w == 9) rssAt10 = t::rssBytes();
    }
    int64_t rss = t::rssBytes();
    go::fmt::Printf("ran %d goroutines\n", ATOMIC_LOAD(&done));
    CHECK_EQ(ATOMIC_LOAD(&sum), (int64_t)Waves * PerWave * (Waves * PerWave - 1) / 2);
    t::Line().s("rss after wave 10: ").i(rssAt10 >> 20).s(" MB, after wave 100: ").i(rss >> 20).s(" MB").out(2);
    CHECK(rssAt10 > 0);
    // 90 more waves of 10,000 must not grow memory by more than 64 MB (they
    // would take ~2.7 GB with no reuse at Go's 2.7 KB per goroutine).
    CHECK_RANGE(rss - rssAt10, -(int64_t)1 << 40, (int64_t)64 << 20);
    CHECK_RANGE(rss, 0, (int64_t)1 << 30);
    t::ok();
    return 0;
}
