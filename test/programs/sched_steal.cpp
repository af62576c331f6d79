// Work spawned from one goroutine is stolen by the other P: a spawner
// goroutine starts 200 goroutines that each compute for about a millisecond
// while main is parked in wg.Wait(); with GOMAXPROCS=2 the idle P steals
// from the spawner's P, so the goroutines start on two threads, each thread
// running at least 10% of them (Go 1.19 splits them roughly 100/100 here).
// main does not poll: a yielding main would keep the second P busy taking
// main from the global queue instead of stealing.
//! env: GOMAXPROCS=2
//! stdout: ok
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

constexpr int N = 200;
static int tids[N];
static volatile uint64_t sink;
static go::sync::WaitGroup wg;

static void work(int i) {
    tids[i] = t::gettid();
    uint64_t x = (uint64_t)i + 1;
    for (int k = 0; k < 200000; k++) x = x * 6364136223846793005ull + 1442695040888963407ull;
    sink = x;
    wg.Done();
}

int main() {
    wg.Add(N);
    go::go([] {
        for (int i = 0; i < N; i++) go::go(work, i);
    });
    wg.Wait();
    // Threads and how many goroutines each started.
    int tid[N], count[N], distinct = 0;
    for (int i = 0; i < N; i++) {
        int j = 0;
        while (j < distinct && tid[j] != tids[i]) j++;
        if (j == distinct) tid[distinct] = tids[i], count[distinct++] = 0;
        count[j]++;
    }
    t::Line l;
    l.s("goroutines per thread:");
    for (int j = 0; j < distinct; j++) l.s(" ").i(count[j]);
    l.out(2);
    CHECK_RANGE(distinct, 2, 1000);
    int busy = 0;
    for (int j = 0; j < distinct; j++)
        if (count[j] >= N / 10) busy++;
    CHECK_RANGE(busy, 2, 1000);
    t::ok();
    return 0;
}
