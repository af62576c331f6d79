// for (T v : c) receives until the channel is closed and drained: values
// buffered before close are still delivered, in order; ranging over a closed
// empty channel ends at once; a range can stop early (break) and resume.
//! stdout: sum=4950
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"
#include "testutil.h"

int main() {
    auto c = go::make_chan<int>();
    go::go([c] {
        for (int i = 0; i < 100; i++) c.send(i);
        c.close();
    });
    int sum = 0, next = 0;
    for (int v : c) {
        CHECK_EQ(v, next);
        next++;
        sum += v;
    }
    CHECK_EQ(next, 100);
    go::fmt::Printf("sum=%d\n", sum);

    // Buffered values survive close.
    auto b = go::make_chan<int>(5);
    for (int i = 1; i <= 5; i++) b.send(i * 10);
    b.close();
    CHECK_EQ(b.len(), 5);
    int n = 0;
    for (int v : b) {
        n++;
        CHECK_EQ(v, n * 10);
        if (n == 2) break;  // stop early...
    }
    for (int v : b) {       // ...and resume where it stopped
        n++;
        CHECK_EQ(v, n * 10);
    }
    CHECK_EQ(n, 5);
    for (int v : b) {
        (void)v;
        CHECK_MSG(false, "ranging over a closed, drained channel yielded a value");
    }

    // Range over a const channel handle (a channel is a reference).
    const auto k = go::make_chan<int>(3);
    k.send(1);
    k.send(2);
    k.close();
    int total = 0;
    for (int v : k) total += v;
    CHECK_EQ(total, 3);
    t::ok();
    return 0;
}
