// A four-way select sender: one goroutine sends 0..N-1, each value through a
// select over send cases on four channels; four receivers mark what they
// get. Every value arrives exactly once. Then the mirror image: four senders,
// one receiver selecting over four receive cases.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2 ; GOMAXPROCS=4
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

constexpr int N = 40000;
static uint8_t seen[N];
static int perChan[4];

int main() {
    go::chan<int> c[4];
    for (auto& ch : c) ch = go::make_chan<int>(); // unbuffered, as in Go's test
    c[3] = go::make_chan<int>(3);                // one buffered, for variety

    go::go([c] {
        for (int i = 0; i < N; i++) {
            int k = go::select(go::send(c[0], i), go::send(c[1], i), go::send(c[2], i), go::send(c[3], i));
            CHECK_RANGE(k, 0, 3);
        }
        for (auto& ch : c) ch.close();
    });
    go::sync::WaitGroup wg;
    wg.Add(4);
    for (int k = 0; k < 4; k++)
        go::go([&wg](go::chan<int> ch, int k) {
            for (int v : ch) {
                CHECK_RANGE(v, 0, N - 1);
                CHECK_EQ(ATOMIC_ADD(&seen[v], 1), 1);  // never twice
                ATOMIC_ADD(&perChan[k], 1);
            }
            wg.Done();
        }, c[k], k);
    wg.Wait();
    for (int i = 0; i < N; i++) CHECK_EQ(seen[i], 1);  // all delivered
    int total = 0;
    for (int k = 0; k < 4; k++) total += perChan[k];
    CHECK_EQ(total, N);

    // Mirror: four senders, one selecting receiver.
    go::chan<int> d[4];
    for (auto& ch : d) ch = go::make_chan<int>();
    for (int k = 0; k < 4; k++)
        go::go([](go::chan<int> ch, int k) {
            for (int i = k; i < N; i += 4) ch.send(i);
            ch.close();
        }, d[k], k);
    for (auto& s : seen) s = 0;
    int open = 4, got = 0;
    bool closed[4] = {};
    while (open > 0) {
        int v = -1;
        bool ok = false;
        int k = go::select(go::recv(d[0], &v, &ok), go::recv(d[1], &v, &ok), go::recv(d[2], &v, &ok),
                           go::recv(d[3], &v, &ok));
        CHECK_RANGE(k, 0, 3);
        if (!ok) {
            CHECK(!closed[k]);
            CHECK_EQ(v, 0);  // a closed channel yields T{}
            closed[k] = true;
            d[k] = go::chan<int>();  // nil: never ready again
            open--;
            continue;
        }
        CHECK_EQ(v % 4, k);
        CHECK_EQ(++seen[v], 1);
        got++;
    }
    CHECK_EQ(got, N);
    t::ok();
    return 0;
}
