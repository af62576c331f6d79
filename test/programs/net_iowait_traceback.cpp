// A goroutine blocked on the network shows in tracebacks with Go's wait
// reason, [IO wait], and in GODEBUG=schedtrace/scheddetail output; the
// program with only such goroutines left is not a deadlock while a peer
// could still send.
//! exit: 2
//! env: GOTRACEBACK=all
//! stderr-contains: panic: dump
//! stderr-regex: ^goroutine [0-9]+ \[IO wait\]:$
//! stderr-contains: runtime::poll_runtime_pollWait
#include "testutil.h"

int main() {
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    CHECK(!err);
    auto [c, err2] = go::net::Dial("tcp", ln.Addr());
    CHECK(!err2);
    go::go([c] {
        char b[8];
        c.Read(b, sizeof b);
    });
    go::go([ln] { ln.Accept(); });
    go::time::Sleep(20 * go::time::Millisecond);
    go::panic("dump");
}
