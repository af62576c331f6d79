// GOMAXPROCS from the environment: a positive integer is used as is (also
// above the number of CPUs); anything else is ignored and GOMAXPROCS(0) is
// NumCPU(). WANT_PROCS tells the program what to expect in each run.
//! stdout: ok
//! runs: GOMAXPROCS=0 ; GOMAXPROCS=-3 ; GOMAXPROCS=abc ; GOMAXPROCS= ; GOMAXPROCS=3x ; GOMAXPROCS=3 WANT_PROCS=3 ; GOMAXPROCS=1 WANT_PROCS=1 ; GOMAXPROCS=17 WANT_PROCS=17
#include "go.h"
#include "testutil.h"

int main() {
    int want = (int)t::envInt("WANT_PROCS", go::NumCPU());
    CHECK(go::NumCPU() >= 1);
    CHECK_EQ(go::GOMAXPROCS(0), want);
    CHECK_EQ(go::GOMAXPROCS(0), want);  // GOMAXPROCS(0) only reads
    CHECK_EQ(go::GOMAXPROCS(-1), want); // so does any n < 1
    // Goroutines run whatever the count of Ps.
    static volatile int ran;
    for (int i = 0; i < 32; i++) go::go([] { ATOMIC_ADD(&ran, 1); });
    CHECK(t::waitFor([] { return ATOMIC_LOAD(&ran) == 32; }, 5000));
    t::ok();
    return 0;
}
