// procresize.cpp — the Ps: creating and destroying them (procresize), the
// idle list, binding Ps to Ms, and the random order in which a P visits the
// others to steal. Part of Go's proc.go ("procresize", "pidleput",
// "acquirep", "stealOrder"), in a file of its own so that the host unit
// tests can exercise it (test/unit/test_procresize.cpp).
#include "proc.h"

#include "print.h"
#include "runtime.h"

namespace runtime {

p* allp[MaxGomaxprocs];
int32_t allplen;
int32_t gomaxprocs;

void randomOrder::reset(uint32_t n) {
    count = n;
    ncoprimes = 0;
    for (uint32_t i = 1; i <= n; i++) {
        uint32_t a = i, b = n;
        while (b != 0) {
            uint32_t t = a % b;
            a = b;
            b = t;
        }
        if (a == 1) coprimes[ncoprimes++] = i;
    }
}

constinit randomOrder stealOrder{};
randomEnum stealStart(uint32_t r) {
    return randomEnum{0, stealOrder.count, r % stealOrder.count, stealOrder.coprimes[r % stealOrder.ncoprimes]};
}

constinit pMask idlepMask{};
constinit pMask timerpMask{};
void timerpMaskSet(int32_t id) { timerpMask.set(id); }

// ---- Ps --------------------------------------------------------------------------

static void pinit(p* pp, int32_t id) {
    pp->id = id;
    pp->status = _Pgcstop;
    if (pp->mcache == nullptr) pp->mcache = allocmcache();
    stealOrder.count = 0;  // invalid until procresize resets it
}

// Release a P no longer in use: its work goes to the global queue, its timers
// and free Gs to the current P, its mcache back to the central lists.
static void pdestroy(p* pp) {
    // Move all runnable goroutines to the global queue.
    while (pp->runqhead != pp->runqtail) {
        pp->runqtail--;
        g* gp = pp->runq[pp->runqtail % runqSize];
        globrunqputhead(gp);
    }
    if (pp->runnext != nullptr) {
        globrunqputhead(pp->runnext);
        pp->runnext = nullptr;
    }
    if (pp->timersLen > 0) {
        p* plocal = getg()->m->p;
        lock(&plocal->timersLock);
        lock(&pp->timersLock);
        moveTimers(plocal, pp);
        unlock(&pp->timersLock);
        unlock(&plocal->timersLock);
    }
    // Move the free Gs to the global free list.
    gfpurge(pp);
    freemcache(pp->mcache);
    pp->mcache = nullptr;
    stackcacheflush(pp);
    pp->status = _Pdead;
}

// Change the number of processors (Go's procresize). sched.lock must be held
// and the world stopped. Returns the list of Ps with local work; the caller
// must schedule them.
p* procresize(int32_t nprocs) {
    int32_t old = gomaxprocs;
    if (old < 0 || nprocs <= 0) throw_("procresize: invalid arg");
    if (nprocs > MaxGomaxprocs) nprocs = MaxGomaxprocs;

    // Initialize new Ps.
    for (int32_t i = old; i < nprocs; i++) {
        p* pp = allp[i];
        if (pp == nullptr) {
            pp = (p*)mallocgc(sizeof(p), true);
            pinit(pp, i);
            atomic::StoreRel(&allp[i], pp);
        } else {
            pinit(pp, i);
        }
    }
    if (nprocs > allplen) allplen = nprocs;

    g* gp = getg();
    if (gp->m->p != nullptr && gp->m->p->id < nprocs) {
        // Continue to use the current P.
        gp->m->p->status = _Prunning;
    } else {
        // Release the current P and acquire allp[0].
        if (gp->m->p != nullptr) gp->m->p->m = nullptr;
        gp->m->p = nullptr;
        p* pp = allp[0];
        pp->m = nullptr;
        pp->status = _Pidle;
        acquirep(pp);
    }

    // Release resources from unused Ps.
    for (int32_t i = nprocs; i < old; i++) pdestroy(allp[i]);
    allplen = nprocs;

    p* runnablePs = nullptr;
    for (int32_t i = nprocs - 1; i >= 0; i--) {
        p* pp = allp[i];
        if (gp->m->p == pp) continue;
        pp->status = _Pidle;
        if (runqempty(pp)) {
            pidleput(pp);
        } else {
            pp->m = mget();
            pp->link = runnablePs;
            runnablePs = pp;
        }
    }
    stealOrder.reset((uint32_t)nprocs);
    atomic::Store(&gomaxprocs, nprocs);
    return runnablePs;
}

// Associate pp and the current M (Go's acquirep/wirep).
void acquirep(p* pp) {
    g* gp = getg();
    if (gp->m->p != nullptr) throw_("wirep: already in go");
    if (pp->m != nullptr || pp->status != _Pidle) {
        print("wirep: p->m=", pp->m ? pp->m->id : -1, " p->status=", pp->status, "\n");
        throw_("wirep: invalid p state");
    }
    gp->m->p = pp;
    pp->m = gp->m;
    pp->status = _Prunning;
}

// Disassociate the P and the current M.
p* releasep() {
    g* gp = getg();
    p* pp = gp->m->p;
    if (pp == nullptr) throw_("releasep: no p");
    if (pp->m != gp->m || pp->status != _Prunning) {
        print("releasep: m=", gp->m->id, " m->p=", pp->id, " p->m=", pp->m ? pp->m->id : -1, " p->status=",
              pp->status, "\n");
        throw_("releasep: invalid p state");
    }
    gp->m->p = nullptr;
    pp->m = nullptr;
    pp->status = _Pidle;
    return pp;
}

// Put pp on the idle list (sched.lock held).
void pidleput(p* pp) {
    if (!runqempty(pp)) throw_("pidleput: P has non-empty run queue");
    idlepMask.set(pp->id);
    pp->link = sched.pidle;
    sched.pidle = pp;
    atomic::Xadd(&sched.npidle, 1);
}

// Try to get a P from the idle list (sched.lock held).
p* pidleget() {
    p* pp = sched.pidle;
    if (pp != nullptr) {
        timerpMask.set(pp->id);
        idlepMask.clear(pp->id);
        sched.pidle = pp->link;
        atomic::Xadd(&sched.npidle, -1);
    }
    return pp;
}

// Like pidleget, but when no P is free, record that work was found that no
// M could take (Go 1.21's pidlegetSpinning; see the delicate dance).
p* pidlegetSpinning() {
    p* pp = pidleget();
    if (pp == nullptr) {
        atomic::Store(&sched.needspinning, 1);
        return nullptr;
    }
    return pp;
}

}  // namespace runtime
