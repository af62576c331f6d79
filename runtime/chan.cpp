// chan.cpp — channels, ported from Go's chan.go. Read side by side.
//
// Invariants:
//  At least one of c.sendq and c.recvq is empty, except for the case of an
//  unbuffered channel with a single goroutine blocked on it for both sending
//  and receiving using a select statement, in which case the length of
//  c.sendq and c.recvq is limited only by the size of the select statement.
//
// For buffered channels, also:
//  c.qcount > 0 implies that c.recvq is empty.
//  c.qcount < c.dataqsiz implies that c.sendq is empty.
//
// A send that finds a waiting receiver hands the value straight to it
// (sendDirect: no buffer copy) and makes the receiver runnable in the
// sender's runnext, so it runs as soon as the sender yields.
//
// Elements are C++ objects: they are moved with T's move constructor and
// destroyed with ~T (chan_impl.h: typedmove/typedzero/typeddestroy), or
// copied as bytes when T is trivially copyable.
#include "chan_impl.h"

#include "print.h"

namespace runtime {

// ---- Wait queues ----------------------------------------------------------------

void waitq::dequeueSudoG(sudog* sgp) {
    sudog* x = sgp->prev;
    sudog* y = sgp->next;
    if (x != nullptr) {
        if (y != nullptr) {
            // middle of queue
            x->next = y;
            y->prev = x;
            sgp->next = nullptr;
            sgp->prev = nullptr;
            return;
        }
        // end of queue
        x->next = nullptr;
        last = x;
        sgp->prev = nullptr;
        return;
    }
    if (y != nullptr) {
        // start of queue
        y->prev = nullptr;
        first = y;
        sgp->next = nullptr;
        return;
    }
    // x==y==nil. Either sgp is the only element in the queue, or it has
    // already been removed. Use q.first to disambiguate.
    if (first == sgp) {
        first = nullptr;
        last = nullptr;
    }
}

// ---- Creation and lifetime ----------------------------------------------------------

static hchan* makechan(const chantype* elem, long size) {
    constexpr long maxAlloc = 1L << 40;
    if (elem->size >= 1 << 16) throw_("makechan: invalid channel element type");
    if (size < 0 || (elem->size != 0 && size > maxAlloc / (long)elem->size)) panicmsg("makechan: size out of range");
    auto* c = (hchan*)mallocAligned(sizeof(hchan), alignof(hchan), true);
    size_t mem = (size_t)size * elem->size;
    if (mem > 0) c->buf = mallocAligned(mem, elem->align < 16 ? 16 : elem->align, false);
    c->elemtype = elem;
    c->dataqsiz = (uint64_t)size;
    c->refs = 1;
    return c;
}

// The last handle is gone: no goroutine can reach the channel any more.
// Destroy what is still buffered and free it. Goroutines still waiting on
// it hold a reference the handle count missed (a channel destroyed under
// them): a fatal error, except while the static destructors run after main
// returned, where Go would have exited with those goroutines still blocked;
// the channel is then left to the exit.
static void freechan(hchan* c) {
    if (c->recvq.first != nullptr || c->sendq.first != nullptr) {
        if (atomic::Load(&mainReturned)) return;
        throw_("freechan: channel has waiters");
    }
    for (uint64_t i = 0, x = c->recvx; i < c->qcount; i++) {
        typeddestroy(c->elemtype, chanbuf(c, x));
        if (++x == c->dataqsiz) x = 0;
    }
    mfree(c->buf);
    mfree(c);
}

static inline bool full(hchan* c) {
    // c.dataqsiz is immutable (never written after the channel is created)
    // so it is safe to read at any time during channel operation.
    if (c->dataqsiz == 0) {
        // Assumes that a pointer read is relaxed-atomic.
        return atomic::LoadRelaxed(&c->recvq.first) == nullptr;
    }
    // Assumes that a uint read is relaxed-atomic.
    return atomic::LoadRelaxed(&c->qcount) == c->dataqsiz;
}

static inline bool empty(hchan* c) {
    if (c->dataqsiz == 0) return atomic::LoadRelaxed(&c->sendq.first) == nullptr;
    return atomic::LoadRelaxed(&c->qcount) == 0;
}

// ---- Send ------------------------------------------------------------------------------

// Move the element at ep straight into a waiting receiver's slot.
static void sendDirect(const chantype* t, sudog* sg, void* src) {
    // src is on our stack, dst is a slot on another stack. Once we read
    // sg->elem, it won't be updated if the destination's stack gets
    // copied (shrunk) — our stacks never move anyway.
    typedmove(t, sg->elem, src);
}

// Take the element from a waiting sender's value.
static void recvDirect(const chantype* t, sudog* sg, void* dst) { typedmove(t, dst, sg->elem); }

static void unlockChan(void* c) { unlock(&((hchan*)c)->lock); }

// The peer parked on sg has had its operation completed: release the
// channel lock(s) with unlockf(arg), then wake it with the news.
// Always inline: chansend and chanrecv pass unlockChan, which then inlines
// to a store instead of an indirect call.
__attribute__((always_inline)) static inline void wakeCompleted(sudog* sg, void (*unlockf)(void*), void* arg) {
    sg->elem = nullptr;
    g* gp = sg->g;
    unlockf(arg);
    gp->param = sg;
    sg->success = true;
    goready(gp);
}

// Process a send operation on a channel c with a waiting receiver sg. The
// value ep sent by the sender is moved to the receiver sg. The receiver is
// then woken up to go on its merry way. Channel c must be locked; send
// unlocks it with unlockf(arg) (one channel, or every channel of a select).
__attribute__((always_inline)) static inline void sendImpl(hchan* c, sudog* sg, void* ep, void (*unlockf)(void*),
                                                          void* arg) {
    if (sg->elem != nullptr) sendDirect(c->elemtype, sg, ep);
    wakeCompleted(sg, unlockf, arg);
}
void send(hchan* c, sudog* sg, void* ep, void (*unlockf)(void*), void* arg) { sendImpl(c, sg, ep, unlockf, arg); }

bool chanparkcommit(g*, void* chanLock) {
    unlock((spinmutex*)chanLock);
    return true;
}

// Block the current goroutine on q (c's sendq or recvq) until a peer
// completes the operation for it or the channel is closed; ep is the value
// to send, or room for the value to receive. c->lock is held, and released
// once the goroutine is parked. Returns whether a peer completed it (false:
// the channel was closed). Inlined into chansend and chanrecv, which is
// where Go writes these steps: a frame less to return through when the
// goroutine resumes, and each return after the stack switch is one the
// CPU's return predictor misses (pingpong 143 -> 126 ns here).
__attribute__((always_inline)) static inline bool chanpark(hchan* c, waitq* q, void* ep, waitReason reason) {
    g* gp = getg();
    sudog* mysg = &gp->chansg;
    mysg->elem = ep;
    mysg->waitlink = nullptr;
    mysg->g = gp;
    mysg->isSelect = false;
    mysg->c = c;
    gp->waiting = mysg;
    gp->param = nullptr;
    q->enqueue(mysg);
    gopark(chanparkcommit, &c->lock, reason);
    // Someone woke us up.
    if (mysg != gp->waiting) throw_("G waiting list is corrupted");
    gp->waiting = nullptr;
    bool success = mysg->success;
    gp->param = nullptr;
    mysg->c = nullptr;
    mysg->elem = nullptr;
    mysg->g = nullptr;
    return success;
}

// The generic single-channel send (Go's chansend). If block is false and
// no send could complete, returns false. A send on a closed channel panics.
bool chansend(hchan* c, void* ep, bool block) {
    if (c == nullptr) {
        if (!block) return false;
        gopark(nullptr, nullptr, waitReason::chanSendNilChan);
        throw_("unreachable");
    }
    // Fast path: check for failed non-blocking operation without acquiring
    // the lock. After observing that the channel is not closed, we observe
    // that the channel is not ready for sending. Each of these observations
    // is a single word-sized read, so this is correct even if the channel was
    // closed between the two observations.
    if (!block && atomic::LoadRelaxed(&c->closed) == 0 && full(c)) return false;

    lock(&c->lock);
    if (c->closed != 0) {
        unlock(&c->lock);
        panicmsg("send on closed channel");
    }
    // Receivers wait only on an empty buffer (or an unbuffered channel).
    if (c->qcount == 0)
        if (sudog* sg = c->recvq.dequeue()) {
            // Found a waiting receiver. We pass the value we want to send
            // directly to the receiver, bypassing the channel buffer (if any).
            sendImpl(c, sg, ep, unlockChan, c);
            return true;
        }
    if (c->qcount < c->dataqsiz) {
        // Space is available in the channel buffer. Enqueue the element to send.
        bufput(c, ep);
        unlock(&c->lock);
        return true;
    }
    if (!block) {
        unlock(&c->lock);
        return false;
    }
    // Block on the channel. Some receiver will complete our operation for us.
    if (!chanpark(c, &c->sendq, ep, waitReason::chanSend)) {
        if (atomic::Load(&c->closed) == 0) throw_("chansend: spurious wakeup");
        panicmsg("send on closed channel");
    }
    return true;
}

// ---- Receive ---------------------------------------------------------------------------

// Process a receive operation on a full channel c (Go's recv). There are 2 parts:
//  1. The value sent by the sender sg is put into the channel and the
//     sender is woken up to go on its merry way.
//  2. The value received by the receiver (the current G) is written to ep.
// For synchronous channels, both values are the same. For asynchronous
// channels, the receiver gets its data from the channel buffer and the
// sender's data is put in the channel buffer. Channel c must be full and
// locked; recv unlocks it with unlockf(arg).
__attribute__((always_inline)) static inline void recvImpl(hchan* c, sudog* sg, void* ep, void (*unlockf)(void*),
                                                          void* arg) {
    if (c->dataqsiz == 0) {
        if (ep != nullptr) recvDirect(c->elemtype, sg, ep);  // copy data from sender
    } else {
        // Queue is full. Take the item at the head of the queue. Make the
        // sender enqueue its item at the tail of the queue. Since the queue
        // is full, those are both the same slot.
        buftake(c, ep);      // copy data from queue to receiver
        bufput(c, sg->elem);  // copy data from sender to queue (the same slot)
    }
    wakeCompleted(sg, unlockf, arg);
}
void recv(hchan* c, sudog* sg, void* ep, void (*unlockf)(void*), void* arg) { recvImpl(c, sg, ep, unlockf, arg); }

// Receive on channel c and write the received data to ep (Go's chanrecv).
// ep is uninitialized room for a T, or nullptr to discard the value. If
// block is false and no elements are available, returns false. Otherwise,
// if c is closed, value-initializes *ep and returns true with *received
// false. Otherwise, moves an element into *ep and returns true with
// *received true. When it returns true, *ep holds a constructed T.
bool chanrecv(hchan* c, void* ep, bool block, bool* received) {
    *received = false;
    if (c == nullptr) {
        if (!block) return false;
        gopark(nullptr, nullptr, waitReason::chanReceiveNilChan);
        throw_("unreachable");
    }
    // Fast path: check for failed non-blocking operation without acquiring the lock.
    if (!block && empty(c)) {
        // After observing that the channel is not ready for receiving, we
        // observe whether the channel is closed. Reordering of these checks
        // could lead to incorrect behavior when racing with a close.
        if (atomic::Load(&c->closed) == 0) return false;
        // The channel is irreversibly closed. Re-check whether the channel
        // has any pending data to receive, which could have arrived between
        // the empty and closed checks above.
        if (empty(c)) {
            if (ep != nullptr) typedzero(c->elemtype, ep);
            return true;
        }
    }

    lock(&c->lock);
    if (c->closed != 0) {
        if (c->qcount == 0) {
            unlock(&c->lock);
            if (ep != nullptr) typedzero(c->elemtype, ep);
            return true;
        }
        // The channel has been closed, but the channel's buffer have data.
    } else {
        // Just found waiting sender with not closed. (Senders wait only on a
        // full buffer, or an unbuffered channel.)
        if (sudog* sg = c->qcount == c->dataqsiz ? c->sendq.dequeue() : nullptr) {
            // Found a waiting sender. If buffer is size 0, receive value
            // directly from sender. Otherwise, receive from head of queue
            // and add sender's value to the tail of the queue (both map to
            // the same buffer slot because the queue is full).
            recvImpl(c, sg, ep, unlockChan, c);
            *received = true;
            return true;
        }
    }
    if (c->qcount > 0) {
        // Receive directly from queue.
        buftake(c, ep);
        unlock(&c->lock);
        *received = true;
        return true;
    }
    if (!block) {
        unlock(&c->lock);
        return false;
    }
    // No sender available: block on this channel.
    *received = chanpark(c, &c->recvq, ep, waitReason::chanReceive);
    return true;
}

// ---- Close -------------------------------------------------------------------------------

static void closechan(hchan* c) {
    if (c == nullptr) panicmsg("close of nil channel");
    lock(&c->lock);
    if (c->closed != 0) {
        unlock(&c->lock);
        panicmsg("close of closed channel");
    }
    atomic::Store(&c->closed, 1u);
    gList glist;
    // Release all readers: each gets T{}.
    while (sudog* sg = c->recvq.dequeue()) {
        if (sg->elem != nullptr) {
            typedzero(c->elemtype, sg->elem);
            sg->elem = nullptr;
        }
        g* gp = sg->g;
        gp->param = sg;
        sg->success = false;
        glist.push(gp);
    }
    // Release all writers (they will panic).
    while (sudog* sg = c->sendq.dequeue()) {
        sg->elem = nullptr;
        g* gp = sg->g;
        gp->param = sg;
        sg->success = false;
        glist.push(gp);
    }
    unlock(&c->lock);
    // Ready all Gs now that we've dropped the channel lock.
    while (g* gp = glist.pop()) {
        gp->schedlink = nullptr;
        goready(gp);
    }
}

}  // namespace runtime

// ---- The typed front end's entry points (go/chan.h) ------------------------------------------

namespace go::detail {

runtime::hchan* makechan(const chantype* t, long size) { return runtime::makechan(t, size); }

void chanRetain(runtime::hchan* c) { runtime::atomic::Xadd(&c->refs, 1); }

void chanRelease(runtime::hchan* c) {
    int64_t n = runtime::atomic::Xadd(&c->refs, -1);
    if (n == 0) runtime::freechan(c);
    else if (n < 0) runtime::throw_("chanRelease: negative reference count");
}

void chansend1(runtime::hchan* c, void* ep) { runtime::chansend(c, ep, true); }

bool chanrecv1(runtime::hchan* c, void* ep) {
    bool received;
    runtime::chanrecv(c, ep, true, &received);
    return received;
}

void closechan(runtime::hchan* c) { runtime::closechan(c); }

int chanlen(runtime::hchan* c) { return c == nullptr ? 0 : (int)runtime::atomic::LoadRelaxed(&c->qcount); }

int chancap(runtime::hchan* c) { return c == nullptr ? 0 : (int)c->dataqsiz; }

}  // namespace go::detail
