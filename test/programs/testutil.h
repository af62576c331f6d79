// testutil.h — helpers for the integration programs in test/programs/.
//
// Raw Linux system calls through go::syscall::RawSyscall6 (for what the
// other packages do not offer: gettid, kill, /proc reads, getrusage, a clock
// that does not depend on go::time), and checks that report through
// go::os::Write so that a failing check does not depend on go::fmt working.
//
// A failed check prints "FAIL: file:line: what (got X, want Y)" on stderr and
// exits with status 1 through a raw exit_group, so the test runner shows the
// reason and a broken go::os::Exit cannot hide it.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "go.h"

// A runtime variable no API shows (runtime/stack.cpp), declared here for the
// stack tests only: user code has no such hook.
namespace runtime {
extern uint64_t newstackSwitches;
}

namespace t {

// ---- raw system calls ----------------------------------------------------------

// A raw system call with the unused arguments defaulted: the kernel's
// result, a negative errno on failure (as the runtime's own wrappers return).
inline long syscall6(long n, long a1 = 0, long a2 = 0, long a3 = 0, long a4 = 0, long a5 = 0, long a6 = 0) {
    auto [r1, r2, err] = go::syscall::RawSyscall6(n, a1, a2, a3, a4, a5, a6);
    return err ? -(long)(uintptr_t)err : (long)r1;
}

enum : long {
    SYS_read = 0, SYS_write = 1, SYS_close = 3, SYS_nanosleep = 35, SYS_getpid = 39,
    SYS_kill = 62, SYS_getrusage = 98, SYS_gettid = 186, SYS_clock_gettime = 228,
    SYS_exit_group = 231, SYS_tgkill = 234, SYS_openat = 257, SYS_timerfd_create = 283,
    SYS_timerfd_settime = 286,
};
constexpr int SIGQUIT = 3, SIGKILL = 9, SIGSEGV = 11, SIGTERM = 15;
constexpr long AT_FDCWD = -100, O_RDONLY = 0;

inline int gettid() { return (int)syscall6(SYS_gettid); }
inline int getpid() { return (int)syscall6(SYS_getpid); }
inline long tgkill(int tgid, int tid, int sig) { return syscall6(SYS_tgkill, tgid, tid, sig); }
inline long kill(int pid, int sig) { return syscall6(SYS_kill, pid, sig); }
[[noreturn]] inline void exit_group(int code) {
    for (;;) syscall6(SYS_exit_group, code);
}

// CLOCK_MONOTONIC in nanoseconds, by the system call: independent of the
// runtime's vDSO clock and of go::time.
inline int64_t monoNanos() {
    struct { long sec, nsec; } ts{0, 0};
    syscall6(SYS_clock_gettime, 1 /* CLOCK_MONOTONIC */, (long)&ts);
    return (int64_t)ts.sec * 1000000000 + ts.nsec;
}
inline int64_t monoMillis() { return monoNanos() / 1000000; }

// Blocks the whole thread (not just the goroutine): only for tests that mean it.
inline void threadSleepMillis(long ms) {
    struct { long sec, nsec; } ts{ms / 1000, (ms % 1000) * 1000000};
    syscall6(SYS_nanosleep, (long)&ts, 0);
}

// A timerfd that becomes readable once, ms milliseconds from now: read(2) on
// it blocks in the kernel until then and returns 8 bytes (the expiry count).
inline int timerfdMillis(long ms) {
    long fd = syscall6(SYS_timerfd_create, 1 /* CLOCK_MONOTONIC */, 0);
    if (fd < 0) return (int)fd;
    struct { long isec, insec, sec, nsec; } its{0, 0, ms / 1000, (ms % 1000) * 1000000};
    long r = syscall6(SYS_timerfd_settime, fd, 0, (long)&its, 0);
    return r < 0 ? (int)r : (int)fd;
}

// User + system CPU time of the whole process (all threads), in microseconds.
inline int64_t cpuMicros() {
    long ru[18] = {};  // struct rusage: utime {sec, usec}, stime {sec, usec}, 14 longs
    syscall6(SYS_getrusage, 0 /* RUSAGE_SELF */, (long)ru);
    return (int64_t)(ru[0] + ru[2]) * 1000000 + ru[1] + ru[3];
}

// Reads a whole (small) file such as /proc/self/statm into buf, NUL-terminated.
// Returns the length, or a negative errno.
inline long readFile(const char* path, char* buf, long size) {
    long fd = syscall6(SYS_openat, AT_FDCWD, (long)path, O_RDONLY);
    if (fd < 0) return fd;
    long n = 0;
    while (n < size - 1) {
        long r = syscall6(SYS_read, fd, (long)(buf + n), size - 1 - n);
        if (r <= 0) break;
        n += r;
    }
    syscall6(SYS_close, fd);
    buf[n] = 0;
    return n;
}

// Resident set size in bytes, from /proc/self/statm (second field, pages).
// Under qemu-user this is the whole emulator's RSS: bounded, but larger.
inline int64_t rssBytes() {
    char buf[256];
    if (readFile("/proc/self/statm", buf, sizeof buf) <= 0) return -1;
    const char* p = buf;
    while (*p && *p != ' ') p++;
    while (*p == ' ') p++;
    int64_t pages = 0;
    while (*p >= '0' && *p <= '9') pages = pages * 10 + (*p++ - '0');
    return pages * 4096;
}

// How many times a call crossed into another stack segment through the slow
// path (newstack on g0) rather than __morestack's fast path.
inline uint64_t newstackSwitches() { return __atomic_load_n(&runtime::newstackSwitches, __ATOMIC_RELAXED); }

// ---- strings and numbers without libc ----------------------------------------------

inline size_t slen(const char* s) {
    size_t n = 0;
    while (s && s[n]) n++;
    return n;
}
inline bool streq(const char* a, const char* b) {
    if (!a || !b) return a == b;
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}
inline bool hasPrefix(const char* s, const char* p) {
    while (*p)
        if (*s++ != *p++) return false;
    return true;
}
// Decimal text of v into buf (at least 24 bytes); returns buf.
inline char* itoa(int64_t v, char* buf) {
    char tmp[24];
    int n = 0;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do tmp[n++] = (char)('0' + u % 10), u /= 10;
    while (u);
    int i = 0;
    if (v < 0) buf[i++] = '-';
    while (n) buf[i++] = tmp[--n];
    buf[i] = 0;
    return buf;
}
// Parses a non-negative decimal integer; -1 when s is null, empty or not a number.
inline int64_t atoi(const char* s) {
    if (!s || !*s) return -1;
    int64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}
// An integer from the environment, or def when unset or malformed.
inline int64_t envInt(const char* key, int64_t def) {
    int64_t v = atoi(go::os::Getenv(key));
    return v < 0 ? def : v;
}
// True when the runner runs this program under qemu-x86_64 (TEST_MODE=qemu).
inline bool underQemu() { return streq(go::os::Getenv("TEST_MODE"), "qemu"); }

// ---- output and checks ----------------------------------------------------------------

inline void write(int fd, const char* s) { go::os::Write(fd, s, slen(s)); }
inline void writeRaw(int fd, const char* s) { syscall6(SYS_write, fd, (long)s, (long)slen(s)); }

// Builds one line in a buffer so it reaches the fd in a single write.
struct Line {
    char buf[512];
    size_t n = 0;
    Line& s(const char* p) {
        if (!p) p = "(null)";
        while (*p && n < sizeof buf - 2) buf[n++] = *p++;
        return *this;
    }
    Line& i(int64_t v) {
        char t[24];
        return s(itoa(v, t));
    }
    void out(int fd) {
        buf[n++] = '\n';
        syscall6(SYS_write, fd, (long)buf, (long)n);
        n = 0;
    }
};

[[noreturn]] inline void failAt(const char* file, int line, const char* what) {
    Line l;
    l.s("FAIL: ").s(file).s(":").i(line).s(": ").s(what).out(2);
    exit_group(1);
}
[[noreturn]] inline void failEqAt(const char* file, int line, const char* what, int64_t got, int64_t want) {
    Line l;
    l.s("FAIL: ").s(file).s(":").i(line).s(": ").s(what).s(" (got ").i(got).s(", want ").i(want).s(")").out(2);
    exit_group(1);
}
[[noreturn]] inline void failStrAt(const char* file, int line, const char* what, const char* got, const char* want) {
    Line l;
    l.s("FAIL: ").s(file).s(":").i(line).s(": ").s(what).s(" (got \"").s(got).s("\", want \"").s(want).s("\")").out(2);
    exit_group(1);
}
[[noreturn]] inline void failRangeAt(const char* file, int line, const char* what, int64_t got, int64_t lo,
                                     int64_t hi) {
    Line l;
    l.s("FAIL: ").s(file).s(":").i(line).s(": ").s(what).s(" (got ").i(got).s(", want in [").i(lo).s(", ").i(hi)
        .s("])").out(2);
    exit_group(1);
}

// Waits, yielding with go::Gosched, until done() is true; false if that takes
// longer than ms milliseconds (measured with the raw clock). For tests that
// must not depend on channels or WaitGroup.
template <class F> bool waitFor(F done, int64_t ms) {
    int64_t end = monoMillis() + ms;
    for (unsigned i = 0; !done(); i++) {
        if ((i & 63) == 0 && monoMillis() > end) return done();
        go::Gosched();
    }
    return true;
}

// Prints "ok" on stdout: the last line of a self-checking program.
inline void ok() { write(1, "ok\n"); }

// Progress notes on stderr, for the runner's failure report.
inline void note(const char* s) {
    Line l;
    l.s(s).out(2);
}

}  // namespace t

