// tcp-idle: idle loopback connections, each with a server goroutine blocked
// in Read (the client end is held by main). Metric: growth of the resident
// set per connection (/proc/self/statm), both ends' user-space state and
// the server goroutine. 9,000 connections rather than 10,000: the two ends
// of each take two descriptors, and 20,000 is a common hard limit.
#include "bench.h"

constexpr int N = 9000;

int main() {
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    if (err) go::panic("listen");
    go::sync::WaitGroup accepted;
    accepted.Add(N);
    int64_t before = bench::rssBytes();
    go::go([ln, &accepted] {
        for (int i = 0; i < N; i++) {
            auto [s, err] = ln.Accept();
            if (err) go::panic("accept");
            go::go([s] {
                char b[64];
                s.Read(b, sizeof b);
            });
            accepted.Done();
        }
    });
    static go::net::Conn conns[N];
    for (int i = 0; i < N; i++) {
        auto [c, err] = go::net::Dial("tcp", ln.Addr());
        if (err) go::panic(err.Error().c_str());
        conns[i] = c;
    }
    accepted.Wait();
    go::time::Sleep(50 * go::time::Millisecond);  // every reader parked
    int64_t after = bench::rssBytes();
    bench::report("tcp-idle", "bytes/connection", (double)(after - before) / N);
    return 0;
}
