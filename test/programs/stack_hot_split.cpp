// The segmented-stack "hot split" (docs/stacks.md): a call with a 6 KB frame,
// made 2,000,000 times from the top of a new goroutine (whose 2 KB first
// segment cannot hold it), crosses into the next segment and back on every
// call. The crossing must stay on __morestack's fast path, which reuses the
// cached segment: the slow path through newstack (counted by the runtime,
// read through testutil.h) may run only for the first crossing at each
// depth and after a preemption. Three shapes: one level; two nested levels
// (the callee crosses again from the segment it was given, so two segments
// stay cached); and a callee with stack arguments (copied to the new
// segment). Each result is checked, so a wrong argument or a lost register
// fails too. Not timed: the speed is bench/stackcall.cpp's.
//! stdout: ok
//! timeout: 60
//! qemu-timeout: 300
#include "go.h"
#include "testutil.h"

constexpr int64_t N = 2000000;

__attribute__((noinline)) static int64_t inner6k(int64_t i) {
    volatile char buf[6 * 1024];
    buf[i & 1023] = (char)i;
    asm volatile("" ::: "memory");
    return buf[i & 1023] + 1;
}

// Its frame takes most of the segment it is given, so its call to inner6k
// crosses once more.
__attribute__((noinline)) static int64_t outer6k(int64_t i) {
    volatile char buf[6 * 1024];
    buf[i & 1023] = (char)i;
    int64_t r = inner6k(i + 1);
    asm volatile("" ::: "memory");
    return r + buf[i & 1023];
}

// Eight integer arguments: the last two are passed on the stack, which
// __morestack copies to the new segment; a double in xmm0 as well.
__attribute__((noinline)) static int64_t args6k(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f,
                                                 int64_t g, int64_t h, double x) {
    volatile char buf[6 * 1024];
    buf[a & 1023] = (char)h;
    asm volatile("" ::: "memory");
    return a + b + c + d + e + f + g + buf[a & 1023] + (int64_t)x;
}

static int64_t one(int64_t i) { return inner6k(i) - (int64_t)(char)i - 1; }
static int64_t nested(int64_t i) { return outer6k(i) - (int64_t)(char)(i + 1) - 1 - (int64_t)(char)i; }
static int64_t withArgs(int64_t i) {
    return args6k(i, 1, 2, 3, 4, 5, 6, i & 63, 7.0) - i - 21 - (i & 63) - 7;
}

// Runs f(i) N times at the top of a new goroutine; every result must be 0,
// and the slow crossings counted meanwhile must be few.
template <class F> static void run(const char* name, F f) {
    auto done = go::make_chan<int64_t>(1);
    uint64_t before = t::newstackSwitches();
    int64_t t0 = t::monoMillis();
    go::go([done, f] {
        int64_t bad = 0;
        for (int64_t i = 0; i < N; i++)
            if (f(i) != 0) bad++;
        done.send(bad);
    });
    CHECK_EQ(done.recv(), 0);
    int64_t ms = t::monoMillis() - t0;
    int64_t slow = (int64_t)(t::newstackSwitches() - before);
    t::Line().s(name).s(": ").i(N).s(" calls, ").i(slow).s(" slow crossings, ").i(ms).s(" ms").out(2);
    // Two levels, each crossed once through newstack at first; then sysmon
    // may preempt the goroutine every 10 ms, and each preemption sends at
    // most one crossing per level back through newstack.
    CHECK_RANGE(slow, 1, 4 + 2 * (ms / 10 + 1));
}

int main() {
    run("one level", one);
    run("two levels", nested);
    run("stack arguments", withArgs);
    t::ok();
    return 0;
}
