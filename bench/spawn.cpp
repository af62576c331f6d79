// spawn: 1,000,000 goroutines that each call wg.Done(), then wg.Wait().
// Metric: wall ns per goroutine, from the first go statement to Wait's return.
#include "bench.h"

constexpr int N = 1000000;

int main() {
    go::sync::WaitGroup wg;
    wg.Add(N);
    int64_t c0 = bench::cpuNanos();
    int64_t t0 = go::time::Now();
    for (int i = 0; i < N; i++) go::go([&wg] { wg.Done(); });
    wg.Wait();
    int64_t dt = go::time::Now() - t0;
    int64_t dc = bench::cpuNanos() - c0;
    bench::report("spawn", "ns/goroutine", (double)dt / N, (double)dc / dt);
    return 0;
}
