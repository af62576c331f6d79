// tcp-throughput: 100 loopback connections, each sending 10,000 messages of
// 64 bytes that an echo goroutine sends back; the client writes and reads in
// separate goroutines, so messages stream. Metric: nanoseconds per echoed
// message over all connections (the inverse of messages per second).
#include "bench.h"

constexpr int Conns = 100, Msgs = 10000, Size = 64;

int main() {
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    if (err) go::panic("listen");
    go::go([ln] {
        for (;;) {
            auto [s, err] = ln.Accept();
            if (err) return;
            go::go([s] {
                char buf[Size];
                while (bench::readFull(s, buf, Size)) s.Write(buf, Size);
            });
        }
    });
    std::string addr = ln.Addr();
    go::sync::WaitGroup wg;
    wg.Add(Conns);
    int64_t t0 = go::time::Now(), cpu0 = bench::cpuNanos();
    for (int i = 0; i < Conns; i++) {
        go::go([addr, &wg] {
            auto [c, err] = go::net::Dial("tcp", addr);
            if (err) go::panic("dial");
            go::go([c] {
                char buf[Size] = {};
                for (int m = 0; m < Msgs; m++) c.Write(buf, Size);
            });
            char buf[Size];
            for (int m = 0; m < Msgs; m++)
                if (!bench::readFull(c, buf, Size)) go::panic("read");
            c.Close();
            wg.Done();
        });
    }
    wg.Wait();
    int64_t wall = go::time::Since(t0);
    bench::report("tcp-throughput", "ns/message", (double)wall / ((double)Conns * Msgs),
                  (double)(bench::cpuNanos() - cpu0) / (double)wall);
    return 0;
}
