// len and cap: unbuffered 0/0, buffered count and capacity, unchanged by
// close, nil channel 0/0; copies of a handle name the same channel.
//! stdout: ok
#include "go.h"
#include "testutil.h"

int main() {
    go::chan<int> nilc;
    CHECK_EQ(nilc.len(), 0);
    CHECK_EQ(nilc.cap(), 0);

    auto u = go::make_chan<int>();
    CHECK_EQ(u.len(), 0);
    CHECK_EQ(u.cap(), 0);
    auto d = go::make_chan<int>(0);
    CHECK_EQ(d.cap(), 0);

    auto b = go::make_chan<int>(10);
    CHECK_EQ(b.cap(), 10);
    for (int i = 0; i < 7; i++) {
        CHECK_EQ(b.len(), i);
        b.send(i);
    }
    CHECK_EQ(b.len(), 7);
    b.recv();
    CHECK_EQ(b.len(), 6);

    auto copy = b;  // the same channel
    CHECK(copy == b);
    CHECK(!(copy != b));
    CHECK(copy != u);
    copy.send(99);
    CHECK_EQ(b.len(), 7);
    b.close();
    CHECK_EQ(copy.len(), 7);
    CHECK_EQ(copy.cap(), 10);
    while (b.len() > 0) b.recv();
    CHECK_EQ(b.len(), 0);
    CHECK_EQ(b.cap(), 10);

    // A lambda capturing the channel by value uses it without `mutable`.
    auto big = go::make_chan<int>(1000);
    auto fill = [big] {
        for (int i = 0; i < 1000; i++) big.send(i);
    };
    fill();
    CHECK_EQ(big.len(), 1000);
    CHECK_EQ(big.cap(), 1000);
    t::ok();
    return 0;
}
