// user/examples/mutex_counter.cpp, kept working: built and run as a test with its
// exact output, with one and with four Ps.
//! stdout: count: 100000
//! stderr-empty
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include "../../user/examples/mutex_counter.cpp"
