// Producers and consumers on one buffered channel under GOMAXPROCS=2: 8
// producers send 25,000 distinct values each, 8 consumers receive until the
// channel is closed; count, sum and sum of squares are exact and no value
// is received twice.
//! env: GOMAXPROCS=2
//! stdout: count=200000 sum=19999900000 sumsq=2666646666700000
//! stdout: ok
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

constexpr int P = 8, C = 8, PerProducer = 25000, N = P * PerProducer;
static uint8_t seen[N];

struct Totals {
    int64_t count = 0, sum = 0, sumsq = 0;
};

int main() {
    auto work = go::make_chan<int64_t>(64);
    auto results = go::make_chan<Totals>(C);
    go::sync::WaitGroup producers;
    producers.Add(P);
    for (int p = 0; p < P; p++)
        go::go([work, &producers](int p) {
            for (int i = 0; i < PerProducer; i++) work.send((int64_t)i * P + p);
            producers.Done();
        }, p);
    for (int c = 0; c < C; c++)
        go::go([work, results] {
            Totals t;
            for (int64_t v : work) {
                CHECK_EQ(ATOMIC_ADD(&seen[v], 1), 1);
                t.count++;
                t.sum += v;
                t.sumsq += v * v;
            }
            results.send(t);
        });
    producers.Wait();
    work.close();
    Totals all;
    for (int c = 0; c < C; c++) {
        Totals t = results.recv();
        all.count += t.count;
        all.sum += t.sum;
        all.sumsq += t.sumsq;
    }
    // Closed-form checks on top of the printed values.
    CHECK_EQ(all.count, N);
    CHECK_EQ(all.sum, (int64_t)N * (N - 1) / 2);
    CHECK_EQ(all.sumsq, (int64_t)(N - 1) * N * (2 * (int64_t)N - 1) / 6);
    go::fmt::Printf("count=%d sum=%d sumsq=%d\n", all.count, all.sum, all.sumsq);
    t::ok();
    return 0;
}
