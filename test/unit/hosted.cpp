// hosted.cpp — what the runtime files linked into host tests need from the
// parts of the runtime that are not (boot, scheduler, panics).
#include "hosted.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace runtime {
thread_local g* hosted_g;
int32_t ncpu = 2;
// os_linux.cpp's process arguments, read by runtime1.cpp.
int32_t argc;
char** argv;
char** envp;
// proc.cpp's scheduler state, used by runq.cpp and procresize.cpp.
constinit schedt sched{};

[[noreturn]] void throw_(const char* s) {
    std::fprintf(stderr, "fatal error: %s\n", s);
    std::abort();
}
[[noreturn]] void fatal(const char* s) { throw_(s); }
[[noreturn]] void panicmsg(const char* s) {
    std::fprintf(stderr, "panic: %s\n", s);
    std::abort();
}
int64_t nanotime() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
// proc.cpp's random numbers (wyrand on the M's state), for select.cpp.
uint32_t fastrand() {
    m* mp = getg()->m;
    mp->fastrand += 0xa0761d6478bd642full;
    __uint128_t r = (__uint128_t)mp->fastrand * (mp->fastrand ^ 0xe7037ed1a0b428dbull);
    return (uint32_t)((uint64_t)(r >> 64) ^ (uint64_t)r);
}
uint32_t fastrandn(uint32_t n) { return (uint32_t)(((uint64_t)fastrand() * n) >> 32); }
}  // namespace runtime

namespace hosted {
runtime::g* attach(runtime::p* pp) {
    if (runtime::hosted_g == nullptr) {
        auto* mp = new runtime::m{};
        auto* gp = new runtime::g{};
        gp->m = mp;
        mp->g0 = gp;
        mp->curg = gp;
        mp->fastrand = (uint64_t)(uintptr_t)mp * 0x9E3779B97F4A7C15ull + 1;
        runtime::hosted_g = gp;
    }
    runtime::hosted_g->m->p = pp;
    return runtime::hosted_g;
}
}  // namespace hosted
