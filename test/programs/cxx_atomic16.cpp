// std::atomic of a 16-byte struct is lock-free (pkg/cxx/atomic16.cpp, lock
// cmpxchg16b) and correct under contention: goroutines on several Ps
// increment both halves of one pair with compare_exchange loops, others
// load it, exchange and store; no update is lost and no load ever sees
// a torn pair (halves that differ).
//! stdout: ok
//! runs: GOMAXPROCS=4 ; GOMAXPROCS=1
//! timeout: 30
//! env-native: ITERS=200000
//! env-qemu: ITERS=30000
#include "go.h"
#include "testutil.h"

#include <atomic>

struct Pair {
    uint64_t a, b;
};

static std::atomic<Pair> pair{Pair{0, 0}};
static int torn;  // [atomic]

int main() {
    const long iters = t::envInt("ITERS", 200000);
    const int writers = 4;
    CHECK(pair.is_lock_free());
    CHECK(std::atomic<Pair>::is_always_lock_free == false);  // only known at run time (CPUID)

    // The plain operations, single-threaded first.
    pair.store(Pair{5, 5});
    Pair old = pair.exchange(Pair{0, 0});
    CHECK_EQ(old.a, 5);
    Pair expect{1, 1};
    CHECK(!pair.compare_exchange_strong(expect, Pair{2, 2}));
    CHECK_EQ(expect.a, 0);  // the failed exchange loads the current value

    go::sync::WaitGroup wg;
    bool stop = false;
    for (int w = 0; w < writers; w++) {
        wg.Add(1);
        go::go([&wg, iters] {
            for (long i = 0; i < iters; i++) {
                Pair cur = pair.load();
                while (!pair.compare_exchange_weak(cur, Pair{cur.a + 1, cur.b + 1})) {}
            }
            wg.Done();
        });
    }
    go::sync::WaitGroup readers;
    for (int r = 0; r < 2; r++) {
        readers.Add(1);
        go::go([&readers, &stop] {
            while (!ATOMIC_LOAD(&stop)) {
                Pair p = pair.load();
                if (p.a != p.b) ATOMIC_ADD(&torn, 1);
                go::Gosched();
            }
            readers.Done();
        });
    }
    wg.Wait();
    ATOMIC_STORE(&stop, true);
    readers.Wait();
    Pair end = pair.load();
    CHECK_EQ(end.a, writers * iters);
    CHECK_EQ(end.b, writers * iters);
    CHECK_EQ(ATOMIC_LOAD(&torn), 0);

    // The integer forms, through the builtins std::atomic_ref would use.
    alignas(16) static unsigned __int128 wide = 0;
    __atomic_fetch_add(&wide, (unsigned __int128)1 << 64, __ATOMIC_SEQ_CST);
    unsigned __int128 v = __atomic_add_fetch(&wide, 3, __ATOMIC_SEQ_CST);
    CHECK_EQ((uint64_t)(v >> 64), 1);
    CHECK_EQ((uint64_t)v, 3);
    CHECK_EQ((uint64_t)__atomic_fetch_or(&wide, 4, __ATOMIC_SEQ_CST), 3);
    CHECK_EQ((uint64_t)__atomic_load_n(&wide, __ATOMIC_SEQ_CST), 7);
    t::ok();
}
