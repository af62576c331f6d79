// fib: parallel fib(36). Every call with n > 15 runs in a goroutine of its
// own, which starts fib(n-1) and fib(n-2) as two more goroutines and adds the
// results it receives on a channel (capacity 2); calls with n <= 15 are plain
// recursion. Default GOMAXPROCS: both cores busy (cpu= reports CPU time over
// wall time). Metric: wall ms.
#include "bench.h"

constexpr int N = 36, Cutoff = 15;

__attribute__((noinline)) static int64_t sfib(int n) { return n < 2 ? n : sfib(n - 1) + sfib(n - 2); }

static void pfib(int n, go::chan<int64_t> out) {
    if (n <= Cutoff) {
        out.send(sfib(n));
        return;
    }
    auto c = go::make_chan<int64_t>(2);
    go::go(pfib, n - 1, c);
    go::go(pfib, n - 2, c);
    int64_t a = c.recv();
    int64_t b = c.recv();
    out.send(a + b);
}

int main() {
    auto out = go::make_chan<int64_t>(1);
    int64_t c0 = bench::cpuNanos();
    int64_t t0 = go::time::Now();
    go::go(pfib, N, out);
    int64_t r = out.recv();
    int64_t dt = go::time::Now() - t0;
    int64_t dc = bench::cpuNanos() - c0;
    if (r != 14930352) go::panic("fib: wrong result");
    bench::report("fib", "ms", (double)dt / 1e6, (double)dc / dt);
    return 0;
}
