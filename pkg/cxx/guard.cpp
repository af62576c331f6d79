// guard.cpp — guard variables for function-local statics (Itanium C++ ABI
// §3.3.2: __cxa_guard_acquire, __cxa_guard_release, __cxa_guard_abort).
//
// The compiler tests byte 0 of the 64-bit guard inline and calls
// __cxa_guard_acquire only while it is 0. Here byte 1 says an
// initialisation is in progress and bytes 4-7 which goroutine runs it
// (goid + 1). Goroutines, not threads, wait: a goroutine that finds another's
// initialisation in progress parks on guardWaiters (wait reason
// "semacquire", what Go 1.19 shows for a goroutine blocked in sync.Once.Do),
// and release or abort readies every goroutine waiting on that guard. The
// initialising goroutine reaching its own guard again would wait for itself
// forever: a fatal error, as Go's sync.Once reports a recursive Do by
// deadlocking.
#include "runtime/runtime.h"

namespace {

using runtime::g;

struct guardBits {
    uint8_t done;     // [atomic] byte 0, the ABI's "initialised" flag
    uint8_t pending;  // [guardLock]
    uint16_t pad;
    uint32_t owner;   // [guardLock] goid + 1 of the initialising goroutine
};
static_assert(sizeof(guardBits) == 8, "the Itanium ABI guard is 64 bits");

// A parked goroutine. It lives on the waiter's stack, which stays where it
// is while the goroutine is parked (stack segments never move).
struct guardWaiter {
    g* gp;
    guardBits* guard;
    guardWaiter* next;
};

constinit runtime::mutex guardLock{};
constinit guardWaiter* guardWaiters = nullptr;  // [guardLock] every parked goroutine, any guard

uint32_t selfid() { return (uint32_t)(runtime::getg()->goid + 1); }

// Ready every goroutine waiting on gd; guardLock is held on entry and
// released here (goready outside the lock, as semrelease does).
void wakeWaiters(guardBits* gd) {
    guardWaiter* woken = nullptr;
    for (guardWaiter** pw = &guardWaiters; *pw != nullptr;) {
        guardWaiter* w = *pw;
        if (w->guard != gd) {
            pw = &w->next;
            continue;
        }
        *pw = w->next;
        w->next = woken;
        woken = w;
    }
    runtime::unlock(&guardLock);
    while (woken != nullptr) {
        guardWaiter* w = woken;
        woken = w->next;  // read before the waiter runs and pops its frame
        runtime::goready(w->gp);
    }
}

}  // namespace

extern "C" {

int __cxa_guard_acquire(uint64_t* gv) {
    auto* gd = (guardBits*)gv;
    runtime::lock(&guardLock);
    for (;;) {
        if (runtime::atomic::LoadAcq(&gd->done)) {
            runtime::unlock(&guardLock);
            return 0;
        }
        if (!gd->pending) {
            gd->pending = 1;
            gd->owner = selfid();
            runtime::unlock(&guardLock);
            return 1;
        }
        if (gd->owner == selfid()) {
            runtime::unlock(&guardLock);
            runtime::fatal("recursive initialization of a function-local static");
        }
        guardWaiter w{runtime::getg(), gd, guardWaiters};
        guardWaiters = &w;
        runtime::goparkunlock(&guardLock, runtime::waitReason::semacquire);
        runtime::lock(&guardLock);
    }
}

void __cxa_guard_release(uint64_t* gv) {
    auto* gd = (guardBits*)gv;
    runtime::lock(&guardLock);
    gd->pending = 0;
    gd->owner = 0;
    runtime::atomic::StoreRel(&gd->done, (uint8_t)1);
    wakeWaiters(gd);
}

// The initialiser did not complete (it cannot throw here, but the ABI has
// the entry): the next goroutine to arrive tries again.
void __cxa_guard_abort(uint64_t* gv) {
    auto* gd = (guardBits*)gv;
    runtime::lock(&guardLock);
    gd->pending = 0;
    gd->owner = 0;
    wakeWaiters(gd);
}

}  // extern "C"
