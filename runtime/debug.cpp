// debug.cpp — package runtime's exported functions (Go's debug.go and
// proc.go exports) for go.h.
#include "go.h"
#include "go/debug.h"

#include "runtime.h"

namespace go {

void Gosched() { runtime::Gosched(); }
void Goexit() { runtime::Goexit(); }
int GOMAXPROCS(int n) { return runtime::setGOMAXPROCS(n); }
int NumCPU() { return runtime::ncpu; }
int NumGoroutine() { return runtime::gcount(); }

}  // namespace go

namespace go::debug {

int SetMaxThreads(int threads) {
    runtime::lock(&runtime::sched.lock);
    int prev = runtime::sched.maxmcount;
    runtime::sched.maxmcount = threads > 0 ? threads : 1;
    runtime::checkmcount();
    runtime::unlock(&runtime::sched.lock);
    return prev;
}

int64_t SetMaxStack(int64_t bytes) {
    int64_t prev = (int64_t)runtime::maxstacksize;
    runtime::maxstacksize = bytes > 0 ? (runtime::uintptr)bytes : 1;
    return prev;
}

}  // namespace go::debug
