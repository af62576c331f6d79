// Deadlines as Go's: a Read with a 50 ms deadline returns "i/o timeout"
// (errors.Is os.ErrDeadlineExceeded) after 50-500 ms; a deadline already
// past fails at once; a deadline set from another goroutine while a Read is
// blocked wakes it; a cleared deadline lets the Read wait for data; a write
// deadline stops a Write into a full socket.
//! runs: ; GOMAXPROCS=1
//! stdout-regex: ^timeout: read tcp 127\.0\.0\.1:[0-9]+->127\.0\.0\.1:[0-9]+: i/o timeout true$
//! stdout-regex: ^50 ms deadline: waited 50-500 ms$
//! stdout-regex: ^past deadline: failed at once$
//! stdout-regex: ^deadline set while blocked: woke$
//! stdout-regex: ^cleared deadline: read 5 bytes$
//! stdout-regex: ^write: write tcp .*: i/o timeout true$
#include "testutil.h"

int main() {
    auto [ln, c, s] = t::tcpPair();
    char buf[64];

    int64_t t0 = go::time::Now();  // the deadline is absolute: measure from where it was set
    c.SetReadDeadline(t0 + 50 * go::time::Millisecond);
    auto [n, rerr] = c.Read(buf, sizeof buf);
    int64_t waited = go::time::Since(t0) / go::time::Millisecond;
    CHECK_EQ(n, 0);
    go::fmt::Println("timeout:", rerr, go::errors::Is(rerr, go::os::ErrDeadlineExceeded));
    CHECK_RANGE(waited, 50, 500);
    go::fmt::Println("50 ms deadline: waited 50-500 ms");

    c.SetReadDeadline(go::time::Now() - go::time::Second);
    t0 = go::time::Now();
    auto [n2, rerr2] = c.Read(buf, sizeof buf);
    CHECK(go::errors::Is(rerr2, go::os::ErrDeadlineExceeded));
    CHECK_RANGE(go::time::Since(t0) / go::time::Millisecond, 0, 20);
    go::fmt::Println("past deadline: failed at once");

    c.SetReadDeadline(0);
    go::go([c] {
        go::time::Sleep(30 * go::time::Millisecond);
        c.SetReadDeadline(go::time::Now() - 1);
    });
    t0 = go::time::Now();
    auto [n3, rerr3] = c.Read(buf, sizeof buf);
    CHECK(go::errors::Is(rerr3, go::os::ErrDeadlineExceeded));
    CHECK_RANGE(go::time::Since(t0) / go::time::Millisecond, 25, 500);
    go::fmt::Println("deadline set while blocked: woke");

    c.SetReadDeadline(go::time::Now() + 20 * go::time::Millisecond);
    c.SetReadDeadline(0);
    go::go([s] {
        go::time::Sleep(60 * go::time::Millisecond);
        s.Write("hello");
    });
    auto [n4, rerr4] = c.Read(buf, sizeof buf);
    CHECK(!rerr4);
    go::fmt::Println("cleared deadline: read", n4, "bytes");

    // Nobody reads s: the socket buffers fill and the Write blocks until its
    // deadline.
    c.SetWriteDeadline(go::time::Now() + 100 * go::time::Millisecond);
    static char big[1 << 20];
    for (;;) {
        auto [w, werr] = c.Write(big, sizeof big);
        if (werr) {
            go::fmt::Println("write:", werr, go::errors::Is(werr, go::os::ErrDeadlineExceeded));
            break;
        }
    }
}
