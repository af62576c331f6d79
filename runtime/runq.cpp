// runq.cpp — run queues: each P's lock-free local queue and the global queue.
// Go's proc.go, "Local runqueue" and "Global runqueue" sections.
//
// The local queue is a 256-slot ring. Only the owner P adds (runqput writes a
// slot, then publishes it with a store-release of runqtail); the owner and
// thieves remove by CAS on runqhead. runnext holds one G that should run
// next, ahead of the ring: a G readied by the running G (a channel handoff)
// inherits the rest of the time slice, which is what keeps ping-pong fast.
//
// The global queue, under sched.lock, takes overflow (half the ring at a time)
// and Gs from Gosched, syscall exits and other Ps' destruction. Every 61st
// schedule a P looks there first so that nothing waits on it forever. Go
// links it through g.schedlink; ours is a gRing of pointers, so a batch moves
// in and out without touching a G (see docs/performance.md, spawn).
#include "runtime.h"

namespace runtime {

// ---- gList: an intrusive list through g.schedlink --------------------------

void gList::push(g* gp) {
    gp->schedlink = head;
    head = gp;
}
g* gList::pop() {
    g* gp = head;
    if (gp != nullptr) head = gp->schedlink;
    return gp;
}

// ---- gRing: a growable ring of G pointers --------------------------------------

static void gRingGrow(gRing* r) {
    uint32_t ncap = r->cap ? r->cap * 2 : 1024;
    if (ncap == 0) throw_("gRing: too many goroutines queued");
    auto** nbuf = (g**)sysAllocOrDie(sizeof(g*) * (uintptr)ncap, "the global run queue");
    uint32_t n = r->size();
    for (uint32_t i = 0; i < n; i++) nbuf[i] = r->at(i);
    if (r->buf != nullptr) sysFree(r->buf, sizeof(g*) * (uintptr)r->cap);
    r->buf = nbuf;
    r->cap = ncap;
    r->head = 0;
    r->tail = n;
}

void gRing::pushBack(g* gp) {
    if (size() == cap) gRingGrow(this);
    buf[tail++ & (cap - 1)] = gp;
}

void gRing::pushFront(g* gp) {
    if (size() == cap) gRingGrow(this);
    buf[--head & (cap - 1)] = gp;
}

g* gRing::popFront() {
    if (empty()) return nullptr;
    return buf[head++ & (cap - 1)];
}

// ---- Global run queue (sched.lock must be held) ------------------------------

void globrunqput(g* gp) {
    sched.runq.pushBack(gp);
    sched.runqsize++;
}

void globrunqputhead(g* gp) {
    sched.runq.pushFront(gp);
    sched.runqsize++;
}

// Put n Gs, in order, at the back of the global queue.
void globrunqputbatch(g* const* batch, int32_t n) {
    for (int32_t i = 0; i < n; i++) sched.runq.pushBack(batch[i]);
    sched.runqsize += n;
}

// Take a fair share of the global queue (at most max if max > 0): one G to
// return, the rest into pp's local queue.
g* globrunqget(p* pp, int32_t max) {
    if (sched.runqsize == 0) return nullptr;
    int32_t n = sched.runqsize / gomaxprocs + 1;
    if (n > sched.runqsize) n = sched.runqsize;
    if (max > 0 && n > max) n = max;
    if (n > runqSize / 2) n = runqSize / 2;
    sched.runqsize -= n;
    g* gp = sched.runq.popFront();
    prefetchG(gp);  // it runs next; runqget prefetches the rest ahead
    n--;
    for (; n > 0; n--) {
        g* gp1 = sched.runq.popFront();
        runqput(pp, gp1, false);
    }
    return gp;
}

// ---- Local run queue -----------------------------------------------------------

static inline g* slotLoad(p* pp, uint32_t i) { return atomic::LoadRelaxed(&pp->runq[i % runqSize]); }
static inline void slotStore(p* pp, uint32_t i, g* gp) { atomic::StoreRelaxed(&pp->runq[i % runqSize], gp); }

bool runqempty(p* pp) {
    // Defend against a race where 1) pp has G1 in runnext but runqhead ==
    // runqtail, 2) runqput on pp kicks G1 to the runq, 3) runqget on pp
    // empties runnext. Simply observing runqhead == runqtail and then
    // observing runnext == nil does not mean the queue is empty.
    for (;;) {
        uint32_t head = atomic::Load(&pp->runqhead);
        uint32_t tail = atomic::Load(&pp->runqtail);
        g* runnext = atomic::Load(&pp->runnext);
        if (tail == atomic::Load(&pp->runqtail)) return head == tail && runnext == nullptr;
    }
}

int32_t runqlen(p* pp) {
    return (int32_t)(atomic::Load(&pp->runqtail) - atomic::Load(&pp->runqhead));
}

// Put gp on the local runnable queue. With next, gp goes into runnext (and
// what was there is kicked to the tail of the ring). When the ring is full,
// half of it moves to the global queue. Executed only by the owner P.
void runqput(p* pp, g* gp, bool next) {
    if (next) {
        // Only the owner makes runnext non-nil; thieves only CAS it from a G
        // to nil. So an empty runnext stays empty until we fill it: a plain
        // release store does, with no locked instruction (the common case:
        // the G we ran was the previous runnext).
        if (atomic::LoadRelaxed(&pp->runnext) == nullptr) {
            atomic::StoreRel(&pp->runnext, gp);
            return;
        }
        // One exchange (Go loops on a CAS): the old runnext moves to the
        // ring; a thief that took it meanwhile left nullptr.
        g* oldnext = atomic::Xchg(&pp->runnext, gp);
        if (oldnext == nullptr) return;
        gp = oldnext;  // kick the old runnext to the regular run queue
    }
    for (;;) {
        uint32_t h = atomic::LoadAcq(&pp->runqhead);  // synchronize with consumers
        uint32_t t = pp->runqtail;
        if (t - h < (uint32_t)runqSize) {
            slotStore(pp, t, gp);
            atomic::StoreRel(&pp->runqtail, t + 1);  // makes the item available for consumption
            return;
        }
        if (runqputslow(pp, gp, h, t)) return;
        // The queue is not full now, so the put above must succeed.
    }
}

// Move gp and a batch of work (half the ring) from the local queue to the
// global queue. Executed only by the owner P.
bool runqputslow(p* pp, g* gp, uint32_t h, uint32_t t) {
    g* batch[runqSize / 2 + 1];
    uint32_t n = (t - h) / 2;
    if (n != (uint32_t)runqSize / 2) throw_("runqputslow: queue is not full");
    for (uint32_t i = 0; i < n; i++) batch[i] = slotLoad(pp, h + i);
    if (!atomic::CasRel(&pp->runqhead, h, h + n)) return false;  // commits consume
    batch[n] = gp;
    lock(&sched.lock);
    globrunqputbatch(batch, (int32_t)(n + 1));
    unlock(&sched.lock);
    return true;
}

// Get a G from the local queue. inheritTime is true if it came from runnext:
// it shares the current time slice. Executed only by the owner P.
g* runqget(p* pp, bool* inheritTime) {
    // If there's a runnext, it's the next G to run.
    g* next = atomic::Load(&pp->runnext);
    // If the runnext is non-0 and the CAS fails, it could only have been
    // stolen by another P, because other Ps can race to set runnext to 0, but
    // only the current P can set it to non-0. Hence, there's no need to retry.
    if (next != nullptr && atomic::Cas(&pp->runnext, next, (g*)nullptr)) {
        atomic::StoreRelaxed(&pp->runnexttick, pp->runnexttick + 1);  // see runqgrab
        *inheritTime = true;
        return next;
    }
    for (;;) {
        uint32_t h = atomic::LoadAcq(&pp->runqhead);  // synchronize with other consumers
        uint32_t t = pp->runqtail;
        if (t == h) {
            *inheritTime = false;
            return nullptr;
        }
        g* gp = slotLoad(pp, h);
        if (atomic::CasRel(&pp->runqhead, h, h + 1)) {  // commits consume
            *inheritTime = false;
            // The next Gs here most likely run next: if they were made on
            // or stolen from another CPU, start bringing them over now, two
            // ahead: the lines of the one after next, and the stack top (where
            // it resumes) of the next, whose lines the previous call requested.
            if (t - h > 1) prefetchResume(slotLoad(pp, h + 1));
            if (t - h > 2) prefetchG(slotLoad(pp, h + 2));
            return gp;
        }
    }
}

// Grab a batch of Gs (half of pp's queue) into batch, a ring of runqSize
// starting at batchHead. Returns the number grabbed. Can be executed by any P.
uint32_t runqgrab(p* pp, g** batch, uint32_t batchHead, bool stealRunNextG) {
    for (;;) {
        uint32_t h = atomic::LoadAcq(&pp->runqhead);  // synchronize with other consumers
        uint32_t t = atomic::LoadAcq(&pp->runqtail);  // synchronize with the producer
        uint32_t n = t - h;
        n = n - n / 2;
        if (n == 0) {
            if (stealRunNextG) {
                // Try to steal from pp->runnext.
                g* next = atomic::Load(&pp->runnext);
                if (next != nullptr) {
                    if (atomic::Load(&pp->status) == _Prunning) {
                        // Sleep to ensure that pp isn't about to run the G
                        // we are about to steal. The important use case here
                        // is when the G running on pp ready()s another G and
                        // then almost immediately blocks: stealing runnext in
                        // that window would make both Gs bounce between Ps.
                        uint32_t tick = atomic::Load(&pp->runnexttick);
                        usleep(3);
                        // Ours, not Go's: if pp took a runnext meanwhile, it
                        // is handing Gs back and forth (a ping-pong whose two
                        // Gs take turns in runnext), and the one there now may
                        // be the same G again: the CAS below would succeed
                        // (ABA) and split the pair. Leave pp alone.
                        if (atomic::Load(&pp->runnexttick) != tick) return 0;
                    }
                    if (!atomic::Cas(&pp->runnext, next, (g*)nullptr)) continue;
                    batch[batchHead % runqSize] = next;
                    return 1;
                }
            }
            return 0;
        }
        if (n > (uint32_t)runqSize / 2) continue;  // read inconsistent h and t
        for (uint32_t i = 0; i < n; i++) batch[(batchHead + i) % runqSize] = slotLoad(pp, h + i);
        if (atomic::CasRel(&pp->runqhead, h, h + n)) return n;  // commits consume
    }
}

// Steal half of the elements from p2's local queue into pp's, and return one
// of them. Executed only by the owner P (pp).
g* runqsteal(p* pp, p* p2, bool stealRunNextG) {
    uint32_t t = pp->runqtail;
    uint32_t n = runqgrab(p2, pp->runq, t, stealRunNextG);
    if (n == 0) return nullptr;
    n--;
    g* gp = slotLoad(pp, t + n);
    if (n == 0) return gp;
    uint32_t h = atomic::LoadAcq(&pp->runqhead);  // synchronize with consumers
    if (t - h + n >= (uint32_t)runqSize) throw_("runqsteal: runq overflow");
    atomic::StoreRel(&pp->runqtail, t + n);  // makes the items available for consumption
    return gp;
}

}  // namespace runtime
