// pingpong: two goroutines bounce an int over two unbuffered channels,
// 1,000,000 round trips. Metric: wall ns per round trip.
#include "bench.h"

constexpr int N = 1000000;

int main() {
    auto ping = go::make_chan<int>(), pong = go::make_chan<int>();
    go::sync::WaitGroup wg;
    wg.Add(2);
    int64_t t0 = go::time::Now();
    go::go([=, &wg] {  // the echo side
        for (int i = 0; i < N; i++) pong.send(ping.recv() + 1);
        wg.Done();
    });
    go::go([=, &wg] {  // the initiating side
        int v = 0;
        for (int i = 0; i < N; i++) {
            ping.send(v);
            v = pong.recv();
        }
        if (v != N) go::panic("pingpong: wrong count");
        wg.Done();
    });
    wg.Wait();
    int64_t dt = go::time::Now() - t0;
    bench::report("pingpong", "ns/roundtrip", (double)dt / N);
    return 0;
}
