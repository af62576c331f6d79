// C++ static constructors (Go's package init) run before main, in definition
// order, on the main goroutine with the scheduler running: a constructor may
// start goroutines and yield to them, as Go's init functions may.
//! stdout: ctor first
//! stdout: ctor second: goroutine started in init ran
//! stdout: main
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"
#include "testutil.h"

static int order;          // zero-initialized before any constructor
static bool mainStarted;
static volatile int fromInit;

struct First {
    int seen;
    int goroutines;
    First() {
        CHECK(!mainStarted);
        seen = ++order;
        goroutines = go::NumGoroutine();
        go::fmt::Println("ctor first");
    }
};

struct Second {
    int seen;
    Second() {
        CHECK(!mainStarted);
        seen = ++order;
        // Only a goroutine can yield: this would crash on a system stack.
        go::go([] { fromInit = 1; });
        CHECK(t::waitFor([] { return fromInit == 1; }, 5000));
        go::fmt::Println("ctor second: goroutine started in init ran");
    }
};

First first;
Second second;

static int lazy() {
    static int v = order * 10;  // a function-local static (guard variable)
    return v;
}

int main() {
    mainStarted = true;
    go::fmt::Println("main");
    CHECK_EQ(first.seen, 1);
    CHECK_EQ(second.seen, 2);
    CHECK_EQ(order, 2);
    CHECK_EQ(first.goroutines, 1);  // only the main goroutine existed during init
    CHECK_EQ(lazy(), 20);
    CHECK_EQ(lazy(), 20);
    t::ok();
    return 0;
}
