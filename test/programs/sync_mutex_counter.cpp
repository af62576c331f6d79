// 100,000 goroutines each increment a shared counter under a go::sync::Mutex;
// a WaitGroup waits for all of them. The total is exact, and a non-atomic
// read-modify-write inside the lock never loses an update.
//! stdout: counter=100000
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2 ; GOMAXPROCS=4
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

constexpr int N = 100000;

static go::sync::Mutex mu;
static go::sync::WaitGroup wg;
static int64_t counter;     // guarded by mu
static int inside;          // goroutines inside the critical section: never above 1

int main() {
    wg.Add(N);
    for (int i = 0; i < N; i++) {
        go::go([] {
            mu.Lock();
            int n = ++inside;
            int64_t c = counter;
            if ((c & 255) == 0) go::Gosched();  // hold the lock across a yield now and then
            counter = c + 1;
            CHECK_EQ(n, 1);
            inside--;
            mu.Unlock();
            wg.Done();
        });
    }
    wg.Wait();
    go::fmt::Printf("counter=%d\n", counter);
    CHECK_EQ(counter, N);

    // TryLock: succeeds only when unlocked.
    CHECK(mu.TryLock());
    CHECK(!mu.TryLock());
    static volatile int other;
    go::go([] { other = mu.TryLock() ? 1 : 2; });
    CHECK(t::waitFor([] { return other != 0; }, 5000));
    CHECK_EQ(other, 2);
    mu.Unlock();
    CHECK(mu.TryLock());
    mu.Unlock();
    t::ok();
    return 0;
}
