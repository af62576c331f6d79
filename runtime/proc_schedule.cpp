// proc_schedule.cpp — Go's proc.go, part 2: finding work and running it.
// findRunnable (local and global queues, timers, stealing, the spinning
// dance, the network poller), schedule and execute, parking and readying,
// Gosched and goexit. The design essay is at the top of proc.cpp; the
// poller's is docs/netpoll.md.
#include "netpoll.h"
#include "print.h"
#include "proc.h"
#include "trace.h"
#include "runtime.h"
#include "runtime1.h"
#include "sys_linux.h"

namespace runtime {

// ---- The network poller as the scheduler uses it ---------------------------------

// The poller's state the scheduler reads, defined here so that reading it
// links nothing of the poller (netpoll.h explains the weak references).
uint32_t netpollInited;   // [atomic] set once by netpollGenericInit
uint32_t netpollWaiters;  // [atomic] goroutines parked in netpollblock

// A new timer at when was added: make sure someone will run it in time
// (Go's wakeNetPoller).
void wakeNetPoller(int64_t when) {
    if (atomic::Load(&sched.lastpoll) == 0) {
        // An M is blocked in netpoll. pollUntil is either zero or the time
        // it will wake: a spurious wakeup is possible, a missed one is not.
        int64_t pollerPollUntil = atomic::Load(&sched.pollUntil);
        if (pollerPollUntil == 0 || pollerPollUntil > when) netpollBreak();
    } else {
        // There are no threads in the network poller, try to get one there
        // so it can handle new timers.
        wakep();
    }
}

// ---- Finding work ----------------------------------------------------------------

// Try to steal a runnable goroutine or timer from any P (Go's stealWork).
static g* stealWork(int64_t* now, bool* inheritTime, int64_t* pollUntil, bool* newWork) {
    p* pp = getg()->m->p;
    bool ranTimer = false;
    constexpr int stealTries = 4;
    *newWork = false;
    for (int i = 0; i < stealTries; i++) {
        bool stealTimersOrRunNextG = i == stealTries - 1;
        for (randomEnum e = stealStart(fastrand()); !e.done(); e.next()) {
            if (atomic::Load(&sched.gcwaiting)) {
                *newWork = true;  // the world is stopping: back to the top to stop with it
                return nullptr;
            }
            p* p2 = allp[e.position()];
            if (pp == p2) continue;
            // Steal timers from p2. This is the only place where we might
            // hold a lock on a different P's timers.
            if (stealTimersOrRunNextG && timerpMask.read(e.position())) {
                bool ran = false;
                int64_t w = checkTimers(p2, *now, now, &ran);
                if (w != 0 && (*pollUntil == 0 || w < *pollUntil)) *pollUntil = w;
                if (ran) {
                    // Running the timers may have made an arbitrary number
                    // of Gs ready and added them to this P's local run queue.
                    if (g* gp = runqget(pp, inheritTime)) {
                        *newWork = ranTimer;
                        return gp;
                    }
                    ranTimer = true;
                }
            }
            // Don't bother to attempt to steal if p2 is idle.
            if (!idlepMask.read(e.position())) {
                if (g* gp = runqsteal(pp, p2, stealTimersOrRunNextG)) {
                    if (traceOn()) traceSteal(p2, gp);
                    *inheritTime = false;
                    *newWork = ranTimer;
                    return gp;
                }
            }
        }
    }
    // No goroutines found to steal. Regardless, running a timer may have made
    // some goroutine ready that we missed.
    *newWork = ranTimer;
    return nullptr;
}

// The sum of the other Ps' runnexttick: it moves while any of them is
// handing Gs back and forth through runnext (a ping-pong: each G readies
// the other and blocks, every microsecond or so).
static uint64_t runnextTicks(p* pp) {
    uint64_t sum = 0;
    for (int32_t id = 0; id < allplen; id++)
        if (allp[id] != pp) sum += atomic::LoadRelaxed(&allp[id]->runnexttick);
    return sum;
}

// Whether a spinning M should keep its P and go on looking instead of giving
// it up (ours, not Go's): another P is handing off. Each G such a P readies
// calls wakep, and with this M parked and its P idle, wakep would wake an M
// (a futex system call) on that P's critical path, again and again: in a
// ping-pong, thousands of times a second. Kept spinning, this M naps in
// usleep between looks and its P is not idle, so wakep returns at once.
static bool keepSpinning(p* pp) {
    uint64_t ticks = runnextTicks(pp);
    for (int i = 0; i < 8; i++) {
        atomic::procyield(30);
        if (runnextTicks(pp) != ticks) return true;
    }
    return false;
}

// Check all Ps for a runnable G to steal (Go's checkRunqsNoP): returns an
// idle P to go and steal it with, or nullptr.
static p* checkRunqsNoP() {
    for (int32_t id = 0; id < allplen; id++) {
        p* p2 = allp[id];
        if (!idlepMask.read(id) && !runqempty(p2)) {
            lock(&sched.lock);
            p* pp = pidlegetSpinning();
            if (pp == nullptr) {
                // Can't get a P, don't bother checking remaining Ps.
                unlock(&sched.lock);
                return nullptr;
            }
            unlock(&sched.lock);
            return pp;
        }
    }
    return nullptr;
}

// Check all Ps for a timer expiring sooner than pollUntil.
static int64_t checkTimersNoP(int64_t pollUntil) {
    for (int32_t id = 0; id < allplen; id++) {
        if (timerpMask.read(id)) {
            int64_t w = nobarrierWakeTime(allp[id]);
            if (w != 0 && (pollUntil == 0 || w < pollUntil)) pollUntil = w;
        }
    }
    return pollUntil;
}

// Takes the goroutines netpoll made ready: the first, now runnable, is
// returned for this M to run; the rest go to the run queues (injectglist).
// Go 1.19 writes these steps out at both netpoll sites of findRunnable; here
// both call this, inlined so that a wake-up by the poller costs no call.
__attribute__((always_inline)) static inline g* netpollget(gList* list) {
    g* gp = list->pop();
    injectglist(list);
    if (traceOn()) traceGoUnpark(gp);
    casgstatus(gp, _Gwaiting, _Grunnable);
    return gp;
}

// Finds a runnable goroutine to execute (Go's findRunnable): local queue,
// global queue, timers, stealing; otherwise gives up the P and parks this M.
// Tries to steal from other Ps, get from the global queue, run timers.
static g* findRunnable(bool* inheritTime, bool* tryWakeP) {
    m* mp = getg()->m;
    *tryWakeP = false;
top:
    p* pp = mp->p;
    if (atomic::Load(&sched.gcwaiting)) {
        gcstopm();
        goto top;
    }
    {
        // now and pollUntil are saved for work stealing so that the steal
        // loop doesn't repeatedly call nanotime.
        int64_t now = 0, pollUntil = 0;
        bool ran = false;
        if (atomic::LoadRelaxed(&pp->timer0When) != 0) pollUntil = checkTimers(pp, 0, &now, &ran);

        // Check the global runnable queue once in a while to ensure fairness.
        // Otherwise two goroutines can completely occupy the local runqueue
        // by constantly respawning each other.
        if (pp->schedtick % 61 == 0 && atomic::LoadRelaxed(&sched.runqsize) > 0) {
            if (traceOn()) traceFindRunnableSlow();
            lock(&sched.lock);
            g* gp = globrunqget(pp, 1);
            unlock(&sched.lock);
            if (gp != nullptr) {
                *inheritTime = false;
                return gp;
            }
        }

        // local runq
        if (g* gp = runqget(pp, inheritTime)) return gp;
        if (traceOn()) traceFindRunnableSlow();

        // global runq
        if (atomic::Load(&sched.runqsize) != 0) {
            lock(&sched.lock);
            g* gp = globrunqget(pp, 0);
            unlock(&sched.lock);
            if (gp != nullptr) {
                *inheritTime = false;
                return gp;
            }
        }

        // Poll network. This netpoll is only an optimization before we resort
        // to stealing. We can safely skip it if there are no waiters or a
        // thread is blocked in netpoll already. If there is any kind of
        // logical race with that blocked thread (e.g. it has already returned
        // from netpoll, but does not set lastpoll yet), this thread will do
        // blocking netpoll below anyway.
        if (netpollinited() && atomic::Load(&netpollWaiters) > 0 && atomic::Load(&sched.lastpoll) != 0) {
            gList list = netpoll(0);  // non-blocking
            if (!list.empty()) {
                *inheritTime = false;
                return netpollget(&list);
            }
        }

        // Spinning Ms: steal work from other Ps.
        //
        // Limit the number of spinning Ms to half the number of busy Ps. This
        // is necessary to prevent excessive CPU consumption when GOMAXPROCS>>1
        // but the program parallelism is low.
        int32_t procs = atomic::Load(&gomaxprocs);
        if (mp->spinning || 2 * (int32_t)atomic::Load(&sched.nmspinning) < procs - (int32_t)atomic::Load(&sched.npidle)) {
            if (!mp->spinning) becomeSpinning();
            bool newWork = false;
            int64_t w = 0;
            g* gp = stealWork(&now, inheritTime, &w, &newWork);
            if (gp != nullptr) return gp;  // successfully stole
            if (newWork) goto top;           // a timer ran or the world is stopping; look again
            if (w != 0 && (pollUntil == 0 || w < pollUntil)) pollUntil = w;
        }

        if (mp->spinning && keepSpinning(pp)) {
            usleep(3);
            goto top;
        }

        // Return P and block.
        lock(&sched.lock);
        if (atomic::Load(&sched.gcwaiting)) {
            unlock(&sched.lock);
            goto top;
        }
        if (sched.runqsize != 0) {
            g* gp = globrunqget(pp, 0);
            unlock(&sched.lock);
            *inheritTime = false;
            return gp;
        }
        if (!mp->spinning && atomic::Load(&sched.needspinning) == 1) {
            // See "Delicate dance" below.
            becomeSpinning();
            unlock(&sched.lock);
            goto top;
        }
        if (releasep() != pp) throw_("findrunnable: wrong p");
        pidleput(pp);
        unlock(&sched.lock);

        // Delicate dance: the thread transitions from spinning to non-spinning
        // state, potentially concurrently with submission of new work. We
        // must drop nmspinning first and then check all sources again (with a
        // #StoreLoad barrier in between). If we do it the other way around,
        // another thread can submit work after we've checked all sources but
        // before we drop nmspinning; as a result nobody will unpark a thread
        // to run the work.
        //
        // This applies to the following sources of work: goroutines added to
        // a per-P run queue, and new/modified-earlier timers on a per-P timer
        // heap. For the global queue, sched.lock serializes with readiers; and
        // wakep's needspinning flag covers the rest.
        bool wasSpinning = mp->spinning;
        if (mp->spinning) {
            mp->spinning = false;
            if ((int32_t)atomic::Xadd(&sched.nmspinning, -1) < 0) throw_("findrunnable: negative nmspinning");
            // Note the for correctness, only the last M transitioning from
            // spinning to non-spinning must perform these rechecks to ensure
            // no missed work. We are performing it on every M that transitions
            // as a conservative change to monitor effects on latency.
            if (p* np = checkRunqsNoP()) {
                acquirep(np);
                becomeSpinning();
                goto top;
            }
            // Finally, check for timer creation or expiry concurrently with
            // transitioning from spinning to non-spinning.
            pollUntil = checkTimersNoP(pollUntil);
        }

        // Poll network until next timer.
        if (netpollinited() && (atomic::Load(&netpollWaiters) > 0 || pollUntil != 0) &&
            atomic::Xchg(&sched.lastpoll, (int64_t)0) != 0) {
            atomic::Store(&sched.pollUntil, pollUntil);
            if (mp->p != nullptr) throw_("findrunnable: netpoll with p");
            if (mp->spinning) throw_("findrunnable: netpoll with spinning");
            int64_t delay = -1;
            if (pollUntil != 0) {
                if (now == 0) now = nanotime();
                delay = pollUntil - now;
                if (delay < 0) delay = 0;
            }
            gList list = netpoll(delay);  // block until new work is available
            atomic::Store(&sched.pollUntil, (int64_t)0);
            now = nanotime();
            atomic::Store(&sched.lastpoll, now);
            lock(&sched.lock);
            p* np = pidleget();
            unlock(&sched.lock);
            if (np == nullptr) {
                injectglist(&list);
            } else {
                acquirep(np);
                if (!list.empty()) {
                    *inheritTime = false;
                    return netpollget(&list);
                }
                if (wasSpinning) becomeSpinning();
                goto top;
            }
        } else if (pollUntil != 0 && netpollinited()) {
            int64_t pollerPollUntil = atomic::Load(&sched.pollUntil);
            if (pollerPollUntil == 0 || pollerPollUntil > pollUntil) netpollBreak();
        }
        stopm();
        goto top;
    }
}

// One round of scheduler: find a runnable goroutine and execute it. Never
// returns.
[[noreturn]] void schedule() {
    m* mp = getg()->m;
    if (mp->locks != 0) throw_("schedule: holding locks");
top:
    p* pp = mp->p;
    pp->preempt = false;
    // Safety check: if we are spinning, the run queue should be empty.
    if (mp->spinning && (pp->runnext != nullptr || pp->runqhead != pp->runqtail))
        throw_("schedule: spinning with local work");
    bool inheritTime = false, tryWakeP = false;
    g* gp = findRunnable(&inheritTime, &tryWakeP);  // blocks until work is available
    // This thread is going to run a goroutine and is not spinning anymore, so
    // if it was marked as spinning we need to reset it now and potentially
    // start a new spinning M.
    if (mp->spinning) resetspinning();
    if (tryWakeP) wakep();
    if (gp == nullptr) goto top;
    execute(gp, inheritTime);
    __builtin_unreachable();
}

// Schedules gp to run on the current M (Go's execute). If inheritTime is
// true, gp inherits the remaining time in the current time slice. Never returns.
void execute(g* gp, bool inheritTime) {
    m* mp = getg()->m;
    mp->curg = gp;
    gp->m = mp;
    casgstatus(gp, _Grunnable, _Grunning);
    // Plain (release) stores: a racing preemptone can only make the next
    // check fail spuriously, which newstack handles.
    atomic::StoreRel(&gp->preempt, false);
    atomic::StoreRel(&gp->stackguard0, gp->stack.lo + StackGuard);
    if (!inheritTime) mp->p->schedtick++;
    if (traceOn()) traceGoStart();
    static bool g1started;  // [only the first execute of g1 reads and sets it]
    if (gp->goid == 1 && !g1started) {
        g1started = true;
        if (traceOn()) traceBoot("schedule: execute g1");
        if (boottraceEnabled())
            print("boot: [8] mstart -> mstart1 -> schedule -> execute -> gogo: M", mp->id, " on P", mp->p->id,
                  " switches to g1's stack at sp=", hex(gp->sched.sp), " pc=", hex(gp->sched.pc), "\n");
    }
    gogo(&gp->sched);
}

// dropg removes the association between m and the current goroutine m->curg.
void dropg() {
    g* gp = getg();
    gp->m->curg->m = nullptr;
    gp->m->curg = nullptr;
}

// ---- Parking and readying ------------------------------------------------------

// park continuation on g0.
static void park_m(g* gp) {
    m* mp = getg()->m;
    if (traceOn()) traceGoPark(gp->waitreason);
    if (gp->stkextra) shrinkstack(gp);  // while gp is still ours: readied, it may run elsewhere
    casgstatus(gp, _Grunning, _Gwaiting);
    dropg();
    if (auto fn = mp->waitunlockf) {
        bool ok = fn(gp, (void*)mp->waitlock);
        mp->waitunlockf = nullptr;
        mp->waitlock = 0;
        if (!ok) {
            if (traceOn()) traceGoUnpark(gp);
            casgstatus(gp, _Gwaiting, _Grunnable);
            execute(gp, true);  // schedule it back, never returns
        }
    }
    schedule();
}

// Puts the current goroutine into a waiting state and calls unlockf on the
// system stack. If unlockf returns false, the goroutine is resumed. unlockf
// must not access this G's stack, as it may be moved between the call to
// gopark and the call to unlockf. Reason explains why the goroutine has been
// parked; tracebacks show it.
void gopark(bool (*unlockf)(g*, void*), void* lk, waitReason reason) {
    m* mp = acquirem();
    g* gp = mp->curg;
    uint32_t status = readgstatus(gp);
    if (status != _Grunning) throw_("gopark: bad g status");
    mp->waitlock = (uintptr)lk;
    mp->waitunlockf = unlockf;
    gp->waitreason = reason;
    releasem(mp);
    // Can't do anything that might move the G between Ms here.
    mcall(park_m);
}

static bool parkunlock_c(g*, void* lk) {
    unlock((mutex*)lk);
    return true;
}

// Puts the current goroutine into a waiting state and unlocks the lock. The
// goroutine can be made runnable again by calling goready(gp).
void goparkunlock(mutex* l, waitReason reason) { gopark(parkunlock_c, l, reason); }

// Mark gp ready to run (Go's ready). next: put it in runnext, so it runs as
// soon as the current G yields, inheriting its time slice.
void ready(g* gp, bool next) {
    // Mark runnable (casgstatus checks that gp was waiting).
    m* mp = acquirem();  // disable preemption because it can be holding p in a local var
    if (traceOn()) traceGoUnpark(gp);
    casgstatus(gp, _Gwaiting, _Grunnable);
    runqput(mp->p, gp, next);
    wakep();
    releasem(mp);
}

void goready(g* gp) { ready(gp, true); }

// ---- Yielding and exiting ----------------------------------------------------------

static void goschedImpl(g* gp) {
    casgstatus(gp, _Grunning, _Grunnable);  // checks that gp was running
    dropg();
    p* pp = getg()->m->p;
    // When schedule would look at the global queue next anyway — no local
    // work, no timers, no stop-the-world, not spinning — take from it in
    // the same critical section that puts gp at its tail: one trip through
    // sched.lock instead of two. globrunqget takes Go's batch (runqsize /
    // gomaxprocs + 1, the rest to the local queue), so the order of
    // execution and what schedtrace shows are findRunnable's.
    if (runqempty(pp) && atomic::LoadRelaxed(&pp->timer0When) == 0 && !atomic::Load(&sched.gcwaiting) &&
        !getg()->m->spinning) {
        // The G taken may have been queued by another P after gp's stop
        // was stamped: its start reads the clock (trace.cpp put).
        if (traceOn()) traceFindRunnableSlow();
        lock(&sched.lock);
        globrunqput(gp);
        g* next = globrunqget(pp, 0);
        unlock(&sched.lock);
        if (mainStarted) wakep();
        execute(next, false);
    }
    lock(&sched.lock);
    globrunqput(gp);
    unlock(&sched.lock);
    if (mainStarted) wakep();
    schedule();
}

// Gosched continuation on g0.
static void gosched_m(g* gp) {
    if (traceOn()) traceGoSched();
    goschedImpl(gp);
}

// Yields the processor, allowing other goroutines to run. It does not suspend
// the current goroutine, so execution resumes automatically (Go's Gosched:
// the G goes to the global queue).
//
// Fast path (ours, not Go's): when this P has no local work and no timers and
// the global queue is empty, Go's schedule() would take gp straight back off
// the global queue (findRunnable looks at the local queue, then the global
// one, before it ever steals). So skip the round trip through g0 and
// sched.lock, and count the scheduler tick sysmon watches, as execute would.
// A pending preemption or stop-the-world takes the full path, which clears
// or honours it. The reads of other CPUs' state are racy hints, as they are
// in Go's findRunnable: a G that appears just after we looked is no worse
// off than one that appears just after Go's schedule chose gp.
void Gosched() {
    m* mp = acquirem();
    p* pp = mp->p;
    g* gp = getg();
    // We are pp's owner, the only one who adds to its queue, and thieves only
    // take: so a queue seen empty here stays empty (runqempty's retry loop
    // guards against the owner's own runqput, which cannot run meanwhile).
    if (atomic::LoadRelaxed(&pp->runnext) == nullptr &&
        atomic::LoadAcq(&pp->runqhead) == atomic::LoadRelaxed(&pp->runqtail) && mp->locks == 1 &&
        !atomic::LoadRelaxed(&gp->preempt) && atomic::LoadRelaxed(&sched.runqsize) == 0 &&
        atomic::LoadRelaxed(&pp->timer0When) == 0 && !atomic::LoadRelaxed(&sched.gcwaiting)) {
        atomic::StoreRelaxed(&pp->schedtick, pp->schedtick + 1);
        releasem(mp);
        return;
    }
    releasem(mp);
    mcall(gosched_m);
}

// goyield continuation on g0: like Gosched, but the G goes to the tail of
// the local run queue rather than the global one.
static void goyield_m(g* gp) {
    if (traceOn()) traceGoSched();
    p* pp = gp->m->p;
    casgstatus(gp, _Grunning, _Grunnable);
    dropg();
    runqput(pp, gp, false);
    schedule();
}

void goyield() { mcall(goyield_m); }

// Preemption continuation (Go's gopreempt_m): like Gosched.
void gopreempt_m(g* gp) { goschedImpl(gp); }

// goexit continuation on g0.
static void goexit0(g* gp) {
    m* mp = getg()->m;
    p* pp = mp->p;
    if (traceOn()) traceGoEnd();
    casgstatus(gp, _Grunning, _Gdead);
    gp->m = nullptr;
    atomic::StoreRel(&gp->preempt, false);
    gp->waitreason = waitReason::zero;
    gp->param = nullptr;
    gp->entryarg = nullptr;
    dropg();
    gfput(pp, gp);
    schedule();
}

// Finishes execution of the current goroutine (Go's goexit1): called when its
// function returns (through goexit) or from Goexit.
extern "C" void goexit1() { mcall(goexit0); }

// Terminates the goroutine that calls it. No other goroutine is affected.
// Unlike Go, C++ destructors of the goroutine's frames do not run (there are
// no exceptions to unwind with): Goexit is like longjmp out of every frame.
void Goexit() { goexit1(); __builtin_unreachable(); }

}  // namespace runtime
