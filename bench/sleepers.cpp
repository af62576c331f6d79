// sleepers: 10,000 goroutines each sleep 1 ms ten times. Metric: wall ms from
// the first go statement to the last goroutine's wg.Done (ideal: 10 ms);
// cpu= is CPU time over wall time.
#include "bench.h"

constexpr int N = 10000, Times = 10;

int main() {
    go::sync::WaitGroup wg;
    wg.Add(N);
    int64_t c0 = bench::cpuNanos();
    int64_t t0 = go::time::Now();
    for (int i = 0; i < N; i++)
        go::go([&wg] {
            for (int k = 0; k < Times; k++) go::time::Sleep(go::time::Millisecond);
            wg.Done();
        });
    wg.Wait();
    int64_t dt = go::time::Now() - t0;
    int64_t dc = bench::cpuNanos() - c0;
    bench::report("sleepers", "ms", (double)dt / 1e6, (double)dc / dt);
    return 0;
}
