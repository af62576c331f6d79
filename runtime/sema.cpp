// sema.cpp — semaphores for goroutines: what sync.Mutex, RWMutex and
// WaitGroup sleep on. Go's sema.go.
//
// semacquire(addr) waits until *addr > 0 and decrements it; semrelease(addr)
// increments it and wakes a waiter. Waiters are parked goroutines, never
// threads. Addresses hash to one of 251 roots; each root keeps, under its
// lock, a list of the addresses with waiters, and per address a FIFO of
// sudogs (Go keeps the addresses in a treap; a list is enough while few
// distinct addresses collide in one root).
#include "runtime.h"

namespace runtime {

namespace {

constexpr int semTabSize = 251;

struct semaRoot {
    mutex lock;
    sudog* head;     // [lock] one sudog per address with waiters; its waitlink chain is that address's queue
    uint32_t nwait;  // [atomic] number of waiters; read without the lock
};

struct alignas(64) semTableEntry {
    semaRoot root;
};
constinit semTableEntry semtable[semTabSize]{};

semaRoot* semroot(uint32_t* addr) { return &semtable[((uintptr)addr >> 3) % semTabSize].root; }

bool cansemacquire(uint32_t* addr) {
    for (;;) {
        uint32_t v = atomic::Load(addr);
        if (v == 0) return false;
        if (atomic::Cas(addr, v, v - 1)) return true;
    }
}

// Add s to the waiters for addr (root->lock held). lifo puts it first.
void queue(semaRoot* root, uint32_t* addr, sudog* s, bool lifo) {
    s->g = getg();
    s->elem = addr;
    s->next = nullptr;
    s->waitlink = nullptr;
    s->waittail = nullptr;
    for (sudog** pt = &root->head; *pt != nullptr; pt = &(*pt)->next) {
        sudog* t = *pt;
        if (t->elem != addr) continue;
        if (lifo) {
            // Substitute s in t's place: s heads the queue.
            s->next = t->next;
            s->waitlink = t;
            s->waittail = t->waittail != nullptr ? t->waittail : t;
            t->next = nullptr;
            t->waittail = nullptr;
            *pt = s;
        } else {
            // Add s to the end of t's wait list.
            if (t->waittail == nullptr) t->waitlink = s;
            else t->waittail->waitlink = s;
            t->waittail = s;
        }
        return;
    }
    // First waiter for addr.
    s->next = root->head;
    root->head = s;
}

// Remove and return the first waiter for addr, or nullptr (root->lock held).
sudog* dequeue(semaRoot* root, uint32_t* addr) {
    for (sudog** pt = &root->head; *pt != nullptr; pt = &(*pt)->next) {
        sudog* s = *pt;
        if (s->elem != addr) continue;
        if (sudog* t = s->waitlink) {
            // Substitute t, also waiting on addr, for s in the list.
            t->next = s->next;
            t->waittail = s->waittail == t ? nullptr : s->waittail;
            *pt = t;
        } else {
            *pt = s->next;
        }
        s->next = nullptr;
        s->waitlink = nullptr;
        s->waittail = nullptr;
        s->elem = nullptr;
        return s;
    }
    return nullptr;
}

}  // namespace

// Wait until *addr > 0, then decrement it (Go's semacquire1). lifo queues
// the waiter first (sync.Mutex does this for waiters that already waited).
void semacquire(uint32_t* addr, bool lifo, waitReason reason) {
    g* gp = getg();
    if (gp != gp->m->curg) throw_("semacquire not on the G stack");
    // Easy case.
    if (cansemacquire(addr)) return;
    // Harder case: increment waiter count; try cansemacquire one more time,
    // return if succeeded; enqueue itself as a waiter; sleep (the waiter
    // descriptor is dequeued by the signaler).
    sudog* s = acquireSudog();
    semaRoot* root = semroot(addr);
    s->ticket = 0;
    for (;;) {
        lock(&root->lock);
        // Add ourselves to nwait to disable "easy case" in semrelease.
        atomic::Xadd(&root->nwait, 1);
        // Check cansemacquire to avoid missed wakeup.
        if (cansemacquire(addr)) {
            atomic::Xadd(&root->nwait, -1);
            unlock(&root->lock);
            break;
        }
        // Any semrelease after the cansemacquire knows we're waiting (we set
        // nwait above), so go to sleep.
        queue(root, addr, s, lifo);
        goparkunlock(&root->lock, reason);
        if (s->ticket != 0 || cansemacquire(addr)) break;
    }
    releaseSudog(s);
}

// Increment *addr and wake a waiter (Go's semrelease1). With handoff, the
// count goes straight to the woken waiter, which runs next on this P.
void semrelease(uint32_t* addr, bool handoff) {
    semaRoot* root = semroot(addr);
    atomic::Xadd(addr, 1);
    // Easy case: no waiters? This check must happen after the xadd, to avoid
    // a missed wakeup (see loop in semacquire).
    if (atomic::Load(&root->nwait) == 0) return;
    // Harder case: search for a waiter and wake it.
    lock(&root->lock);
    if (atomic::Load(&root->nwait) == 0) {
        // The count is already consumed by another goroutine, so no need to
        // wake up another goroutine.
        unlock(&root->lock);
        return;
    }
    sudog* s = dequeue(root, addr);
    if (s != nullptr) atomic::Xadd(&root->nwait, -1);
    unlock(&root->lock);
    if (s != nullptr) {  // may be slow or even yield, so unlock first
        if (handoff && cansemacquire(addr)) s->ticket = 1;
        goready(s->g);
        if (s->ticket == 1 && getg()->m->locks == 0) {
            // Direct G handoff: goready has added the waiter G as runnext
            // in the current P; yield so that it runs immediately.
            goyield();
        }
    }
}

}  // namespace runtime
