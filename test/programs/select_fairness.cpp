// Among ready cases select chooses uniformly at random: with two always-ready
// channels, each is chosen 40-60% of 100,000 times; with three, each 28-39%.
// A default case is never taken while a case is ready.
//! stdout: ok
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

using go::default_case;

int main() {
    constexpr int N = 100000;
    auto a = go::make_chan<int>(1), b = go::make_chan<int>(1), c = go::make_chan<int>(1);
    a.send(1);
    b.send(2);
    int count[3] = {};
    int v;
    for (int i = 0; i < N; i++) {
        int k = go::select(go::recv(a, &v), go::recv(b, &v), default_case);
        CHECK_RANGE(k, 0, 1);
        count[k]++;
        (k == 0 ? a : b).send(v);  // refill: both stay ready
    }
    t::Line().s("two cases: ").i(count[0]).s(" ").i(count[1]).out(2);
    CHECK_RANGE(count[0], N * 40 / 100, N * 60 / 100);
    CHECK_RANGE(count[1], N * 40 / 100, N * 60 / 100);

    // Three ready cases, sends and receives mixed: a has a value (recv
    // ready), b and c have room (sends ready).
    b.recv();
    count[0] = count[1] = count[2] = 0;
    for (int i = 0; i < N; i++) {
        int k = go::select(go::recv(a, &v), go::send(b, 5), go::send(c, 6));
        count[k]++;
        if (k == 0) a.send(v);
        if (k == 1) b.recv();
        if (k == 2) c.recv();
    }
    t::Line().s("three cases: ").i(count[0]).s(" ").i(count[1]).s(" ").i(count[2]).out(2);
    for (int k = 0; k < 3; k++) CHECK_RANGE(count[k], N * 28 / 100, N * 39 / 100);
    t::ok();
    return 0;
}
