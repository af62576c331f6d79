// lock_futex.cpp — runtime locks and one-shot notes on Linux futexes.
// Go's lock_futex.go, step for step.
//
// mutex.key: 0 unlocked, 1 locked, 2 locked and someone may sleep in the
// kernel. A locker first spins (the holder is probably running on another
// CPU and will release soon), then yields, then sleeps on the futex; unlock
// wakes one sleeper only if the key said there might be one.
//
// spinmutex (ours) is for critical sections that never block, such as a
// channel's and a P's timer heap: no sleepers, so unlock is a plain store,
// which under contention keeps the lock's cache line from bouncing twice.
//
// A lock is held by an M, not a goroutine: m.locks counts them, and while it
// is non-zero the goroutine is not preempted (see newstack and signal_linux).
// lock, unlock, acquirem and releasem are inline in runtime.h; this file has
// their slow paths.
#include "runtime.h"
#include "sys_linux.h"

namespace runtime {

namespace {
constexpr uint32_t mutex_unlocked = 0;
constexpr uint32_t mutex_locked = 1;
constexpr uint32_t mutex_sleeping = 2;
constexpr int active_spin = 4;
constexpr int active_spin_cnt = 30;
constexpr int passive_spin = 1;
}  // namespace

// The contended part of lock: the exchange in lock() (runtime.h) found the
// mutex held (v is what it found; lock already counted it in m.locks).
void lockSlow(mutex* l, uint32_t v) {
    if (getg()->m->locks < 0) throw_("runtime·lock: lock count");
    // wait is either mutex_locked or mutex_sleeping, depending on whether
    // there is a thread sleeping on this mutex. If we ever change l->key from
    // mutex_sleeping to something else, we must change it back before
    // returning, so that the sleeping thread gets its wakeup.
    uint32_t wait = v;
    int spin = ncpu > 1 ? active_spin : 0;
    for (;;) {
        // Try for lock, spinning.
        for (int i = 0; i < spin; i++) {
            while (atomic::LoadRelaxed(&l->key) == mutex_unlocked)
                if (atomic::Cas(&l->key, mutex_unlocked, wait)) return;
            atomic::procyield(active_spin_cnt);
        }
        // Try for lock, rescheduling.
        for (int i = 0; i < passive_spin; i++) {
            while (atomic::LoadRelaxed(&l->key) == mutex_unlocked)
                if (atomic::Cas(&l->key, mutex_unlocked, wait)) return;
            osyield();
        }
        // Sleep.
        v = atomic::Xchg(&l->key, mutex_sleeping);
        if (v == mutex_unlocked) return;
        wait = mutex_sleeping;
        futexsleep(&l->key, mutex_sleeping, -1);
    }
}

// The unusual part of unlock (runtime.h): the exchange found sleepers to
// wake (v == 2) or no lock at all (v == 0).
void unlockSlow(mutex* l, uint32_t v) {
    if (v == mutex_unlocked) throw_("unlock of unlocked lock");
    if (v == mutex_sleeping) futexwakeup(&l->key, 1);
    if (getg()->m->locks <= 0) throw_("runtime·unlock: lock count");
}

// ---- Spin locks ----------------------------------------------------------
//
// The contended part of lock(spinmutex*). The holder is running (it cannot
// be preempted or block while it holds the lock) and will store 0 within a
// few dozen instructions, so spin reading the key (its cache line stays
// shared until that store) and compare-and-swap only when it reads 0, in
// Go's rhythm (four rounds of 30 PAUSEs, then a yield). If the holder's
// thread was descheduled by the kernel, spinning cannot help: after a while
// yield the CPU, which lets it run when it shares ours.
void lockSlow(spinmutex* l) {
    if (getg()->m->locks < 0) throw_("runtime·lock: lock count");
    int spin = ncpu > 1 ? active_spin : 0;
    for (;;) {
        for (int i = 0; i < spin; i++) {
            while (atomic::LoadRelaxed(&l->key) == 0)
                if (atomic::Cas(&l->key, 0u, 1u)) return;
            atomic::procyield(active_spin_cnt);
        }
        while (atomic::LoadRelaxed(&l->key) == 0)
            if (atomic::Cas(&l->key, 0u, 1u)) return;
        osyield();
    }
}

// ---- One-time notifications ----------------------------------------------

void noteclear(note* n) { n->key = 0; }

void notewakeup(note* n) {
    uint32_t old = atomic::Xchg(&n->key, 1u);
    if (old != 0) throw_("notewakeup - double wakeup");
    futexwakeup(&n->key, 1);
}

void notesleep(note* n) {
    g* gp = getg();
    if (gp != gp->m->g0) throw_("notesleep not on g0");
    while (atomic::Load(&n->key) == 0) {
        gp->m->blocked = true;
        futexsleep(&n->key, 0, -1);
        gp->m->blocked = false;
    }
}

static bool notetsleep_internal(note* n, int64_t ns) {
    g* gp = getg();
    if (ns < 0) {
        while (atomic::Load(&n->key) == 0) {
            gp->m->blocked = true;
            futexsleep(&n->key, 0, -1);
            gp->m->blocked = false;
        }
        return true;
    }
    if (atomic::Load(&n->key) != 0) return true;
    int64_t deadline = nanotime() + ns;
    for (;;) {
        gp->m->blocked = true;
        futexsleep(&n->key, 0, ns);
        gp->m->blocked = false;
        if (atomic::Load(&n->key) != 0) break;
        int64_t now = nanotime();
        if (now >= deadline) break;
        ns = deadline - now;
    }
    return atomic::Load(&n->key) != 0;
}

// Sleep on n for at most ns nanoseconds (forever if ns < 0); on g0 only.
bool notetsleep(note* n, int64_t ns) {
    g* gp = getg();
    if (gp != gp->m->g0) throw_("notetsleep not on g0");
    return notetsleep_internal(n, ns);
}

// Same, from a user goroutine: the M blocks, so its P is handed off.
bool notetsleepg(note* n, int64_t ns) {
    g* gp = getg();
    if (gp == gp->m->g0) throw_("notetsleepg on g0");
#ifndef GO_HOSTED
    entersyscallblock();
#endif
    bool ok = notetsleep_internal(n, ns);
#ifndef GO_HOSTED
    exitsyscall();
#endif
    return ok;
}

// ---- Futexes ----------------------------------------------------------------

// Atomically: if *addr == val, sleep for at most ns (forever if ns < 0).
// Spurious wakeups are allowed; callers loop.
void futexsleep(uint32_t* addr, uint32_t val, int64_t ns) {
    if (ns < 0) {
        sys::futex(addr, sys::FUTEX_WAIT_PRIVATE, val, nullptr);
        return;
    }
    sys::timespec ts;
    ts.tv_sec = ns / 1000000000;
    ts.tv_nsec = ns % 1000000000;
    sys::futex(addr, sys::FUTEX_WAIT_PRIVATE, val, &ts);
}

// Wake up to cnt threads sleeping on addr.
void futexwakeup(uint32_t* addr, uint32_t cnt) {
    long ret = sys::futex(addr, sys::FUTEX_WAKE_PRIVATE, cnt, nullptr);
    if (ret >= 0) return;
    throw_("futexwakeup failed");
}

void osyield() { sys::sched_yield(); }

void usleep(uint32_t usec) {
    sys::timespec ts;
    ts.tv_sec = usec / 1000000;
    ts.tv_nsec = (long)(usec % 1000000) * 1000;
    sys::syscall2(sys::SYS_nanosleep, (long)&ts, 0);
}

}  // namespace runtime
