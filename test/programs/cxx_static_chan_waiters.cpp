// A global channel with a goroutine blocked on it when main returns: the
// static destructors run (docs/cxx.md), the channel's destructor finds a
// waiter, and the program still exits with main's status as Go's would
// (Go runs no destructors and never looks at the channel).
//! stdout: main returns
//! exit: 3
#include "go.h"

go::chan<int> global = go::make_chan<int>();

int main() {
    go::go([] { global.recv(); });
    go::time::Sleep(10 * go::time::Millisecond);  // the receiver is parked
    go::fmt::Println("main returns");
    return 3;
}
