// time.cpp — timers: time.Sleep, and the timers behind time.After, Timer and
// Ticker. Read beside Go's time.go.
//
// Each P has a 4-ary min-heap of timers ordered by when, under
// p.timersLock, with p.timer0When caching the earliest (0 if none) so that
// the scheduler can check it without the lock. Timers run from the
// scheduler: findRunnable calls checkTimers on its own P, stealWork on other
// Ps, and when nothing is runnable one M blocks in netpoll until the earliest
// timer (proc_schedule.cpp). A sleeping goroutine therefore holds no thread.
//
// Arming a timer (addtimer, resettimer, time.Sleep) is in time_add.cpp.
//
// Simplified from Go 1.19: no lazy "modified" states. A timer is in at most
// one heap; deleting or resetting it takes that heap's lock. A timer moves
// between heaps only when its P is destroyed (GOMAXPROCS shrank, the world
// stopped), so t->pp is stable while the world runs.
#include "time_impl.h"

#include "print.h"
#include "proc.h"
#include "runtime.h"
#include "trace.h"

namespace runtime {


// ---- The heap ---------------------------------------------------------------

// Each heap slot holds the timer's when beside the pointer (Go 1.23's
// timerWhen), so sifting compares slots in one array instead of loading a
// timer per comparison: with thousands of sleepers those timers live in as
// many cache lines. Only the timer that moves has its idx written.

static void siftupTimer(timerWhen* t, int32_t i) {
    timerWhen tmp = t[i];
    while (i > 0) {
        int32_t p = (i - 1) / 4;  // parent
        if (tmp.when >= t[p].when) break;
        t[i] = t[p];
        t[i].timer->idx = i;
        i = p;
    }
    t[i] = tmp;
    tmp.timer->idx = i;
}

static void siftdownTimer(timerWhen* t, int32_t n, int32_t i) {
    timerWhen tmp = t[i];
    for (;;) {
        int32_t c = i * 4 + 1;  // left child
        int32_t c3 = c + 2;     // mid child
        if (c >= n) break;
        int64_t w = t[c].when;
        if (c + 1 < n && t[c + 1].when < w) {
            w = t[c + 1].when;
            c++;
        }
        if (c3 < n) {
            int64_t w3 = t[c3].when;
            if (c3 + 1 < n && t[c3 + 1].when < w3) {
                w3 = t[c3 + 1].when;
                c3++;
            }
            if (w3 < w) {
                w = w3;
                c = c3;
            }
        }
        if (w >= tmp.when) break;
        t[i] = t[c];
        t[i].timer->idx = i;
        i = c;
    }
    t[i] = tmp;
    tmp.timer->idx = i;
}

// Only ever raises timer0When (the earliest timer left or was deleted): a
// reader that misses it wakes early for nothing, so no full fence is needed.
// doaddtimer's store, which can lower it, is sequentially consistent: it
// pairs with findRunnable's exchange of sched.lastpoll before netpoll (proc_schedule.cpp) so that
// either the waiting M sees the new timer or wakeNetPoller sees the waiter.
static void updateTimer0When(p* pp) {
    atomic::StoreRel(&pp->timer0When, pp->timersLen == 0 ? (int64_t)0 : pp->timers[0].when);
}

// Add t to pp's heap (pp->timersLock held).
void doaddtimer(p* pp, timer* t) {
    if (pp->timersLen == pp->timersCap) {
        int32_t ncap = pp->timersCap ? pp->timersCap * 2 : 16;
        auto* n = (timerWhen*)mallocgc(sizeof(timerWhen) * (size_t)ncap, false);
        for (int32_t i = 0; i < pp->timersLen; i++) n[i] = pp->timers[i];
        mfree(pp->timers);
        pp->timers = n;
        pp->timersCap = ncap;
    }
    t->pp = pp;
    int32_t i = pp->timersLen++;
    pp->timers[i] = timerWhen{t, t->when};
    siftupTimer(pp->timers, i);
    if (t->idx == 0) atomic::Store(&pp->timer0When, t->when);
}

// Remove the timer at index i (pp->timersLock held).
static void dodeltimer(p* pp, int32_t i) {
    timer* t = pp->timers[i].timer;
    int32_t last = pp->timersLen - 1;
    if (i != last) {
        pp->timers[i] = pp->timers[last];
        pp->timers[i].timer->idx = i;
    }
    pp->timers[last] = timerWhen{};
    pp->timersLen = last;
    if (i != last) {
        // Moving to i may have moved the last timer to a new parent, so sift
        // up to preserve the heap guarantee, then down.
        siftupTimer(pp->timers, i);
        siftdownTimer(pp->timers, pp->timersLen, i);
    }
    t->idx = -1;
    atomic::StoreRel(&t->pp, (p*)nullptr);  // after t->running: deltimer reads them in the other order
    updateTimer0When(pp);
}

// ---- Operations ---------------------------------------------------------------

// Wait out the calls of t's function in progress on other Ms, so that the
// caller may free or reuse t and what f uses (a Ticker's channel), and no
// send of t happens after it returns. Go 1.19's deltimer and modtimer do
// the same for a timer in timerRunning: osyield until it is not.
static void waitTimerRun(timer* t) {
    while (atomic::Load(&t->running)) osyield();
}

// Remove t from its heap if it is in one; whether it was.
static bool deltimerFromHeap(timer* t) {
    for (;;) {
        p* pp = atomic::Load(&t->pp);
        if (pp == nullptr) return false;
        lock(&pp->timersLock);
        if (t->pp != pp) {  // moved or ran meanwhile
            unlock(&pp->timersLock);
            continue;
        }
        // runtimer sets t->running under this lock, so a run that started
        // before we took it is seen by waitTimerRun, and none can start after.
        dodeltimer(pp, t->idx);
        unlock(&pp->timersLock);
        return true;
    }
}

// Remove t if it is waiting to run. Reports whether it was removed before it
// ran (Go's deltimer). Returns only once no call of t->f is in flight: a
// periodic timer stays in its heap while f runs, so removing it from the
// heap is not enough.
bool deltimer(timer* t) {
    bool removed = deltimerFromHeap(t);
    waitTimerRun(t);
    return removed;
}

// deltimer without waiting for a run in progress. For timers whose function
// checks a sequence number under a lock the caller holds (the netpoller's
// deadlines): that run may be blocked on the caller's lock, so waiting would
// deadlock; it finds its sequence number stale instead. (Go 1.19's deltimer
// waits while timerRunning; its netpoll deadline functions take pd.lock
// too, and Go 1.19 avoids the cycle by not holding pd.lock across deltimer.)
bool deltimerStale(timer* t) { return deltimerFromHeap(t); }

// Run the first timer of pp if it is due (pp->timersLock held; released
// while the timer function runs). Returns 0 if it ran a timer, the time of
// the next one otherwise, -1 if there are none (Go's runtimer).
static int64_t runtimer(p* pp, int64_t now) {
    if (pp->timersLen == 0) return -1;
    if (pp->timers[0].when > now) return pp->timers[0].when;  // not ready to run
    timer* t = pp->timers[0].timer;
    atomic::Xadd(&t->running, 1);  // before t->pp is cleared: see deltimer
    void (*f)(void*, uintptr) = t->f;
    void* arg = t->arg;
    uintptr seq = t->seq;
    if (t->period > 0) {
        // Leave in heap but adjust next time to fire.
        int64_t delta = t->when - now;
        t->when += t->period * (1 + -delta / t->period);
        if (t->when < 0) t->when = maxWhen;  // check for overflow
        pp->timers[0].when = t->when;
        siftdownTimer(pp->timers, pp->timersLen, 0);
        updateTimer0When(pp);
    } else {
        dodeltimer(pp, 0);
    }
    bool autofree = t->autofree && t->period == 0;
    unlock(&pp->timersLock);
    if (traceOn()) traceTimer((uintptr)f);
    f(arg, seq);
    if (autofree) mfree(t);
    else atomic::Xadd(&t->running, -1);
    lock(&pp->timersLock);
    return 0;
}

// The rest of Go's checkTimers (runtime.h), for a P with timers (next is
// its timer0When): run those that are ready. If now is not 0 it is the
// current time. Returns the time when the next timer should run, or 0 if
// there is no next timer; *rnow is the time used, *ran whether a timer ran.
int64_t runTimers(p* pp, int64_t now, int64_t next, int64_t* rnow, bool* ran) {
    if (now == 0) now = nanotime();
    *rnow = now;
    if (now < next) return next;
    int64_t pollUntil = 0;
    lock(&pp->timersLock);
    while (pp->timersLen > 0) {
        int64_t tw = runtimer(pp, now);
        if (tw != 0) {
            if (tw > 0) pollUntil = tw;
            break;
        }
        *ran = true;
    }
    unlock(&pp->timersLock);
    return pollUntil;
}

// Move every timer of from to pp (both timersLocks held; the world is
// stopped). Go's moveTimers.
void moveTimers(p* pp, p* from) {
    while (from->timersLen > 0) {
        timer* t = from->timers[from->timersLen - 1].timer;
        dodeltimer(from, t->idx);
        doaddtimer(pp, t);
    }
    timerpMaskSet(pp->id);
}


}  // namespace runtime
