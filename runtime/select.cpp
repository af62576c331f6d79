// select.cpp — the select statement, ported from Go's select.go (selectgo).
//
// The steps, as in Go:
//  1. A random poll order over the cases (fastrandn), so that among ready
//     cases each is equally likely, and a lock order by channel address
//     (heap sort), so that two selects on the same channels never deadlock.
//  2. Lock every channel; pass 1 looks for a case that can proceed now.
//  3. Otherwise (blocking select) enqueue a sudog on every channel, park;
//     whoever completes one case wakes us (gp->param is its sudog), and the
//     selectDone flag keeps a second channel from also claiming us.
//  4. Relock everything, dequeue the other sudogs, report the case.
// Unlike Go's compiler, go::select passes the cases in argument order; each
// says whether it is a send.
#include "chan_impl.h"
#include "go/select.h"

namespace runtime {

using go::detail::scase;

static void sellock(scase* scases, uint16_t* lockorder, int n) {
    hchan* c = nullptr;
    for (int i = 0; i < n; i++) {
        hchan* c0 = scases[lockorder[i]].c;
        if (c0 != c) {
            c = c0;
            lock(&c->lock);
        }
    }
}

struct selunlockArgs {
    scase* scases;
    uint16_t* lockorder;
    int n;
};

static void selunlock(scase* scases, uint16_t* lockorder, int n) {
    // We must be very careful here to not touch sel after we have unlocked
    // the last lock, because sel can be freed right after the last unlock:
    // once the last lock is released, the selecting G can be made runnable,
    // run on another M, and return from select.
    for (int i = n - 1; i >= 0; i--) {
        hchan* c = scases[lockorder[i]].c;
        if (i > 0 && c == scases[lockorder[i - 1]].c) continue;  // will unlock it on the next iteration
        unlock(&c->lock);
    }
}

static void selunlockf(void* a) {
    auto* s = (selunlockArgs*)a;
    selunlock(s->scases, s->lockorder, s->n);
}

static bool selparkcommit(g* gp, void*) {
    // There are unlocked sudogs that point into gp's stack. Unlock each
    // channel only after the last sudog with that channel: as soon as a
    // channel is unlocked, fields of its sudogs (c, waitlink) may change.
    hchan* lastc = nullptr;
    for (sudog* sg = gp->waiting; sg != nullptr; sg = sg->waitlink) {
        if (sg->c != lastc && lastc != nullptr) unlock(&lastc->lock);
        lastc = sg->c;
    }
    if (lastc != nullptr) unlock(&lastc->lock);
    return true;
}

static inline uintptr sortkey(hchan* c) { return (uintptr)c; }

// Generate the permuted poll order (nil channels omitted) and the lock order
// (by channel address, heap-sorted: n log n time, constant stack).
static int selectorder(scase* scases, int ncases, uint16_t* pollorder, uint16_t* lockorder) {
    int norder = 0;
    for (int i = 0; i < ncases; i++) {
        if (scases[i].c == nullptr) continue;  // omit cases without channels
        uint32_t j = fastrandn((uint32_t)(norder + 1));
        pollorder[norder] = pollorder[j];
        pollorder[j] = (uint16_t)i;
        norder++;
    }
    for (int i = 0; i < norder; i++) {
        int j = i;
        // Start with the pollorder to permute cases on the same channel.
        hchan* c = scases[pollorder[i]].c;
        while (j > 0 && sortkey(scases[lockorder[(j - 1) / 2]].c) < sortkey(c)) {
            int k = (j - 1) / 2;
            lockorder[j] = lockorder[k];
            j = k;
        }
        lockorder[j] = pollorder[i];
    }
    for (int i = norder - 1; i >= 0; i--) {
        uint16_t o = lockorder[i];
        hchan* c = scases[o].c;
        lockorder[i] = lockorder[0];
        int j = 0;
        for (;;) {
            int k = j * 2 + 1;
            if (k >= i) break;
            if (k + 1 < i && sortkey(scases[lockorder[k]].c) < sortkey(scases[lockorder[k + 1]].c)) k++;
            if (sortkey(c) < sortkey(scases[lockorder[k]].c)) {
                lockorder[j] = lockorder[k];
                j = k;
                continue;
            }
            break;
        }
        lockorder[j] = o;
    }
    return norder;
}

// Go's selectgo. Returns the index of the chosen case, or -1 when block is
// false and no case was ready; *recvOK reports whether a receive got a value.
static int selectgo(scase* scases, uint16_t* order, int ncases, bool block, bool* recvOK) {
    uint16_t* pollorder = order;
    uint16_t* lockorder = order + ncases;
    int norder = selectorder(scases, ncases, pollorder, lockorder);
    *recvOK = false;
    if (norder == 0 && !block) return -1;

    // Lock all the channels involved in the select.
    if (norder > 0) sellock(scases, lockorder, norder);
    selunlockArgs ul{scases, lockorder, norder};

    // Pass 1 - look for something already waiting.
    for (int oi = 0; oi < norder; oi++) {
        int casi = pollorder[oi];
        scase* cas = &scases[casi];
        hchan* c = cas->c;
        if (!cas->isSend) {
            if (sudog* sg = c->qcount == c->dataqsiz ? c->sendq.dequeue() : nullptr) {
                // Can receive from sleeping sender (sg).
                recv(c, sg, cas->elem, selunlockf, &ul);
                *recvOK = true;
                return casi;
            }
            if (c->qcount > 0) {
                // Can receive from buffer.
                buftake(c, cas->elem);
                selunlock(scases, lockorder, norder);
                *recvOK = true;
                return casi;
            }
            if (c->closed != 0) {
                // Read at end of closed channel.
                selunlock(scases, lockorder, norder);
                if (cas->elem != nullptr) typedzero(c->elemtype, cas->elem);
                *recvOK = false;
                return casi;
            }
        } else {
            if (c->closed != 0) {
                // Send on closed channel.
                selunlock(scases, lockorder, norder);
                panicmsg("send on closed channel");
            }
            if (sudog* sg = c->qcount == 0 ? c->recvq.dequeue() : nullptr) {
                // Can send to a sleeping receiver (sg).
                send(c, sg, cas->elem, selunlockf, &ul);
                return casi;
            }
            if (c->qcount < c->dataqsiz) {
                // Can send to buffer.
                bufput(c, cas->elem);
                selunlock(scases, lockorder, norder);
                return casi;
            }
        }
    }

    if (!block) {
        selunlock(scases, lockorder, norder);
        return -1;
    }

    // Pass 2 - enqueue on all chans.
    g* gp = getg();
    if (gp->waiting != nullptr) throw_("gp.waiting != nil");
    sudog** nextp = &gp->waiting;
    for (int oi = 0; oi < norder; oi++) {
        int casi = lockorder[oi];
        scase* cas = &scases[casi];
        hchan* c = cas->c;
        sudog* sg = acquireSudog();
        sg->g = gp;
        sg->isSelect = true;
        sg->elem = cas->elem;
        sg->c = c;
        // Construct waiting list in lock order.
        *nextp = sg;
        nextp = &sg->waitlink;
        if (cas->isSend) c->sendq.enqueue(sg);
        else c->recvq.enqueue(sg);
    }

    // Wait for someone to wake us up.
    gp->param = nullptr;
    gopark(selparkcommit, nullptr, waitReason::select_);
    if (norder == 0) throw_("selectgo: woken with no cases");  // only nil channels: parked forever

    sellock(scases, lockorder, norder);
    atomic::StoreRel(&gp->selectDone, false);  // published by the channel locks taken next
    auto* sg = (sudog*)gp->param;
    gp->param = nullptr;

    // Pass 3 - dequeue from unsuccessful chans, otherwise they stack up on
    // quiet channels; record the successful case, if any. We singly-linked
    // up the sudogs in lock order.
    int casi = -1;
    scase* cas = nullptr;
    bool caseSuccess = false;
    sudog* sglist = gp->waiting;
    // Clear all elem before unlinking from gp->waiting.
    for (sudog* sg1 = gp->waiting; sg1 != nullptr; sg1 = sg1->waitlink) {
        sg1->isSelect = false;
        sg1->elem = nullptr;
        sg1->c = nullptr;
    }
    gp->waiting = nullptr;
    for (int oi = 0; oi < norder; oi++) {
        int k = lockorder[oi];
        scase* kc = &scases[k];
        if (sg == sglist) {
            // sg has already been dequeued by the G that woke us up.
            casi = k;
            cas = kc;
            caseSuccess = sglist->success;
        } else if (kc->isSend) {
            kc->c->sendq.dequeueSudoG(sglist);
        } else {
            kc->c->recvq.dequeueSudoG(sglist);
        }
        sudog* sgnext = sglist->waitlink;
        sglist->waitlink = nullptr;
        releaseSudog(sglist);
        sglist = sgnext;
    }
    if (cas == nullptr) throw_("selectgo: bad wakeup");
    selunlock(scases, lockorder, norder);
    if (cas->isSend) {
        if (!caseSuccess) panicmsg("send on closed channel");
    } else {
        *recvOK = caseSuccess;
    }
    return casi;
}

}  // namespace runtime

namespace go::detail {

int selectgo(scase* cases, uint16_t* order, int n, bool block, bool* recvOK) {
    return runtime::selectgo(cases, order, n, block, recvOK);
}

// select {} (Go's block): park forever; counts toward deadlock detection.
void selectBlockForever() {
    runtime::gopark(nullptr, nullptr, runtime::waitReason::selectNoCases);
    runtime::throw_("unreachable");
}

}  // namespace go::detail
