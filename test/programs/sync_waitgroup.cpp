// WaitGroup semantics: Wait returns only after every Done; Add(n) with n > 1;
// several goroutines waiting at once are all released; Wait on a zero
// counter returns at once; a WaitGroup is reusable after Wait returns.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include "go.h"
#include "testutil.h"

static int finished;
static int waitersOut;

int main() {
    go::sync::WaitGroup wg;
    wg.Wait();  // zero: returns at once

    for (int round = 0; round < 3; round++) {  // reuse
        ATOMIC_STORE(&finished, 0);
        ATOMIC_STORE(&waitersOut, 0);
        constexpr int N = 50;
        wg.Add(N - 10);
        wg.Add(10);
        // Three goroutines wait as well as main.
        for (int w = 0; w < 3; w++)
            go::go([&wg] {
                wg.Wait();
                CHECK_EQ(ATOMIC_LOAD(&finished), 50);
                ATOMIC_ADD(&waitersOut, 1);
            });
        for (int i = 0; i < N; i++)
            go::go([&wg](int i) {
                for (int k = 0; k < i % 5; k++) go::Gosched();
                if (i % 7 == 0) go::time::Sleep(go::time::Millisecond);
                ATOMIC_ADD(&finished, 1);
                wg.Done();
            }, i);
        wg.Wait();
        CHECK_EQ(ATOMIC_LOAD(&finished), N);
        CHECK(t::waitFor([] { return ATOMIC_LOAD(&waitersOut) == 3; }, 5000));
    }

    // Add(-n) brings the counter down like n Dones.
    wg.Add(5);
    wg.Add(-5);
    wg.Wait();
    t::ok();
    return 0;
}
