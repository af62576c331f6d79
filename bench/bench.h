// bench.h — helpers shared by the benchmarks in bench/*.cpp (tools/bench.sh
// runs them; docs/performance.md has the results). User code has no libc, so
// the few system calls needed here (/proc/self/statm for the RSS, getrusage
// for CPU time) are made with inline asm.
//
// Every benchmark prints exactly one line on stdout:
//     BENCH name=NAME metric=UNIT value=NUMBER [key=value ...]
// and times only the measured part, with the monotonic clock (go::time::Now).
#pragma once
#include "go.h"

namespace bench {

inline long sys3(long n, long a, long b, long c) {
    long r;
    asm volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return r;
}
inline long sys4(long n, long a, long b, long c, long d) {
    long r;
    register long r10 asm("r10") = d;
    asm volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
    return r;
}
constexpr long SYS_read = 0, SYS_close = 3, SYS_getrusage = 98, SYS_openat = 257;
constexpr long AT_FDCWD = -100;

// Resident set size in bytes: the second field of /proc/self/statm, in pages.
inline int64_t rssBytes() {
    char buf[128];
    long fd = sys4(SYS_openat, AT_FDCWD, (long)"/proc/self/statm", 0 /*O_RDONLY*/, 0);
    if (fd < 0) return -1;
    long n = sys3(SYS_read, fd, (long)buf, sizeof buf - 1);
    sys3(SYS_close, fd, 0, 0);
    if (n <= 0) return -1;
    buf[n] = 0;
    const char* p = buf;
    while (*p && *p != ' ') p++;
    while (*p == ' ') p++;
    int64_t pages = 0;
    while (*p >= '0' && *p <= '9') pages = pages * 10 + (*p++ - '0');
    return pages * 4096;
}

// User + system CPU time of the whole process, in nanoseconds.
inline int64_t cpuNanos() {
    long ru[18] = {};  // struct rusage: ru_utime, ru_stime (timeval each), 14 longs
    if (sys3(SYS_getrusage, 0 /*RUSAGE_SELF*/, (long)ru, 0) != 0) return -1;
    return (ru[0] + ru[2]) * 1000000000L + (ru[1] + ru[3]) * 1000L;
}

inline void report(const char* name, const char* metric, double value) {
    go::fmt::Printf("BENCH name=%s metric=%s value=%.1f\n", name, metric, value);
}
// With the CPU utilisation of the measured part (cpu time / wall time).
inline void report(const char* name, const char* metric, double value, double cpu) {
    go::fmt::Printf("BENCH name=%s metric=%s value=%.1f cpu=%.2f\n", name, metric, value, cpu);
}

}  // namespace bench
