// std::chrono's clocks run on the runtime's: steady_clock agrees with
// go::time::Now (the same monotonic clock) and advances across
// go::time::Sleep by at least the time slept; system_clock is the wall
// clock (after 2020, advancing too); high_resolution_clock works; and
// goroutines sleeping on several Ps each see their clock advance.
//! stdout: steady: advanced by at least 30ms
//! stdout: steady: within go::time::Now's readings
//! stdout: system: after 2020, advanced by at least 30ms
//! stdout: high_resolution: advanced
//! stdout: goroutines: 8 clocks advanced
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include <chrono>

#include "go.h"

using namespace std::chrono;
using namespace std::chrono_literals;

int main() {
    int64_t g0 = go::time::Now();
    auto s0 = steady_clock::now();
    int64_t g1 = go::time::Now();
    auto w0 = system_clock::now();
    auto h0 = high_resolution_clock::now();
    go::time::Sleep(30 * go::time::Millisecond);
    auto s1 = steady_clock::now();
    auto w1 = system_clock::now();
    auto h1 = high_resolution_clock::now();

    if (s1 - s0 >= 30ms && s1 - s0 < 10s) go::fmt::Println("steady: advanced by at least 30ms");
    else go::fmt::Println("steady: advanced by", duration_cast<nanoseconds>(s1 - s0).count(), "ns");
    int64_t s = duration_cast<nanoseconds>(s0.time_since_epoch()).count();
    if (g0 <= s && s <= g1) go::fmt::Println("steady: within go::time::Now's readings");
    else go::fmt::Println("steady:", s, "not in", g0, g1);

    // 2020-01-01T00:00:00Z is 1577836800 s after the epoch.
    auto secs = duration_cast<seconds>(w0.time_since_epoch()).count();
    if (secs > 1577836800 && w1 - w0 >= 30ms && w1 - w0 < 10s)
        go::fmt::Println("system: after 2020, advanced by at least 30ms");
    else go::fmt::Println("system:", secs, "s, advanced by", duration_cast<nanoseconds>(w1 - w0).count(), "ns");
    if (h1 > h0) go::fmt::Println("high_resolution: advanced");

    constexpr int n = 8;
    auto ok = go::make_chan<bool>(n);
    for (int i = 0; i < n; i++)
        go::go([ok, i] {
            auto t0 = steady_clock::now();
            go::time::Sleep((5 + i) * go::time::Millisecond);
            ok.send(steady_clock::now() - t0 >= milliseconds(5 + i));
        });
    int advanced = 0;
    for (int i = 0; i < n; i++) advanced += ok.recv();
    go::fmt::Println("goroutines:", advanced, "clocks advanced");
}
