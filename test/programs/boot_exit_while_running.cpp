// When main returns, the process exits at once with main's value, whatever
// the other goroutines are doing: here they are runnable forever (yielding)
// and spinning on other Ps.
//! exit: 5
//! stdout: main returns
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2 ; GOMAXPROCS=4
//! timeout: 10
#include "go.h"
#include "testutil.h"

static volatile int started;

int main() {
    for (int i = 0; i < 8; i++)
        go::go([] {
            ATOMIC_ADD(&started, 1);
            for (;;) go::Gosched();
        });
    CHECK(t::waitFor([] { return ATOMIC_LOAD(&started) == 8; }, 5000));
    go::fmt::Println("main returns");
    return 5;
}
