// fd_mutex.cpp — Go's internal/poll/fd_mutex.go: the read and write locks of
// an FD, its reference count and its closed flag in one atomic word.
#include "pkg/internal/poll/fd.h"

#include "go.h"

namespace go::poll {

// fdMutex.state is organized as follows:
// 1 bit - whether FD is closed, if set all subsequent lock operations will fail.
// 1 bit - lock for read operations.
// 1 bit - lock for write operations.
// 20 bits - total number of references (read+write+misc).
// 20 bits - number of outstanding read waiters.
// 20 bits - number of outstanding write waiters.
constexpr uint64_t mutexClosed = 1ull << 0;
constexpr uint64_t mutexRLock = 1ull << 1;
constexpr uint64_t mutexWLock = 1ull << 2;
constexpr uint64_t mutexRef = 1ull << 3;
constexpr uint64_t mutexRefMask = ((1ull << 20) - 1) << 3;
constexpr uint64_t mutexRWait = 1ull << 23;
constexpr uint64_t mutexRMask = ((1ull << 20) - 1) << 23;
constexpr uint64_t mutexWWait = 1ull << 43;
constexpr uint64_t mutexWMask = ((1ull << 20) - 1) << 43;

static const char overflowMsg[] = "too many concurrent operations on a single file or socket (max 1048575)";

static uint64_t load(const uint64_t* p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }
static bool cas(uint64_t* p, uint64_t old, uint64_t nw) {
    return __atomic_compare_exchange_n(p, &old, nw, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
static void semacquire(uint32_t* s) { runtime::semacquire(s, false, runtime::waitReason::semacquire); }
static void semrelease(uint32_t* s) { runtime::semrelease(s, false); }

// Adds a reference to mu. Reports whether mu is not closed.
bool fdMutex::incref() {
    for (;;) {
        uint64_t old = load(&state);
        if (old & mutexClosed) return false;
        uint64_t nw = old + mutexRef;
        if ((nw & mutexRefMask) == 0) panic(overflowMsg);
        if (cas(&state, old, nw)) return true;
    }
}

// Adds a reference to mu and sets closed bit. Reports whether mu is not
// already closed.
bool fdMutex::increfAndClose() {
    for (;;) {
        uint64_t old = load(&state);
        if (old & mutexClosed) return false;
        // Mark as closed and acquire a reference.
        uint64_t nw = (old | mutexClosed) + mutexRef;
        if ((nw & mutexRefMask) == 0) panic(overflowMsg);
        // Remove all read and write waiters.
        nw &= ~(mutexRMask | mutexWMask);
        if (cas(&state, old, nw)) {
            // Wake all read and write waiters, they will observe closed flag
            // after wakeup.
            for (; old & mutexRMask; old -= mutexRWait) semrelease(&rsema);
            for (; old & mutexWMask; old -= mutexWWait) semrelease(&wsema);
            return true;
        }
    }
}

// Removes a reference from mu. Reports whether there is no remaining
// reference and mu is closed.
bool fdMutex::decref() {
    for (;;) {
        uint64_t old = load(&state);
        if ((old & mutexRefMask) == 0) panic("inconsistent poll.fdMutex");
        uint64_t nw = old - mutexRef;
        if (cas(&state, old, nw)) return (nw & (mutexClosed | mutexRefMask)) == mutexClosed;
    }
}

// The bits of the read or the write side of the state.
struct side {
    uint64_t mutexBit, mutexWait, mutexMask;
    uint32_t* mutexSema;
};
static side sideOf(fdMutex* mu, bool read) {
    if (read) return {mutexRLock, mutexRWait, mutexRMask, &mu->rsema};
    return {mutexWLock, mutexWWait, mutexWMask, &mu->wsema};
}

// Adds a reference to mu and locks mu. Reports whether mu is not closed.
bool fdMutex::rwlock(bool read) {
    auto [mutexBit, mutexWait, mutexMask, mutexSema] = sideOf(this, read);
    for (;;) {
        uint64_t old = load(&state);
        if (old & mutexClosed) return false;
        uint64_t nw;
        if ((old & mutexBit) == 0) {
            // Lock is free, acquire it.
            nw = (old | mutexBit) + mutexRef;
            if ((nw & mutexRefMask) == 0) panic(overflowMsg);
        } else {
            // Wait for lock.
            nw = old + mutexWait;
            if ((nw & mutexMask) == 0) panic(overflowMsg);
        }
        if (cas(&state, old, nw)) {
            if ((old & mutexBit) == 0) return true;
            semacquire(mutexSema);
            // The signaller has subtracted mutexWait.
        }
    }
}

// Removes a reference from mu and unlocks mu. Reports whether there is no
// remaining reference and mu is closed.
bool fdMutex::rwunlock(bool read) {
    auto [mutexBit, mutexWait, mutexMask, mutexSema] = sideOf(this, read);
    for (;;) {
        uint64_t old = load(&state);
        if ((old & mutexBit) == 0 || (old & mutexRefMask) == 0) panic("inconsistent poll.fdMutex");
        // Drop lock, drop reference and wake read waiter if present.
        uint64_t nw = (old & ~mutexBit) - mutexRef;
        if (old & mutexMask) nw -= mutexWait;
        if (cas(&state, old, nw)) {
            if (old & mutexMask) semrelease(mutexSema);
            return (nw & (mutexClosed | mutexRefMask)) == mutexClosed;
        }
    }
}

static const error& errClosing(bool isFile) { return isFile ? ErrFileClosing : ErrNetClosing; }

// Adds a reference to fd. Returns an error if the fd cannot be used.
error FD::incref() {
    if (!fdmu.incref()) return errClosing(isFile);
    return error();
}

// Removes a reference from fd. It also closes fd when the state of fd is set
// to closed and there is no remaining reference.
error FD::decref() {
    if (fdmu.decref()) return destroy();
    return error();
}

// Adds a reference to fd and locks fd for reading. Returns an error if the
// fd cannot be used.
error FD::readLock() {
    if (!fdmu.rwlock(true)) return errClosing(isFile);
    return error();
}

// Removes a reference from fd and unlocks fd for reading. It also closes fd
// when the state of fd is set to closed and there is no remaining reference.
void FD::readUnlock() {
    if (fdmu.rwunlock(true)) destroy();
}

error FD::writeLock() {
    if (!fdmu.rwlock(false)) return errClosing(isFile);
    return error();
}

void FD::writeUnlock() {
    if (fdmu.rwunlock(false)) destroy();
}

}  // namespace go::poll
