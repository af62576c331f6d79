// user/examples/pipeline.cpp, kept working: built and run as a test with its
// exact output, with one and with four Ps.
//! stdout: 16
//! stdout: 81
//! stdout: sum of squares 1..100: 338350
//! stdout: first squares: 1 4 9 16 25
//! stdout: every stage has stopped
//! stderr-empty
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include "../../user/examples/pipeline.cpp"
