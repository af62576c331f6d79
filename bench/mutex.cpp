// mutex: 8 goroutines, 1,000,000 Lock/Unlock pairs each on one sync.Mutex
// (incrementing a shared counter inside). Metric: wall ns per Lock/Unlock pair.
#include "bench.h"

constexpr int G = 8, N = 1000000;

int main() {
    go::sync::Mutex mu;
    int64_t counter = 0;
    go::sync::WaitGroup wg;
    wg.Add(G);
    int64_t t0 = go::time::Now();
    for (int g = 0; g < G; g++)
        go::go([&] {
            for (int i = 0; i < N; i++) {
                mu.Lock();
                counter++;
                mu.Unlock();
            }
            wg.Done();
        });
    wg.Wait();
    int64_t dt = go::time::Now() - t0;
    if (counter != (int64_t)G * N) go::panic("mutex: wrong count");
    bench::report("mutex", "ns/op", (double)dt / ((double)G * N));
    return 0;
}
