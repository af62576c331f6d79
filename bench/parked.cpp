// parked: 100,000 goroutines blocked receiving on one channel. Metric: growth
// of the resident set (/proc/self/statm) from before the first go statement to
// when all of them have started (and are parked or about to park), divided by
// the number of goroutines: bytes per parked goroutine.
#include "bench.h"

constexpr int N = 100000;

int main() {
    auto c = go::make_chan<int>();
    go::sync::WaitGroup started;
    started.Add(N);
    int64_t before = bench::rssBytes();
    for (int i = 0; i < N; i++)
        go::go([=, &started] {
            started.Done();
            c.recv();
        });
    started.Wait();
    for (int i = 0; i < 10; i++) go::Gosched();  // let the last ones park
    int64_t after = bench::rssBytes();
    bench::report("parked", "bytes/goroutine", (double)(after - before) / N);
    return 0;
}
