// netpoll.cpp — the network poller, platform-independent part: Go's
// netpoll.go. A goroutine that would block on a non-blocking fd parks in
// netpollblock on its pollDesc's read or write semaphore; the platform
// netpoll (netpoll_epoll.cpp), called by the scheduler, reports which fds
// are ready and netpollready hands back their goroutines. Deadlines are
// timers on the pollDesc. docs/netpoll.md walks through one Read.
//
// Divergences from Go 1.19, each for the reason given:
// - The closing/deadline/everr state is read with atomic loads of the fields
//   themselves, not through Go's packed atomicInfo word: the same publication
//   order (store under pd.lock, then load rg/wg), one word less to keep.
// - netpollWaiters counts goroutines parked in netpollblock and is
//   decremented whichever way they wake (Go 1.19 forgets to decrement it when
//   netpoll readies a goroutine, so once any goroutine has waited, idle Ms
//   block in netpoll forever after; Go 1.22 fixed it the same way).
#include "netpoll.h"

#include "print.h"
#include "proc.h"
#include "trace.h"

namespace runtime {

static constinit mutex netpollInitLock{};

void netpollGenericInit() {
    if (atomic::Load(&netpollInited) != 0) return;
    lock(&netpollInitLock);
    if (netpollInited == 0) {
        netpollinit();
        atomic::Store(&netpollInited, 1u);
    }
    unlock(&netpollInitLock);
}

void poll_runtime_pollServerInit() { netpollGenericInit(); }

bool poll_runtime_isPollServerDescriptor(uintptr fd) { return netpollIsPollDescriptor(fd); }

// ---- pollcache: pollDescs are allocated in blocks and never freed ---------------

static constinit struct pollCache {
    mutex lock;
    pollDesc* first;  // [lock]
} pollcache{};

static pollDesc* pollcacheAlloc() {
    lock(&pollcache.lock);
    if (pollcache.first == nullptr) {
        constexpr uintptr pdSize = sizeof(pollDesc);
        constexpr uintptr n = 4096 / pdSize == 0 ? 1 : 4096 / pdSize;
        // Must be in non-GC memory in Go because it is referenced from epoll;
        // here all memory is, and it is never freed for the same reason.
        auto* mem = (pollDesc*)mallocgc(n * pdSize, true);
        for (uintptr i = 0; i < n; i++) {
            mem[i].link = pollcache.first;
            mem[i].rt.idx = -1;
            mem[i].wt.idx = -1;
            pollcache.first = &mem[i];
        }
    }
    pollDesc* pd = pollcache.first;
    pollcache.first = pd->link;
    unlock(&pollcache.lock);
    return pd;
}

static void pollcacheFree(pollDesc* pd) {
    lock(&pollcache.lock);
    pd->link = pollcache.first;
    pollcache.first = pd;
    unlock(&pollcache.lock);
}

// ---- Opening and closing ----------------------------------------------------------

pollDesc* poll_runtime_pollOpen(uintptr fd, int* errno_) {
    pollDesc* pd = pollcacheAlloc();
    lock(&pd->lock);
    uintptr wg = atomic::Load(&pd->wg);
    if (wg != 0 && wg != pdReady) throw_("runtime: blocked write on free polldesc");
    uintptr rg = atomic::Load(&pd->rg);
    if (rg != 0 && rg != pdReady) throw_("runtime: blocked read on free polldesc");
    pd->fd = fd;
    atomic::Store(&pd->closing, false);
    atomic::Store(&pd->everr, false);
    pd->rseq++;
    atomic::Store(&pd->rg, (uintptr)0);
    atomic::Store(&pd->rd, (int64_t)0);
    pd->wseq++;
    atomic::Store(&pd->wg, (uintptr)0);
    atomic::Store(&pd->wd, (int64_t)0);
    unlock(&pd->lock);
    int32_t e = netpollopen(fd, pd);
    if (e != 0) {
        pollcacheFree(pd);
        *errno_ = e;
        return nullptr;
    }
    *errno_ = 0;
    return pd;
}

void poll_runtime_pollClose(pollDesc* pd) {
    if (!pd->closing) throw_("runtime: close polldesc w/o unblock");
    uintptr wg = atomic::Load(&pd->wg);
    if (wg != 0 && wg != pdReady) throw_("runtime: blocked write on closing polldesc");
    uintptr rg = atomic::Load(&pd->rg);
    if (rg != 0 && rg != pdReady) throw_("runtime: blocked read on closing polldesc");
    netpollclose(pd->fd);
    pollcacheFree(pd);
}

// ---- Waiting for readiness --------------------------------------------------------

// Whether an operation in mode may not proceed: closed, past its deadline,
// or (reads only) an error reported by epoll.
static int netpollcheckerr(pollDesc* pd, int32_t mode) {
    if (atomic::Load(&pd->closing)) return pollErrClosing;
    if ((mode == 'r' && atomic::Load(&pd->rd) < 0) || (mode == 'w' && atomic::Load(&pd->wd) < 0))
        return pollErrTimeout;
    // Report an event scanning error only on a read event. An error on a
    // write event will be captured in a subsequent write call that is able
    // to report a more specific error.
    if (mode == 'r' && atomic::Load(&pd->everr)) return pollErrNotPollable;
    return pollNoError;
}

static uintptr* semaOf(pollDesc* pd, int32_t mode) { return mode == 'w' ? &pd->wg : &pd->rg; }

// gopark's unlock function: publish the parked G unless a notification
// arrived meanwhile (then the G runs on at once).
static bool netpollblockcommit(g* gp, void* gpp) {
    bool r = atomic::Cas((uintptr*)gpp, pdWait, (uintptr)gp);
    // Bump the count of goroutines waiting for the poller. The scheduler
    // uses this to decide whether to block waiting for the poller if there
    // is nothing else to do.
    if (r) atomic::Xadd(&netpollWaiters, 1u);
    return r;
}

// Returns true if IO is ready, or false if timed out or closed. waitio: wait
// only for completed IO, ignore errors.
static bool netpollblock(pollDesc* pd, int32_t mode, bool waitio) {
    uintptr* gpp = semaOf(pd, mode);
    // Set the gpp semaphore to pdWait.
    for (;;) {
        // Consume notification if already ready.
        if (atomic::Cas(gpp, pdReady, (uintptr)0)) return true;
        if (atomic::Cas(gpp, (uintptr)0, pdWait)) break;
        // Double check that this isn't corrupt; otherwise we'd loop forever.
        uintptr v = atomic::Load(gpp);
        if (v != pdReady && v != 0) throw_("runtime: double wait");
    }
    // Need to recheck error states after setting gpp to pdWait. This is
    // necessary because pollUnblock/pollSetDeadline/deadlineimpl do the
    // opposite: store to closing/rd/wd, then load of rg/wg.
    if (waitio || netpollcheckerr(pd, mode) == pollNoError) gopark(netpollblockcommit, gpp, waitReason::IOWait);
    // Be careful to not lose concurrent pdReady notification.
    uintptr old = atomic::Xchg(gpp, (uintptr)0);
    if (old > pdWait) throw_("runtime: corrupted polldesc");
    return old == pdReady;
}

// Take the G parked on pd's mode semaphore, if any. ioready: leave pdReady
// behind for the next netpollblock to consume.
static g* netpollunblock(pollDesc* pd, int32_t mode, bool ioready) {
    uintptr* gpp = semaOf(pd, mode);
    for (;;) {
        uintptr old = atomic::Load(gpp);
        if (old == pdReady) return nullptr;
        // Only set pdReady for ioready. pollWait will check for
        // timeout/cancel before waiting.
        if (old == 0 && !ioready) return nullptr;
        uintptr nw = ioready ? pdReady : 0;
        if (atomic::Cas(gpp, old, nw)) {
            if (old == pdWait) old = 0;
            if (old != 0) atomic::Xadd(&netpollWaiters, -1u);
            return (g*)old;
        }
    }
}

void netpollready(gList* toRun, pollDesc* pd, int32_t mode) {
    g* rg = nullptr;
    g* wg = nullptr;
    if (mode == 'r' || mode == 'r' + 'w') rg = netpollunblock(pd, 'r', true);
    if (mode == 'w' || mode == 'r' + 'w') wg = netpollunblock(pd, 'w', true);
    if (rg != nullptr) toRun->push(rg);
    if (wg != nullptr) toRun->push(wg);
}

int poll_runtime_pollReset(pollDesc* pd, int mode) {
    int errcode = netpollcheckerr(pd, mode);
    if (errcode != pollNoError) return errcode;
    atomic::Store(semaOf(pd, mode), (uintptr)0);
    return pollNoError;
}

int poll_runtime_pollWait(pollDesc* pd, int mode) {
    int errcode = netpollcheckerr(pd, mode);
    if (errcode != pollNoError) return errcode;
    while (!netpollblock(pd, mode, false)) {
        errcode = netpollcheckerr(pd, mode);
        if (errcode != pollNoError) return errcode;
        // Can happen if timeout has fired and unblocked us, but before we
        // had a chance to run, timeout has been reset. Pretend it has not
        // happened and retry.
    }
    return pollNoError;
}

// ---- Deadlines ---------------------------------------------------------------------

// A deadline timer fired (Go's netpolldeadlineimpl): if it is still current,
// mark the deadline expired and wake the goroutine waiting under it.
static void netpolldeadlineimpl(pollDesc* pd, uintptr seq, bool read, bool write) {
    lock(&pd->lock);
    // Seq arg is seq when the timer was set. If it's stale, ignore the
    // timer event.
    uintptr currentSeq = read ? pd->rseq : pd->wseq;
    if (seq != currentSeq) {
        unlock(&pd->lock);
        return;
    }
    g* rg = nullptr;
    g* wg = nullptr;
    if (read) {
        if (pd->rd <= 0 || pd->rt.f == nullptr) throw_("runtime: inconsistent read deadline");
        atomic::Store(&pd->rd, (int64_t)-1);
        rg = netpollunblock(pd, 'r', false);
    }
    if (write) {
        if (pd->wd <= 0 || (pd->wt.f == nullptr && !read)) throw_("runtime: inconsistent write deadline");
        atomic::Store(&pd->wd, (int64_t)-1);
        wg = netpollunblock(pd, 'w', false);
    }
    unlock(&pd->lock);
    if (rg != nullptr) goready(rg);
    if (wg != nullptr) goready(wg);
}

static void netpollDeadline(void* arg, uintptr seq) { netpolldeadlineimpl((pollDesc*)arg, seq, true, true); }
static void netpollReadDeadline(void* arg, uintptr seq) { netpolldeadlineimpl((pollDesc*)arg, seq, true, false); }
static void netpollWriteDeadline(void* arg, uintptr seq) { netpolldeadlineimpl((pollDesc*)arg, seq, false, true); }

// (Re)arm t for when with f and seq; pd->lock held. Go's modtimer/resettimer.
// deltimerStale, not deltimer: a run of t in progress may be waiting for
// pd->lock, and its stale seq makes it harmless.
static void armTimer(timer* t, int64_t when, void (*f)(void*, uintptr), pollDesc* pd, uintptr seq) {
    deltimerStale(t);
    t->f = f;
    t->arg = pd;
    t->seq = seq;
    t->period = 0;
    t->when = when;
    addtimer(t);
}

static void disarmTimer(timer* t) {
    deltimerStale(t);
    t->f = nullptr;
}

// Set the read ('r'), write ('w') or both ('r'+'w') deadlines of pd to d ns
// from now: 0 clears, < 0 is already past.
void poll_runtime_pollSetDeadline(pollDesc* pd, int64_t d, int mode) {
    lock(&pd->lock);
    if (pd->closing) {
        unlock(&pd->lock);
        return;
    }
    int64_t rd0 = pd->rd, wd0 = pd->wd;
    bool combo0 = rd0 > 0 && rd0 == wd0;
    if (d > 0) {
        d += nanotime();
        if (d <= 0) d = INT64_MAX;  // if the user has a deadline in the future, but the delay calculation overflows, then set the deadline to the maximum possible value
    }
    if (mode == 'r' || mode == 'r' + 'w') atomic::Store(&pd->rd, d);
    if (mode == 'w' || mode == 'r' + 'w') atomic::Store(&pd->wd, d);
    bool combo = pd->rd > 0 && pd->rd == pd->wd;
    auto rtf = combo ? netpollDeadline : netpollReadDeadline;
    if (pd->rt.f == nullptr) {
        if (pd->rd > 0) armTimer(&pd->rt, pd->rd, rtf, pd, pd->rseq);
    } else if (pd->rd != rd0 || combo != combo0) {
        pd->rseq++;  // invalidate current timers
        if (pd->rd > 0) armTimer(&pd->rt, pd->rd, rtf, pd, pd->rseq);
        else disarmTimer(&pd->rt);
    }
    if (pd->wt.f == nullptr) {
        if (pd->wd > 0 && !combo) armTimer(&pd->wt, pd->wd, netpollWriteDeadline, pd, pd->wseq);
    } else if (pd->wd != wd0 || combo != combo0) {
        pd->wseq++;  // invalidate current timers
        if (pd->wd > 0 && !combo) armTimer(&pd->wt, pd->wd, netpollWriteDeadline, pd, pd->wseq);
        else disarmTimer(&pd->wt);
    }
    // If we set the new deadline in the past, unblock currently pending IO
    // if any.
    g* rg = pd->rd < 0 ? netpollunblock(pd, 'r', false) : nullptr;
    g* wg = pd->wd < 0 ? netpollunblock(pd, 'w', false) : nullptr;
    unlock(&pd->lock);
    if (rg != nullptr) goready(rg);
    if (wg != nullptr) goready(wg);
}

// The fd is being closed: wake every goroutine waiting on it (they see
// pollErrClosing) and cancel its deadlines.
void poll_runtime_pollUnblock(pollDesc* pd) {
    lock(&pd->lock);
    if (pd->closing) throw_("runtime: unblock on closing polldesc");
    atomic::Store(&pd->closing, true);
    pd->rseq++;
    pd->wseq++;
    g* rg = netpollunblock(pd, 'r', false);
    g* wg = netpollunblock(pd, 'w', false);
    if (pd->rt.f != nullptr) disarmTimer(&pd->rt);
    if (pd->wt.f != nullptr) disarmTimer(&pd->wt);
    unlock(&pd->lock);
    if (rg != nullptr) goready(rg);
    if (wg != nullptr) goready(wg);
}

// ---- Handing readied goroutines to the scheduler ---------------------------------

// Go's injectglist: with no P, everything goes to the global queue and an M
// is started per idle P; with a P, as many as there are idle Ps go to the
// global queue (for them), the rest to this P's queue.
void injectglist(gList* list) {
    if (list->empty()) return;
    constexpr int32_t batch = 64;
    g* buf[batch];
    int32_t qsize = 0;
    for (g* gp = list->head; gp != nullptr; gp = gp->schedlink) {
        if (traceOn()) traceGoUnpark(gp);
        casgstatus(gp, _Gwaiting, _Grunnable);
        qsize++;
    }
    auto startIdle = [](int32_t n) {
        for (; n != 0 && atomic::Load(&sched.npidle) != 0; n--) startm(nullptr, false);
    };
    p* pp = getg()->m->p;
    int32_t toGlobal = pp == nullptr ? qsize : (int32_t)atomic::Load(&sched.npidle);
    if (toGlobal > qsize) toGlobal = qsize;
    for (int32_t left = toGlobal; left > 0;) {
        int32_t n = 0;
        while (n < batch && n < left) buf[n++] = list->pop();
        lock(&sched.lock);
        globrunqputbatch(buf, n);
        unlock(&sched.lock);
        left -= n;
    }
    startIdle(toGlobal);
    while (g* gp = list->pop()) runqput(pp, gp, false);
}

}  // namespace runtime
