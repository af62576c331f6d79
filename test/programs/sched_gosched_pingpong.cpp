// go::Gosched on one P: two goroutines that each log a letter and yield, ten
// times, strictly alternate (a yielding goroutine goes to the back of the
// queue, behind the other). main waits by yielding too, which does not
// disturb the alternation of A and B.
//! env: GOMAXPROCS=1
//! stdout-regex: ^(AB){10}$|^(BA){10}$
//! stdout-regex: ^ok$
#include "go.h"
#include "testutil.h"

static char logbuf[64];
static int n;
static int done;

static void player(char c) {
    for (int i = 0; i < 10; i++) {
        logbuf[n++] = c;  // one P: no race
        go::Gosched();
    }
    done++;
}

int main() {
    go::go(player, 'A');
    go::go(player, 'B');
    CHECK(t::waitFor([] { return done == 2; }, 5000));
    logbuf[n] = 0;
    go::fmt::Println(logbuf);
    t::ok();
    return 0;
}
