// prodcons: 4 producers and 4 consumers share one channel of capacity 128;
// 4,000,000 messages in total (1,000,000 per producer). The channel is closed
// once every producer is done; consumers range over it.
// Metric: wall ns per message.
#include "bench.h"

constexpr int P = 4, C = 4, Total = 4000000, PerProducer = Total / P;

int main() {
    auto ch = go::make_chan<int64_t>(128);
    go::sync::WaitGroup prod, cons;
    int64_t sums[C] = {};
    prod.Add(P);
    cons.Add(C);
    int64_t t0 = go::time::Now();
    for (int c = 0; c < C; c++)
        go::go([=, &cons, &sums] {
            int64_t s = 0;
            for (int64_t v : ch) s += v;
            sums[c] = s;
            cons.Done();
        });
    for (int p = 0; p < P; p++)
        go::go([=, &prod] {
            for (int i = 0; i < PerProducer; i++) ch.send((int64_t)i);
            prod.Done();
        });
    prod.Wait();
    ch.close();
    cons.Wait();
    int64_t dt = go::time::Now() - t0;
    int64_t sum = 0;
    for (int c = 0; c < C; c++) sum += sums[c];
    if (sum != (int64_t)P * PerProducer * (PerProducer - 1) / 2) go::panic("prodcons: wrong sum");
    bench::report("prodcons", "ns/msg", (double)dt / Total);
    return 0;
}
