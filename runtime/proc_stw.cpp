// proc_stw.cpp — Go's proc.go, part 5: stopping and starting the world,
// which here exists for one reason: changing GOMAXPROCS (procresize).
// Go's other reason, the garbage collector, does not exist in this runtime.
#include "netpoll.h"
#include "print.h"
#include "proc.h"
#include "runtime.h"
#include "runtime1.h"
#include "sys_linux.h"

namespace runtime {

static int32_t newprocs;             // [sched.lock] GOMAXPROCS requested, applied by startTheWorld
// Serializes stop-the-world: holding it is the right to stop the world. A
// semaphore, as Go's worldsema: a second caller parks its goroutine (its M
// goes on running others), where a futex lock would sleep the M with its P
// still _Prunning, which the first caller's stop then waits for forever.
static constinit uint32_t worldsema = 1;  // [atomic] via semacquire/semrelease

// ---- Stopping the world (for GOMAXPROCS) -----------------------------------------------

// Preempt every running goroutine. Returns true if it asked at least one.
bool preemptall() {
    bool res = false;
    for (int32_t i = 0; i < allplen; i++) {
        p* pp = allp[i];
        if (pp->status != _Prunning) continue;
        if (preemptone(pp)) res = true;
    }
    return res;
}

static void stopTheWorldWithSema(void*) {
    g* gp = getg();
    // If we hold a lock, then we won't be able to stop another M that is
    // blocked trying to acquire the lock.
    if (gp->m->locks > 0) throw_("stopTheWorld: holding locks");
    lock(&sched.lock);
    sched.stopwait = gomaxprocs;
    atomic::Store(&sched.gcwaiting, 1);
    preemptall();
    // Stop current P.
    gp->m->p->status = _Pgcstop;  // Pgcstop is only diagnostic.
    sched.stopwait--;
    // Try to retake all Ps in Psyscall status.
    for (int32_t i = 0; i < allplen; i++) {
        p* pp = allp[i];
        uint32_t s = atomic::Load(&pp->status);
        if (s == _Psyscall && atomic::Cas(&pp->status, s, _Pgcstop)) {
            pp->syscalltick++;
            sched.stopwait--;
        }
    }
    // Stop idle Ps.
    for (;;) {
        p* pp = pidleget();
        if (pp == nullptr) break;
        pp->status = _Pgcstop;
        sched.stopwait--;
    }
    bool wait = sched.stopwait > 0;
    unlock(&sched.lock);
    // Wait for remaining Ps to stop voluntarily.
    if (wait) {
        for (;;) {
            // Wait for 100us, then try to re-preempt in case of any races.
            if (notetsleep(&sched.stopnote, 100 * 1000)) {
                noteclear(&sched.stopnote);
                break;
            }
            preemptall();
        }
    }
    // Sanity checks.
    if (sched.stopwait != 0) throw_("stopTheWorld: not stopped (stopwait != 0)");
    for (int32_t i = 0; i < allplen; i++)
        if (allp[i]->status != _Pgcstop) throw_("stopTheWorld: not stopped (status != _Pgcstop)");
}

// Stop all Ps from running goroutines, leaving only the caller's.
void stopTheWorld(const char* reason) {
    (void)reason;
    semacquire(&worldsema, false, waitReason::semacquire);  // released by startTheWorld
    systemstack(stopTheWorldWithSema, nullptr);
}

static void startTheWorldWithSema(void*) {
    m* mp = acquirem();  // disable preemption because it can be holding p in a local var
    if (netpollinited()) {
        gList list = netpoll(0);  // non-blocking
        injectglist(&list);
    }
    lock(&sched.lock);
    int32_t procs = gomaxprocs;
    if (newprocs != 0) {
        procs = newprocs;
        newprocs = 0;
    }
    p* p1 = procresize(procs);
    atomic::Store(&sched.gcwaiting, 0);
    if (atomic::Load(&sched.sysmonwait)) {
        atomic::Store(&sched.sysmonwait, 0);
        notewakeup(&sched.sysmonnote);
    }
    unlock(&sched.lock);
    while (p1 != nullptr) {
        p* pp = p1;
        p1 = p1->link;
        if (pp->m != nullptr) {
            m* nmp = pp->m;
            pp->m = nullptr;
            if (nmp->nextp != nullptr) throw_("startTheWorld: inconsistent mp->nextp");
            nmp->nextp = pp;
            notewakeup(&nmp->park);
        } else {
            // Start M to run P.
            newm(nullptr, pp, -1);
        }
    }
    // Wakeup an additional proc in case we have excessive runnable goroutines
    // in local queues or in the global queue.
    wakep();
    releasem(mp);
}

void startTheWorld() {
    systemstack(startTheWorldWithSema, nullptr);
    // Hand worldsema to a waiting caller, if any, without yielding this P to it (as Go).
    m* mp = acquirem();
    semrelease(&worldsema, true);
    releasem(mp);
}

// GOMAXPROCS(n): set when n >= 1 (stopping the world to resize), return the previous value.
int32_t setGOMAXPROCS(int32_t n) {
    lock(&sched.lock);
    int32_t ret = gomaxprocs;
    unlock(&sched.lock);
    if (n <= 0 || n == ret) return ret;
    if (n > MaxGomaxprocs) n = MaxGomaxprocs;
    stopTheWorld("GOMAXPROCS");
    // newprocs will be processed by startTheWorld.
    newprocs = n;
    startTheWorld();
    return ret;
}

}  // namespace runtime
