// A goroutine that ran deep and came back keeps its deeper stack segments
// cached (so that a loop crossing at several depths stays fast), but gives
// them back when it parks (shrinkstack, docs/stacks.md): 48 MB of recursion
// (segments above 32 KB are mmap'd one by one and unmapped when freed),
// then a block on a channel, and the resident set must fall by most of it.
// Without the shrink it would stay until the goroutine exits. The wait for
// the fall is bounded, not timed.
//! stdout: ok
//! timeout: 60
//! qemu-timeout: 300
#include "go.h"
#include "testutil.h"

constexpr int64_t MB = 1 << 20;

__attribute__((noinline)) static int64_t recurse(int64_t n) {
    volatile char frame[1000];  // about 1 KB a level, all of it touched
    for (int i = 0; i < 1000; i += 64) frame[i] = (char)n;
    int64_t r = n == 0 ? 0 : recurse(n - 1);
    return r + frame[0];
}

int main() {
    auto deep = go::make_chan<int64_t>();
    auto wake = go::make_chan<int>();
    go::go([deep, wake] {
        int64_t levels = 48 * 1024;
        recurse(levels);
        int64_t rss = t::rssBytes();  // back at the top: the segments are still cached
        deep.send(rss);
        wake.recv();                  // parks: the deeper segments go
    });
    int64_t rssDeep = deep.recv();
    t::Line().s("after the recursion: rss ").i(rssDeep / MB).s(" MB").out(2);
    CHECK_RANGE(rssDeep, 40 * MB, 1 << 30);
    int64_t rss = 0;
    for (int i = 0; i < 500; i++) {  // up to ~5 s for the goroutine to park
        go::time::Sleep(10 * go::time::Millisecond);
        rss = t::rssBytes();
        if (rss < rssDeep - 32 * MB) break;
    }
    t::Line().s("parked: rss ").i(rss / MB).s(" MB").out(2);
    CHECK_RANGE(rss, 0, rssDeep - 32 * MB);
    wake.send(1);
    t::ok();
    return 0;
}
