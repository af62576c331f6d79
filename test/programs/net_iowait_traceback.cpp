// A goroutine blocked on the network shows in tracebacks with Go's wait
// reason, [IO wait] (the connection to ln is never accepted, so its Read
// waits; nobody dials idle, so its Accept waits).
//! exit: 2
//! env: GOTRACEBACK=all
//! stderr-contains: panic: dump
//! stderr-regex: ^goroutine [0-9]+ \[IO wait\]:$
//! stderr-contains: go::poll::FD::Read
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
    auto [idle, err3] = go::net::Listen("tcp", "127.0.0.1:0");  // nobody dials it
    CHECK(!err3);
    go::go([idle] { idle.Accept(); });
    go::time::Sleep(20 * go::time::Millisecond);
    go::panic("dump");
}
