// GOMAXPROCS=3 in the environment: three Ps, P0 running on m0 and P1, P2
// idle, as the boot trace shows after procresize; GOMAXPROCS(0) reports 3.
//! env: GOMAXPROCS=3 GODEBUG=boottrace=1
//! stdout: ok
//! stderr-regex: GOMAXPROCS=3
//! stderr-regex: procresize\(3\)
//! stderr-regex: P0.{0,3}_Prunning
//! stderr-regex: P1.{0,3}_Pidle
//! stderr-regex: P2.{0,3}_Pidle
//! stderr-not-regex: P3.{0,3}_P
#include "go.h"
#include "testutil.h"

int main() {
    CHECK_EQ(go::GOMAXPROCS(0), 3);
    t::ok();
    return 0;
}
