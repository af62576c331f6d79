// bench.h — helpers shared by the benchmarks in bench/*.cpp (tools/bench.sh
// runs them; docs/performance.md has the results). User code has no libc:
// the RSS and CPU time come from test/programs/testutil.h's raw syscalls.
//
// Every benchmark prints exactly one line on stdout:
//     BENCH name=NAME metric=UNIT value=NUMBER [key=value ...]
// and times only the measured part, with the monotonic clock (go::time::Now).
#pragma once
#include "go.h"
#include "../test/programs/testutil.h"

namespace bench {

// Resident set size in bytes, and CPU time (user + system) of the whole
// process in nanoseconds: the test programs' helpers (raw system calls and
// /proc reads without libc).
inline int64_t rssBytes() { return t::rssBytes(); }
inline int64_t cpuNanos() { return t::cpuMicros() * 1000; }

inline void report(const char* name, const char* metric, double value) {
    go::fmt::Printf("BENCH name=%s metric=%s value=%.1f\n", name, metric, value);
}
// With the CPU utilisation of the measured part (cpu time / wall time).
inline void report(const char* name, const char* metric, double value, double cpu) {
    go::fmt::Printf("BENCH name=%s metric=%s value=%.1f cpu=%.2f\n", name, metric, value, cpu);
}

// Read exactly n bytes from c (Go's io.ReadFull); false on an error first.
inline bool readFull(const go::net::Conn& c, char* p, long n) {
    while (n > 0) {
        auto [k, err] = c.Read(p, (size_t)n);
        if (err) return false;
        p += k;
        n -= k;
    }
    return true;
}

}  // namespace bench
