// sync.Once whose f calls Goexit: as in Go (Do's deferred calls run on
// Goexit), the Once is marked done and its mutex released, so a later Do
// returns at once without calling its f. Before, the next Do deadlocked on
// the Once's mutex.
//! stdout: ok
#include "go.h"
#include "testutil.h"

static go::sync::Once once;
static int calls, exited;

int main() {
    go::go([] {
        once.Do([] {
            ATOMIC_ADD(&calls, 1);
            ATOMIC_STORE(&exited, 1);
            go::Goexit();
        });
        t::write(2, "FAIL: Goexit returned\n");
        t::exit_group(1);
    });
    CHECK(t::waitFor([] { return ATOMIC_LOAD(&exited) == 1 && go::NumGoroutine() == 1; }, 5000));
    once.Do([] { ATOMIC_ADD(&calls, 100); });
    CHECK_EQ(ATOMIC_LOAD(&calls), 1);
    // Another goroutine sees it done too.
    go::chan<int> c = go::make_chan<int>();
    go::go([c] {
        once.Do([] { ATOMIC_ADD(&calls, 1000); });
        c.send(1);
    });
    c.recv();
    CHECK_EQ(ATOMIC_LOAD(&calls), 1);
    t::ok();
    return 0;
}
