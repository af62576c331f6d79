// std::shared_ptr's reference counts are atomic (pkg/cxx/shared_ptr.cpp
// tells libstdc++ the process is multi-threaded): goroutines on several Ps
// copy, drop and weak-lock one shared_ptr millions of times in all; the
// count comes back to exactly 1 and the object is destroyed exactly once,
// when the last owner lets go. With non-atomic counts the lost updates
// leave use_count() wrong (or destroy the object early).
//! stdout: ok
//! runs: GOMAXPROCS=4 ; GOMAXPROCS=2 ; GOMAXPROCS=1
//! timeout: 30
//! env-native: COPIES=500000
//! env-qemu: COPIES=100000
// testutil.h first: <memory> reaches <bits/syscall.h>, whose SYS_* macros
// would clash with testutil.h's SYS_* constants.
#include "go.h"
#include "testutil.h"

#include <memory>

static int destroyed;  // [atomic]

struct Obj {
    long v = 7;
    ~Obj() { ATOMIC_ADD(&destroyed, 1); }
};

// Keeps the copies from being optimised away.
static long sink;  // [atomic]

int main() {
    const long copies = t::envInt("COPIES", 500000);
    const int workers = 8;
    auto sp = std::make_shared<Obj>();
    std::weak_ptr<Obj> weak = sp;
    go::sync::WaitGroup wg;
    for (int w = 0; w < workers; w++) {
        wg.Add(1);
        go::go([&sp, &weak, &wg, copies] {
            long sum = 0;
            {
                std::shared_ptr<Obj> mine = sp;  // held across the loop: other goroutines' copies interleave
                for (long i = 0; i < copies; i++) {
                    std::shared_ptr<Obj> c = sp;
                    std::shared_ptr<Obj> d = c;
                    sum += d->v;
                    if (i % 64 == 0) {
                        std::shared_ptr<Obj> l = weak.lock();  // a compare-and-swap on the count
                        sum += l->v;
                        go::Gosched();
                    }
                }
            }  // every copy of this goroutine is dropped before Done
            ATOMIC_ADD(&sink, sum);
            wg.Done();
        });
    }
    wg.Wait();
    CHECK_EQ(ATOMIC_LOAD(&sink), workers * (copies * 7 + ((copies + 63) / 64) * 7));
    CHECK_EQ(sp.use_count(), 1);
    CHECK_EQ(ATOMIC_LOAD(&destroyed), 0);
    CHECK(!weak.expired());
    sp.reset();
    CHECK_EQ(ATOMIC_LOAD(&destroyed), 1);
    CHECK(weak.expired());
    CHECK(weak.lock() == nullptr);
    t::ok();
}
