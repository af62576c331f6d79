// The same computation, split over goroutines that hand results to each
// other through a Mutex-guarded table, gives the same answer on one P and on
// four: a parallel sum of squares mod a prime, checked against the
// sequential loop, and a goroutine tree that counts its own nodes.
//! stdout: sum=164195206 nodes=4095
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

constexpr int64_t N = 2000000, Parts = 64, Mod = 2147483647;
static int64_t partial[Parts];
static go::sync::WaitGroup wg;
static int64_t nodes;

static void part(int p) {
    int64_t s = 0;
    for (int64_t i = p; i < N; i += Parts) s = (s + i * i % Mod) % Mod;
    partial[p] = s;
    wg.Done();
}

static void tree(int depth, go::sync::WaitGroup* done) {
    ATOMIC_ADD(&nodes, 1);
    if (depth > 0) {
        go::sync::WaitGroup kids;
        kids.Add(2);
        go::go(tree, depth - 1, &kids);
        go::go(tree, depth - 1, &kids);
        kids.Wait();
    }
    done->Done();
}

int main() {
    wg.Add(Parts);
    for (int p = 0; p < Parts; p++) go::go(part, p);
    wg.Wait();
    int64_t sum = 0;
    for (int p = 0; p < Parts; p++) sum = (sum + partial[p]) % Mod;
    int64_t seq = 0;
    for (int64_t i = 0; i < N; i++) seq = (seq + i * i % Mod) % Mod;
    CHECK_EQ(sum, seq);

    go::sync::WaitGroup root;
    root.Add(1);
    go::go(tree, 11, &root);
    root.Wait();
    CHECK_EQ(nodes, (1 << 12) - 1);
    go::fmt::Printf("sum=%d nodes=%d\n", sum, nodes);
    t::ok();
    return 0;
}
