// mutex.cpp — sync.Mutex, ported from Go's sync/mutex.go, over the
// runtime's semaphores (Go's sync_runtime_Semacquire...: sema.cpp).
#include "go/sync.h"

#include "runtime/runtime.h"

using runtime::semacquire;
using runtime::semrelease;
using runtime::waitReason;
namespace atomic = runtime::atomic;

namespace go::sync {

namespace {
constexpr int32_t mutexLocked = 1;  // mutex is locked
constexpr int32_t mutexWoken = 2;
constexpr int32_t mutexStarving = 4;
constexpr int32_t mutexWaiterShift = 3;
// Mutex fairness: a waiter that fails to acquire the mutex for more than
// 1 ms switches the mutex to starvation mode.
constexpr int64_t starvationThresholdNs = 1000000;

// Active spinning for sync.Mutex (Go's sync_runtime_canSpin): only a few
// times, on a multicore machine with GOMAXPROCS>1 and at least one other
// running P, and only if the local run queue is empty.
bool canSpin(int i) {
    if (i >= 4 || runtime::ncpu <= 1) return false;
    if (atomic::Load(&runtime::gomaxprocs) <=
        (int32_t)(atomic::Load(&runtime::sched.npidle) + atomic::Load(&runtime::sched.nmspinning)) + 1)
        return false;
    runtime::p* pp = runtime::getg()->m->p;
    return pp != nullptr && runtime::runqempty(pp);
}
void doSpin() { atomic::procyield(30); }
}  // namespace

bool Mutex::TryLock() {
    int32_t old = atomic::Load(&state_);
    if (old & (mutexLocked | mutexStarving)) return false;
    // There may be a goroutine waiting for the mutex, but we are running now
    // and can try to grab the mutex before that goroutine wakes up.
    return atomic::Cas(&state_, old, old | mutexLocked);
}

void Mutex::lockSlow() {
    int64_t waitStartTime = 0;
    bool starving = false;
    bool awoke = false;
    int iter = 0;
    int32_t old = atomic::Load(&state_);
    for (;;) {
        // Don't spin in starvation mode, ownership is handed off to waiters
        // so we won't be able to acquire the mutex anyway.
        if ((old & (mutexLocked | mutexStarving)) == mutexLocked && canSpin(iter)) {
            // Active spinning makes sense. Try to set mutexWoken flag to
            // inform Unlock to not wake other blocked goroutines.
            if (!awoke && (old & mutexWoken) == 0 && (old >> mutexWaiterShift) != 0 &&
                atomic::Cas(&state_, old, old | mutexWoken))
                awoke = true;
            doSpin();
            iter++;
            old = atomic::Load(&state_);
            continue;
        }
        int32_t nw = old;
        // Don't try to acquire starving mutex, new arriving goroutines must queue.
        if ((old & mutexStarving) == 0) nw |= mutexLocked;
        if (old & (mutexLocked | mutexStarving)) nw += 1 << mutexWaiterShift;
        // The current goroutine switches mutex to starvation mode. But if the
        // mutex is currently unlocked, don't do the switch.
        if (starving && (old & mutexLocked)) nw |= mutexStarving;
        if (awoke) {
            // The goroutine has been woken from sleep, so we need to reset
            // the flag in either case.
            if ((nw & mutexWoken) == 0) runtime::throw_("sync: inconsistent mutex state");
            nw &= ~mutexWoken;
        }
        if (atomic::Cas(&state_, old, nw)) {
            if ((old & (mutexLocked | mutexStarving)) == 0) break;  // locked the mutex with CAS
            // If we were already waiting before, queue at the front of the queue.
            bool queueLifo = waitStartTime != 0;
            if (waitStartTime == 0) waitStartTime = runtime::nanotime();
            semacquire(&sema_, queueLifo, waitReason::syncMutexLock);
            starving = starving || runtime::nanotime() - waitStartTime > starvationThresholdNs;
            old = atomic::Load(&state_);
            if (old & mutexStarving) {
                // If this goroutine was woken and mutex is in starvation
                // mode, ownership was handed off to us but mutex is in
                // somewhat inconsistent state: mutexLocked is not set and we
                // are still accounted as waiter. Fix that.
                if ((old & (mutexLocked | mutexWoken)) != 0 || (old >> mutexWaiterShift) == 0)
                    runtime::throw_("sync: inconsistent mutex state");
                int32_t delta = mutexLocked - (1 << mutexWaiterShift);
                // Exit starvation mode. Critical to do it here and consider
                // wait time; starvation mode is so inefficient that two
                // goroutines can go lock-step infinitely once they switch
                // the mutex to starvation mode.
                if (!starving || (old >> mutexWaiterShift) == 1) delta -= mutexStarving;
                atomic::Xadd(&state_, delta);
                break;
            }
            awoke = true;
            iter = 0;
        } else {
            old = atomic::Load(&state_);
        }
    }
}

void Mutex::unlockSlow(int32_t nw) {
    if (((nw + mutexLocked) & mutexLocked) == 0) runtime::fatal("sync: unlock of unlocked mutex");
    if ((nw & mutexStarving) == 0) {
        int32_t old = nw;
        for (;;) {
            // If there are no waiters or a goroutine has already been woken
            // or grabbed the lock, no need to wake anyone. In starvation
            // mode ownership is directly handed off from unlocking goroutine
            // to the next waiter.
            if ((old >> mutexWaiterShift) == 0 || (old & (mutexLocked | mutexWoken | mutexStarving)) != 0) return;
            // Grab the right to wake someone.
            nw = (old - (1 << mutexWaiterShift)) | mutexWoken;
            if (atomic::Cas(&state_, old, nw)) {
                semrelease(&sema_, false);
                return;
            }
            old = atomic::Load(&state_);
        }
    } else {
        // Starving mode: handoff mutex ownership to the next waiter, and
        // yield our time slice so that the next waiter can start to run
        // immediately. mutexLocked is not set, the waiter will set it after
        // wakeup; but the mutex is still considered locked if mutexStarving
        // is set, so new coming goroutines won't acquire it.
        semrelease(&sema_, true);
    }
}

}  // namespace go::sync
