// SIGQUIT (what Ctrl-\ sends) dumps every goroutine, parked ones with their
// wait reasons, and exits with status 2, as Go does. The program sends it
// to itself with tgkill once its goroutines are parked.
//! exit: 2
//! stdout: sending SIGQUIT
//! stderr-order: SIGQUIT: quit | goroutine
//! stderr-regex: ^goroutine 1 \[
//! stderr-regex: ^goroutine [0-9]+ \[chan receive\]:$
//! stderr-regex: ^goroutine [0-9]+ \[sleep\]:$
//! stdout-not-contains: still running
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"
#include "testutil.h"

int main() {
    auto c = go::make_chan<int>();
    go::go([c] { c.recv(); });
    go::go([] { go::time::Sleep(3600 * go::time::Second); });
    go::time::Sleep(50 * go::time::Millisecond);
    go::fmt::Println("sending SIGQUIT");
    t::tgkill(t::getpid(), t::gettid(), t::SIGQUIT);
    go::time::Sleep(5 * go::time::Second);  // the dump and exit come first
    go::fmt::Println("still running");
    return 0;
}
