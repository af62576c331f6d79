// time_add.cpp — arming timers: addtimer, resettimer and time.Sleep, the
// ways a timer enters a heap. Read beside Go's time.go with time.cpp.
//
// Apart from time.cpp (the heaps, running and moving timers), which the
// scheduler links into every program, because arming a timer starts the
// network poller (timers wait in netpoll): a program that never arms one
// links neither this file nor the poller (netpoll.h, docs/performance.md).
// Go 1.19 keeps them in one file and links the poller always.
#include "netpoll.h"
#include "proc.h"
#include "runtime.h"
#include "time_impl.h"

namespace runtime {

// Add a timer to the current P (Go's addtimer).
void addtimer(timer* t) {
    // Timers rely on the network poller, so make sure the poller has started.
    netpollGenericInit();
    if (t->when <= 0) t->when = 1;  // 0 means "no timer" in timer0When
    if (t->when < 0 || t->when > maxWhen) t->when = maxWhen;
    m* mp = acquirem();
    p* pp = mp->p;
    lock(&pp->timersLock);
    doaddtimer(pp, t);
    unlock(&pp->timersLock);
    timerpMaskSet(pp->id);
    releasem(mp);
    wakeNetPoller(t->when);
}

// Reset t to fire at when. Reports whether it was pending (Go's modtimer/resettimer).
bool resettimer(timer* t, int64_t when) {
    bool pending = deltimer(t);
    t->when = when;
    addtimer(t);
    return pending;
}

// ---- time.Sleep -----------------------------------------------------------------

static void goroutineReady(void* arg, uintptr) { goready((g*)arg); }

// Add the sleep timer only after the goroutine is parked: with a short
// sleep and many goroutines the P could otherwise run the timer (and ready
// the G) before the G is parked (Go's resetForSleep).
static bool resetForSleep(g*, void* ut) {
    auto* t = (timer*)ut;
    addtimer(t);
    return true;
}

// Put the current goroutine to sleep for at least ns nanoseconds (Go's timeSleep).
void timeSleep(int64_t ns) {
    if (ns <= 0) return;
    g* gp = getg();
    timer* t = gp->timer;
    if (t == nullptr) {
        t = (timer*)mallocgc(sizeof(timer), true);
        t->idx = -1;
        gp->timer = t;
    }
    t->f = goroutineReady;
    t->arg = gp;
    t->period = 0;
    t->when = nanotime() + ns;
    if (t->when < 0) t->when = maxWhen;  // check for overflow
    gopark(resetForSleep, t, waitReason::sleep);
}

}  // namespace runtime
