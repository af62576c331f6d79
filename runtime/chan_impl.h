// chan_impl.h — the channel structure, shared by chan.cpp and select.cpp
// (Go's hchan in chan.go).
#pragma once
#include "go/chan.h"
#include "runtime.h"

namespace runtime {

using chantype = go::detail::chantype;

// A FIFO of waiting sudogs (Go's waitq).
struct waitq {
    sudog* first;
    sudog* last;
    void enqueue(sudog* sgp);
    sudog* dequeue();
    void dequeueSudoG(sudog* sgp);
};

// Every send and receive that finds or leaves a waiter runs these: inline.
inline void waitq::enqueue(sudog* sgp) {
    sgp->next = nullptr;
    sudog* x = last;
    if (x == nullptr) {
        sgp->prev = nullptr;
        first = sgp;
        last = sgp;
        return;
    }
    sgp->prev = x;
    x->next = sgp;
    last = sgp;
}

inline sudog* waitq::dequeue() {
    for (;;) {
        sudog* sgp = first;
        if (sgp == nullptr) return nullptr;
        sudog* y = sgp->next;
        if (y == nullptr) {
            first = nullptr;
            last = nullptr;
        } else {
            y->prev = nullptr;
            first = y;
            sgp->next = nullptr;  // mark as removed (see dequeueSudoG)
        }
        // If a goroutine was put on this queue because of a select, there is
        // a small window between the goroutine being woken up by a different
        // case and it grabbing the channel locks. Once it has the lock it
        // removes itself from the queue, so we won't see it after that. We
        // use a flag in the G struct to tell us when someone else has won
        // the race to signal this goroutine but the goroutine hasn't removed
        // itself from the queue yet.
        if (sgp->isSelect && !atomic::Cas(&sgp->g->selectDone, false, true)) continue;
        return sgp;
    }
}

struct alignas(64) hchan {
    // First cache line: what a send or receive on a buffered channel that is
    // neither empty nor full touches (the lock and the ring's bookkeeping).
    spinmutex lock;      // protects all fields below but refs, and several
                         // fields of the sudogs blocked on this channel.
                         // (Go's is a futex mutex; ours never sleeps: see
                         // lock_futex.cpp and docs/performance.md)
    uint32_t closed;     // [lock to write; atomic to read in the fast paths]
    uint64_t qcount;     // total data in the queue
    uint64_t dataqsiz;   // size of the circular queue; [immutable]
    uint64_t sendx;      // send index
    uint64_t recvx;      // receive index
    void* buf;           // points to an array of dataqsiz elements; [immutable]
    const chantype* elemtype;  // [immutable]
    // Second line: the waiters. By the invariants above, a buffered channel
    // only has waiting receivers when empty and waiting senders when full,
    // so the fast paths look here only then.
    waitq recvq;         // list of recv waiters
    waitq sendq;         // list of send waiters
    int64_t refs;        // [atomic] go::chan handles referring to this channel
};

// Typed element operations: trivially copyable types (no move/zero/destroy
// functions) are plain memory; others go through their C++ constructors.
static inline void typedmove(const chantype* t, void* dst, void* src) {
    if (t->move) return t->move(dst, src);
    switch (t->size) {  // the common element sizes, without a call to memmove
    case 0: return;
    case 1: __builtin_memcpy(dst, src, 1); return;
    case 2: __builtin_memcpy(dst, src, 2); return;
    case 4: __builtin_memcpy(dst, src, 4); return;
    case 8: __builtin_memcpy(dst, src, 8); return;
    case 16: __builtin_memcpy(dst, src, 16); return;
    default: __builtin_memmove(dst, src, t->size);
    }
}
static inline void typedzero(const chantype* t, void* dst) {
    if (t->zero) t->zero(dst);
    else if (t->size) __builtin_memset(dst, 0, t->size);
}
static inline void typeddestroy(const chantype* t, void* p) {
    if (t->destroy) t->destroy(p);
}

static inline void* chanbuf(hchan* c, uint64_t i) { return (char*)c->buf + i * c->elemtype->size; }

// Move *ep to the tail of the buffer (c->lock held, qcount < dataqsiz).
static inline void bufput(hchan* c, void* ep) {
    typedmove(c->elemtype, chanbuf(c, c->sendx), ep);
    if (++c->sendx == c->dataqsiz) c->sendx = 0;
    c->qcount++;
}

// Move the head of the buffer to ep, or drop it if ep is nullptr (c->lock
// held, qcount > 0).
static inline void buftake(hchan* c, void* ep) {
    void* qp = chanbuf(c, c->recvx);
    if (ep != nullptr) typedmove(c->elemtype, ep, qp);
    typeddestroy(c->elemtype, qp);
    if (++c->recvx == c->dataqsiz) c->recvx = 0;
    c->qcount--;
}

bool chansend(hchan* c, void* ep, bool block);
bool chanrecv(hchan* c, void* ep, bool block, bool* received);
bool chanparkcommit(g* gp, void* chanLock);
void send(hchan* c, sudog* sg, void* ep, void (*unlockf)(void*), void* arg);
void recv(hchan* c, sudog* sg, void* ep, void (*unlockf)(void*), void* arg);

}  // namespace runtime
