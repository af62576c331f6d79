// GODEBUG=schedtrace=MS,scheddetail=1 prints Go 1.19's SCHED lines and, with
// scheddetail, per-P lines; work started by main shows up in P1's schedtick
// (P1 stole and ran goroutines).
//! env: GOMAXPROCS=2 GODEBUG=schedtrace=20,scheddetail=1
//! stdout: ok
//! stderr-regex: ^SCHED [0-9]+ms: gomaxprocs=2 idleprocs=[0-9]+ threads=[0-9]+ spinningthreads=[0-9]+ idlethreads=[0-9]+ runqueue=[0-9]+
//! stderr-not-contains: needspinning
//! stderr-regex: ^ +P0: status=[0-9]+ schedtick=[0-9]+ syscalltick=[0-9]+ m=-?[0-9]+ runqsize=[0-9]+ gfreecnt=[0-9]+
//! stderr-regex: ^ +P1: status=[0-9]+ schedtick=[1-9][0-9]* syscalltick=
//! stderr-regex: ^ +M[0-9]+: p=-?[0-9]+ curg=-?[0-9]+
//! stderr-regex: ^ +G1: status=[0-9]+
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

static int finished;
static volatile uint64_t sink;

int main() {
    // Keep both Ps busy for about 300 ms so that several trace lines appear.
    int64_t end = t::monoMillis() + 300;
    int started = 0;
    while (t::monoMillis() < end) {
        for (int i = 0; i < 20; i++, started++)
            go::go([] {
                uint64_t x = 1;
                for (int k = 0; k < 100000; k++) x = x * 6364136223846793005ull + 1;
                sink = x;
                ATOMIC_ADD(&finished, 1);
            });
        go::Gosched();
    }
    int n = started;
    CHECK(t::waitFor([n] { return ATOMIC_LOAD(&finished) == n; }, 60000));
    t::ok();
    return 0;
}
