// once.cpp — sync.Once's slow path, Go's (*Once).doSlow (sync/once.go).
#include "go/sync.h"

namespace go::sync {

// f runs under the Once's mutex, so a concurrent Do waits until f has
// finished; done is set only after f returns.
void Once::doSlow(void (*call)(void*), void* f) {
    m_.Lock();
    if (done_ == 0) {
        call(f);
        __atomic_store_n(&done_, 1u, __ATOMIC_RELEASE);
    }
    m_.Unlock();
}

}  // namespace go::sync
