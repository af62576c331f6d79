// stackcall: the cost of a call whose 6 KB frame does not fit in what is
// left of the current stack segment, against the same call with room. Args:
// "inside" (the loop runs on a segment with room: every call stays on it)
// or "boundary" (the loop runs at the top of a new goroutine, whose 2 KB
// first segment cannot hold the frame: every call crosses into the next
// segment and back). Go copies stacks, so both cost the same there; the
// difference here is the segmented-stack "hot split" (docs/stacks.md).
// Metric: ns per call.
#include "bench.h"

constexpr int64_t N = 2000000;
static volatile int64_t sink;

__attribute__((noinline)) static int64_t frame6k(int64_t i) {
    volatile char buf[6 * 1024];
    buf[i & 1023] = (char)i;
    asm volatile("" ::: "memory");
    return buf[(i + 1) & 1023];
}

__attribute__((noinline)) static int64_t loop() {
    int64_t s = 0;
    int64_t t0 = go::time::Now();
    for (int64_t i = 0; i < N; i++) s += frame6k(i);
    sink = s;
    return go::time::Now() - t0;
}

// Takes a 16 KB frame first, so the loop below runs on a segment with room.
__attribute__((noinline)) static int64_t withRoom() {
    volatile char pad[16 * 1024];
    pad[0] = 1;
    int64_t ns = loop();
    asm volatile("" ::"r"(pad) : "memory");
    return ns;
}

int main() {
    auto args = go::os::Args();
    bool boundary = args.size() > 1 && t::streq(args[1], "boundary");
    auto out = go::make_chan<int64_t>(1);
    if (boundary) go::go([out] { out.send(loop()); });
    else go::go([out] { out.send(withRoom()); });
    int64_t ns = out.recv();
    bench::report(boundary ? "stackcall-boundary" : "stackcall-inside", "ns/call", (double)ns / N);
    return 0;
}
