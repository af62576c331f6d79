// go::Goexit ends the calling goroutine at once, from any depth of calls:
// nothing after it in that goroutine runs, the goroutine is gone
// (NumGoroutine), and other goroutines and main carry on.
//! stdout: before Goexit
//! stdout: ok
//! stdout-not-contains: after
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"
#include "testutil.h"

// The recursion ends in a [[noreturn]] call, which GCC takes for endless.
#pragma GCC diagnostic ignored "-Winfinite-recursion"

static int reached;
static int after;
static int started;

__attribute__((noinline)) static void deep(int depth) {
    if (depth == 0) {
        go::fmt::Println("before Goexit");
        ATOMIC_STORE(&reached, 1);
        go::Goexit();
    }
    deep(depth - 1);
    ATOMIC_STORE(&after, 1);  // never: Goexit does not return
    go::fmt::Println("after, in deep");
}

int main() {
    CHECK_EQ(go::NumGoroutine(), 1);
    go::go([] {
        ATOMIC_ADD(&started, 1);
        deep(20);
        ATOMIC_STORE(&after, 2);
        go::fmt::Println("after, in the goroutine");
    });
    CHECK(t::waitFor([] { return ATOMIC_LOAD(&reached) == 1; }, 5000));
    CHECK(t::waitFor([] { return go::NumGoroutine() == 1; }, 5000));
    for (int i = 0; i < 100; i++) go::Gosched();
    CHECK_EQ(ATOMIC_LOAD(&after), 0);

    // Many goroutines exiting this way leave nothing behind.
    static int count;
    for (int i = 0; i < 1000; i++)
        go::go([] {
            ATOMIC_ADD(&count, 1);
            go::Goexit();
        });
    CHECK(t::waitFor([] { return ATOMIC_LOAD(&count) == 1000 && go::NumGoroutine() == 1; }, 10000));
    CHECK_EQ(ATOMIC_LOAD(&after), 0);
    t::ok();
    return 0;
}
