// tcp-pingpong: one loopback TCP connection, 100,000 round trips of 64
// bytes between a client goroutine and an echo goroutine in the same
// process. Metric: microseconds per round trip.
#include "bench.h"

constexpr int N = 100000, Size = 64;

int main() {
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    if (err) go::panic("listen");
    go::go([ln] {
        auto [s, err] = ln.Accept();
        char buf[Size];
        while (bench::readFull(s, buf, Size)) s.Write(buf, Size);
    });
    auto [c, err2] = go::net::Dial("tcp", ln.Addr());
    if (err2) go::panic("dial");
    char buf[Size] = {};
    int64_t t0 = go::time::Now(), cpu0 = bench::cpuNanos();
    for (int i = 0; i < N; i++) {
        c.Write(buf, Size);
        if (!bench::readFull(c, buf, Size)) go::panic("tcppingpong: short read");
    }
    int64_t wall = go::time::Since(t0);
    bench::report("tcp-pingpong", "us/roundtrip", (double)wall / N / 1000,
                  (double)(bench::cpuNanos() - cpu0) / (double)wall);
    return 0;
}
