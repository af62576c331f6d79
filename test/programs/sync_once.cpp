// Once.Do runs f exactly once even with 100 concurrent callers, and no call
// to Do returns before that one run of f has finished (f yields and sleeps
// in the middle to give the others every chance to get through early).
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include "go.h"
#include "testutil.h"

static go::sync::Once once;
static int calls;
static int initialized;
static go::sync::WaitGroup wg;

int main() {
    constexpr int N = 100;
    wg.Add(N);
    for (int i = 0; i < N; i++)
        go::go([] {
            once.Do([] {
                ATOMIC_ADD(&calls, 1);
                go::Gosched();
                go::time::Sleep(10 * go::time::Millisecond);
                ATOMIC_STORE(&initialized, 1);
            });
            CHECK_EQ(ATOMIC_LOAD(&initialized), 1);
            wg.Done();
        });
    wg.Wait();
    CHECK_EQ(calls, 1);

    // Later calls do nothing, even with a different function.
    once.Do([] { ATOMIC_ADD(&calls, 1); });
    CHECK_EQ(calls, 1);

    // A second Once is independent.
    go::sync::Once other;
    int n = 0;
    other.Do([&n] { n++; });
    other.Do([&n] { n++; });
    CHECK_EQ(n, 1);
    t::ok();
    return 0;
}
