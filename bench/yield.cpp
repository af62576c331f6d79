// yield: two goroutines each call Gosched 5,000,000 times (default GOMAXPROCS).
// Metric: wall ns per Gosched call (total wall time / 10,000,000).
#include "bench.h"

constexpr int N = 5000000;

int main() {
    go::sync::WaitGroup wg;
    wg.Add(2);
    int64_t t0 = go::time::Now();
    for (int k = 0; k < 2; k++)
        go::go([&wg] {
            for (int i = 0; i < N; i++) go::Gosched();
            wg.Done();
        });
    wg.Wait();
    int64_t dt = go::time::Now() - t0;
    bench::report("yield", "ns/yield", (double)dt / (2.0 * N));
    return 0;
}
