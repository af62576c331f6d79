// GODEBUG=schedtrace and scheddetail on a fixed workload: two Ps, goroutines
// parked in a channel receive, a sleep and a Mutex, main sleeping. The
// fields are compared, the counts that depend on timing normalised.
// (test/golden/README.md: the .go beside this file is the same program.)
#include "go.h"

go::chan<int> c = go::make_chan<int>();
go::sync::Mutex mu;

int main() {
    mu.Lock();
    go::go([] { c.recv(); });
    go::go([] { go::time::Sleep(go::time::Hour); });
    go::go([] { mu.Lock(); });
    go::time::Sleep(150 * go::time::Millisecond);
}