#define CHECK(cond)                                             \
    do {                                                        \
        if (!(cond)) t::failAt(__FILE__, __LINE__, #cond);      \
    } while (0)
#define CHECK_MSG(cond, msg)                                    \
    do {                                                        \
        if (!(cond)) t::failAt(__FILE__, __LINE__, msg);        \
    } while (0)
#define CHECK_EQ(got, want)                                                                     \
    do {                                                                                        \
        int64_t got_ = (int64_t)(got), want_ = (int64_t)(want);                                 \
        if (got_ != want_) t::failEqAt(__FILE__, __LINE__, #got " == " #want, got_, want_);     \
    } while (0)
#define CHECK_STREQ(got, want)                                                                  \
    do {                                                                                        \
        const char *got_ = (got), *want_ = (want);                                              \
        if (!t::streq(got_, want_)) t::failStrAt(__FILE__, __LINE__, #got " == " #want, got_, want_); \
    } while (0)
#define CHECK_RANGE(got, lo, hi)                                                                \
    do {                                                                                        \
        int64_t got_ = (int64_t)(got), lo_ = (int64_t)(lo), hi_ = (int64_t)(hi);                \
        if (got_ < lo_ || got_ > hi_) t::failRangeAt(__FILE__, __LINE__, #got, got_, lo_, hi_); \
    } while (0)

// ---- network ------------------------------------------------------------------------

// A listener on 127.0.0.1 and both ends of one connection to it.
namespace t {

struct TCPPair {
    go::net::Listener ln;
    go::net::Conn client, server;
};
inline TCPPair tcpPair() {
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    if (err) t::failAt(__FILE__, __LINE__, err.Error().c_str());
    auto [c, err2] = go::net::Dial("tcp", ln.Addr());
    if (err2) t::failAt(__FILE__, __LINE__, err2.Error().c_str());
    auto [s, err3] = ln.Accept();
    if (err3) t::failAt(__FILE__, __LINE__, err3.Error().c_str());
    return {ln, c, s};
}

}  // namespace t

// Atomics without <atomic> (freestanding builtins).
#define ATOMIC_ADD(p, v) __atomic_add_fetch((p), (v), __ATOMIC_SEQ_CST)
#define ATOMIC_LOAD(p) __atomic_load_n((p), __ATOMIC_SEQ_CST)
#define ATOMIC_STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_SEQ_CST)

// ---- background load ------------------------------------------------------------------

namespace t {

// n goroutines that sleep for period, again and again, until Stop: they keep
// other Ms in the scheduler, running timers, while a test races its own
// timers against them. Stop waits until all have returned.
class Sleepers {
public:
    Sleepers(int n, go::time::Duration period) {
        for (int s = 0; s < n; s++) {
            wg_.Add(1);
            go::go([this, period] {
                while (!ATOMIC_LOAD(&stop_)) go::time::Sleep(period);
                wg_.Done();
            });
        }
    }
    Sleepers(const Sleepers&) = delete;
    Sleepers& operator=(const Sleepers&) = delete;
    void Stop() {
        ATOMIC_STORE(&stop_, 1);
        wg_.Wait();
    }

private:
    int stop_ = 0;
    go::sync::WaitGroup wg_;
};

}  // namespace t
