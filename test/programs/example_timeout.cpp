// user/examples/timeout.cpp, kept working: built and run as a test with its
// exact output, with one and with four Ps.
//! stdout: timeout after 100 ms
//! stdout: got result
//! stdout: tick 1
//! stdout: tick 2
//! stdout: tick 3
//! stdout: ticker stopped; at least 60 ms passed: true
//! stderr-empty
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include "../../user/examples/timeout.cpp"
