// user/examples/fan_in.cpp, kept working: built and run as a test with its
// exact output, with one and with four Ps.
//! stdout: ann: 5 messages, joe: 8 messages
//! stdout: each talker's messages in order: true
//! stderr-empty
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
#include "../../user/examples/fan_in.cpp"
