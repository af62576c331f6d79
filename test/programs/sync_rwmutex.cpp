// RWMutex semantics, checked with counters:
// 1. readers hold the lock at the same time (all 8 inside at once);
// 2. a writer is exclusive: no reader and no other writer inside with it,
//    over many mixed rounds;
// 3. a waiting writer blocks new readers (Go's writer preference): reader 2
//    arrives after the writer started waiting and gets in only after it.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

static go::sync::RWMutex rw;
static int readersIn, writersIn;
static go::sync::WaitGroup wg;

int main() {
    // 1. Concurrent readers: each waits inside until all 8 are inside.
    constexpr int R = 8;
    wg.Add(R);
    for (int i = 0; i < R; i++)
        go::go([] {
            rw.RLock();
            ATOMIC_ADD(&readersIn, 1);
            CHECK_MSG(t::waitFor([] { return ATOMIC_LOAD(&readersIn) == R; }, 5000),
                      "readers did not hold the RWMutex together");
            rw.RUnlock();
            wg.Done();
        });
    wg.Wait();
    ATOMIC_STORE(&readersIn, 0);

    // 2. Exclusion, mixed readers and writers.
    constexpr int W = 4, Rounds = 300;
    static int64_t shared;  // written only under Lock
    wg.Add(W + R);
    for (int i = 0; i < W; i++)
        go::go([] {
            for (int k = 0; k < Rounds; k++) {
                rw.Lock();
                CHECK_EQ(ATOMIC_ADD(&writersIn, 1), 1);
                CHECK_EQ(ATOMIC_LOAD(&readersIn), 0);
                int64_t v = shared;
                if (k % 16 == 0) go::Gosched();
                shared = v + 1;
                ATOMIC_ADD(&writersIn, -1);
                rw.Unlock();
            }
            wg.Done();
        });
    for (int i = 0; i < R; i++)
        go::go([] {
            for (int k = 0; k < Rounds; k++) {
                rw.RLock();
                ATOMIC_ADD(&readersIn, 1);
                CHECK_EQ(ATOMIC_LOAD(&writersIn), 0);
                if (k % 16 == 0) go::Gosched();
                ATOMIC_ADD(&readersIn, -1);
                rw.RUnlock();
            }
            wg.Done();
        });
    wg.Wait();
    CHECK_EQ(shared, W * Rounds);

    // 3. A pending writer holds off new readers.
    static int order[3], n;
    rw.RLock();  // reader 1: main
    go::go([] {
        rw.Lock();
        order[ATOMIC_ADD(&n, 1) - 1] = 'W';
        rw.Unlock();
    });
    go::time::Sleep(50 * go::time::Millisecond);  // the writer is now waiting
    go::go([] {
        rw.RLock();
        order[ATOMIC_ADD(&n, 1) - 1] = 'R';
        rw.RUnlock();
    });
    go::time::Sleep(50 * go::time::Millisecond);
    CHECK_EQ(ATOMIC_LOAD(&n), 0);  // neither got in while reader 1 holds it
    rw.RUnlock();
    CHECK(t::waitFor([] { return ATOMIC_LOAD(&n) == 2; }, 5000));
    CHECK_EQ(order[0], 'W');
    CHECK_EQ(order[1], 'R');
    t::ok();
    return 0;
}
