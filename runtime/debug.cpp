// debug.cpp — package runtime's exported functions (Go's debug.go and
// proc.go exports) for go.h.
#include "go.h"
#include "go/debug.h"

#include "malloc.h"
#include "runtime.h"

namespace go {

void Gosched() { runtime::Gosched(); }
// Go's Goexit runs the goroutine's deferred calls before it ends; here
// only the packages' own (Defer) exist.
void Goexit() {
    runtime::g* gp = runtime::getg();
    while (detail::Defer* d = gp->_defer) {
        gp->_defer = d->link;  // popped before it runs, as Go does
        d->fn(d->arg);
    }
    runtime::Goexit();
}

void detail::deferPush(Defer* d) {
    runtime::g* gp = runtime::getg();
    d->link = gp->_defer;
    gp->_defer = d;
}

void detail::deferPop(Defer* d) { runtime::getg()->_defer = d->link; }
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

void FreeOSMemory() { runtime::mallocTrim(); }

int64_t SetMaxStack(int64_t bytes) {
    int64_t prev = (int64_t)runtime::maxstacksize;
    runtime::maxstacksize = bytes > 0 ? (runtime::uintptr)bytes : 1;
    return prev;
}

}  // namespace go::debug
