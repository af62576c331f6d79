// rwmutex.cpp — sync.RWMutex, ported from Go's sync/rwmutex.go: a writer
// holds w_ and announces itself by making readerCount_ negative.
#include "go/sync.h"

#include "runtime/runtime.h"

namespace atomic = runtime::atomic;

namespace go::sync {

namespace {
constexpr int32_t rwmutexMaxReaders = 1 << 30;
}

void RWMutex::RLock() {
    if (atomic::Xadd(&readerCount_, 1) < 0) {
        // A writer is pending, wait for it.
        runtime::semacquire(&readerSem_, false, runtime::waitReason::syncRWMutexRLock);
    }
}

bool RWMutex::TryRLock() {
    for (;;) {
        int32_t c = atomic::Load(&readerCount_);
        if (c < 0) return false;
        if (atomic::Cas(&readerCount_, c, c + 1)) return true;
    }
}

void RWMutex::RUnlock() {
    int32_t r = atomic::Xadd(&readerCount_, -1);
    if (r < 0) rUnlockSlow(r);  // outlined slow-path
}

void RWMutex::rUnlockSlow(int32_t r) {
    if (r + 1 == 0 || r + 1 == -rwmutexMaxReaders) runtime::fatal("sync: RUnlock of unlocked RWMutex");
    // A writer is pending.
    if (atomic::Xadd(&readerWait_, -1) == 0) {
        // The last reader unblocks the writer.
        runtime::semrelease(&writerSem_, false);
    }
}

void RWMutex::Lock() {
    // First, resolve competition with other writers.
    w_.Lock();
    // Announce to readers there is a pending writer.
    int32_t r = atomic::Xadd(&readerCount_, -rwmutexMaxReaders) + rwmutexMaxReaders;
    // Wait for active readers.
    if (r != 0 && atomic::Xadd(&readerWait_, r) != 0)
        runtime::semacquire(&writerSem_, false, runtime::waitReason::syncRWMutexLock);
}

bool RWMutex::TryLock() {
    if (!w_.TryLock()) return false;
    if (!atomic::Cas(&readerCount_, 0, -rwmutexMaxReaders)) {
        w_.Unlock();
        return false;
    }
    return true;
}

void RWMutex::Unlock() {
    // Announce to readers there is no active writer.
    int32_t r = atomic::Xadd(&readerCount_, rwmutexMaxReaders);
    if (r >= rwmutexMaxReaders) runtime::fatal("sync: Unlock of unlocked RWMutex");
    // Unblock blocked readers, if any.
    for (int32_t i = 0; i < r; i++) runtime::semrelease(&readerSem_, false);
    // Allow other writers to proceed.
    w_.Unlock();
}

}  // namespace go::sync
