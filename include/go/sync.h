// go/sync.h — package sync: Mutex, RWMutex, WaitGroup, Once. Waiting
// parks the goroutine on a runtime semaphore (sema.cpp), never the thread.
// Like Go's, these must not be copied after first use.
#pragma once
#include <stdint.h>

#include <utility>

#include "go.h"  // detail::Defer

namespace go::sync {

// A mutual exclusion lock, Go's sync.Mutex: normal mode (woken waiters
// compete with arriving goroutines, which spin briefly first) and, after a
// waiter has waited more than 1 ms, starvation mode (ownership is handed
// directly to the waiter at the front of the queue).
class Mutex {
public:
    constexpr Mutex() = default;
    Mutex(const Mutex&) = delete;
    Mutex& operator=(const Mutex&) = delete;

    void Lock() {
        // Fast path: grab unlocked mutex.
        int32_t unlocked = 0;
        if (__atomic_compare_exchange_n(&state_, &unlocked, mutexLocked, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return;
        lockSlow();
    }
    bool TryLock();
    void Unlock() {
        // Fast path: drop lock bit.
        int32_t n = __atomic_add_fetch(&state_, -mutexLocked, __ATOMIC_RELEASE);
        if (n != 0) unlockSlow(n);  // outlined slow path
    }

private:
    static constexpr int32_t mutexLocked = 1;
    void lockSlow();
    void unlockSlow(int32_t n);
    int32_t state_ = 0;
    uint32_t sema_ = 0;
    friend class RWMutex;
};

// A reader/writer mutual exclusion lock (Go's sync.RWMutex): any number of
// readers or one writer; a blocked Lock call excludes new readers.
class RWMutex {
public:
    constexpr RWMutex() = default;
    RWMutex(const RWMutex&) = delete;
    RWMutex& operator=(const RWMutex&) = delete;
    void RLock();
    bool TryRLock();
    void RUnlock();
    void Lock();
    bool TryLock();
    void Unlock();

private:
    void rUnlockSlow(int32_t r);
    Mutex w_;                // held if there are pending writers
    uint32_t writerSem_ = 0;  // semaphore for writers to wait for completing readers
    uint32_t readerSem_ = 0;  // semaphore for readers to wait for completing writers
    int32_t readerCount_ = 0;  // number of pending readers
    int32_t readerWait_ = 0;   // number of departing readers
};

// Waits for a collection of goroutines to finish (Go's sync.WaitGroup).
// A negative counter panics: "sync: negative WaitGroup counter".
class WaitGroup {
public:
    constexpr WaitGroup() = default;
    WaitGroup(const WaitGroup&) = delete;
    WaitGroup& operator=(const WaitGroup&) = delete;
    void Add(int delta);
    void Done() { Add(-1); }
    void Wait();

private:
    uint64_t state_ = 0;  // high 32 bits are counter, low 32 bits are waiter count
    uint32_t sema_ = 0;
};

// Performs exactly one action (Go's sync.Once). If f panics the program
// exits, so "Do returns only after f returned" always holds. If f ends its
// goroutine with Goexit, the Once is done, as in Go (whose Do marks it
// done and unlocks by defer).
class Once {
public:
    constexpr Once() = default;
    Once(const Once&) = delete;
    Once& operator=(const Once&) = delete;
    template <class F> void Do(F&& f) {
        // Note: not a CAS. Do guarantees that when it returns, f has
        // finished; so the slow path waits on the mutex.
        if (__atomic_load_n(&done_, __ATOMIC_ACQUIRE) == 0) doSlow(std::forward<F>(f));
    }

private:
    template <class F> [[gnu::noinline]] void doSlow(F&& f) {
        m_.Lock();
        if (done_ == 0) {
            detail::Defer d{&Once::goexited, this, nullptr};
            detail::deferPush(&d);
            std::forward<F>(f)();
            detail::deferPop(&d);
            __atomic_store_n(&done_, 1u, __ATOMIC_RELEASE);
        }
        m_.Unlock();
    }
    // f ended its goroutine with Goexit: what Go's deferred calls in Do do.
    static void goexited(void* o) {
        auto* once = static_cast<Once*>(o);
        __atomic_store_n(&once->done_, 1u, __ATOMIC_RELEASE);
        once->m_.Unlock();
    }
    uint32_t done_ = 0;
    Mutex m_;
};

}  // namespace go::sync
