// hosted.cpp — what the runtime files linked into host tests need from the
// parts of the runtime that are not (boot, scheduler, panics).
#include "hosted.h"
#include "trace.h"

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
// proc_main.cpp's flag, read by chan.cpp's freechan; main never returns here.
bool mainReturned;

// trace.cpp's hooks in procresize.cpp; tracing is never on in host tests.
traceState trace;
void traceProcStart() { throw_("trace hook called with tracing off"); }
void traceProcStop(p*) { throw_("trace hook called with tracing off"); }
void traceGomaxprocs(int32_t) { throw_("trace hook called with tracing off"); }

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
