// stress.h — shared by the stress workloads (tools/stress.sh runs them).
//
// Each workload runs randomized operations for DURATION_MS milliseconds,
// its choices drawn from SEED (every goroutine gets its own stream derived
// from it), checks its invariants, and prints "ok" or "FAIL: ..." with the
// seed, so a failure can be repeated: SEED=N DURATION_MS=M GOMAXPROCS=P BIN.
// Scheduling is not reproducible, the sequence of operations is.
#pragma once
#include "../programs/testutil.h"

namespace stress {

// splitmix64: one stream per goroutine, seeded from SEED and an index.
struct Rand {
    uint64_t s;
    explicit Rand(uint64_t seed, uint64_t stream = 0) : s(seed * 0x9e3779b97f4a7c15ull + stream * 0xbf58476d1ce4e5b9ull + 1) {}
    uint64_t next() {
        uint64_t z = (s += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    uint64_t below(uint64_t n) { return next() % n; }
    bool chance(int percent) { return below(100) < (uint64_t)percent; }
};

inline uint64_t seed() { return (uint64_t)t::envInt("SEED", 1); }
inline int64_t durationMs() { return t::envInt("DURATION_MS", 2000); }

// The end of the run, as t::monoMillis().
inline int64_t deadline() {
    static int64_t d = t::monoMillis() + durationMs();
    return d;
}
inline bool timeUp() { return t::monoMillis() >= deadline(); }

// A failed invariant: say what and with which seed, exit 1.
[[noreturn]] inline void fail(const char* what, int64_t got = 0, int64_t want = 0) {
    t::Line l;
    l.s("FAIL: ").s(what).s(" (got ").i(got).s(", want ").i(want).s(") seed=").i((int64_t)seed()).out(2);
    t::exit_group(1);
}
#define STRESS_CHECK(cond, what, got, want) \
    do {                                     \
        if (!(cond)) stress::fail(what, (int64_t)(got), (int64_t)(want)); \
    } while (0)

inline void ok(const char* summary, int64_t n) {
    t::Line l;
    l.s("ok ").s(summary).s("=").i(n).s(" seed=").i((int64_t)seed()).out(1);
}

}  // namespace stress
