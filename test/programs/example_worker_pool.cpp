// user/examples/worker_pool.cpp, kept working: built and run as a test with its
// exact output, with one and with four Ps.
//! stdout: job 1 -> 2
//! stdout: job 2 -> 4
//! stdout: job 3 -> 6
//! stdout: job 4 -> 8
//! stdout: job 5 -> 10
//! stdout: job 6 -> 12
//! stdout: job 7 -> 14
//! stdout: job 8 -> 16
//! stdout: job 9 -> 18
//! stdout: 9 results
//! stderr-empty
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include "../../user/examples/worker_pool.cpp"
