// waitgroup.cpp — sync.WaitGroup, ported from Go's sync/waitgroup.go.
#include "go/sync.h"

#include "runtime/runtime.h"

namespace atomic = runtime::atomic;

namespace go::sync {

void WaitGroup::Add(int delta) {
    uint64_t state = atomic::Xadd(&state_, (uint64_t)(int64_t)delta << 32);
    int32_t v = (int32_t)(state >> 32);
    uint32_t w = (uint32_t)state;
    if (v < 0) runtime::panicmsg("sync: negative WaitGroup counter");
    if (w != 0 && delta > 0 && v == delta) runtime::panicmsg("sync: WaitGroup misuse: Add called concurrently with Wait");
    if (v > 0 || w == 0) return;
    // This goroutine has set counter to 0 when waiters > 0. Now there can't
    // be concurrent mutations of state: Adds must not happen concurrently
    // with Wait, and Wait does not increment waiters if it sees counter == 0.
    // Still do a cheap sanity check to detect WaitGroup misuse.
    if (atomic::Load(&state_) != state) runtime::panicmsg("sync: WaitGroup misuse: Add called concurrently with Wait");
    // Reset waiters count to 0.
    atomic::Store(&state_, (uint64_t)0);
    for (; w != 0; w--) runtime::semrelease(&sema_, false);
}

void WaitGroup::Wait() {
    for (;;) {
        uint64_t state = atomic::Load(&state_);
        int32_t v = (int32_t)(state >> 32);
        if (v == 0) return;  // counter is 0, no need to wait
        // Increment waiters count.
        if (atomic::Cas(&state_, state, state + 1)) {
            runtime::semacquire(&sema_, false, runtime::waitReason::syncWaitGroupWait);
            if (atomic::Load(&state_) != 0) runtime::panicmsg("sync: WaitGroup is reused before previous Wait has returned");
            return;
        }
    }
}

}  // namespace go::sync
