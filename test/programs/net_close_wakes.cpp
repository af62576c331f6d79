// Close from another goroutine wakes a goroutine blocked in Read and one
// blocked in Accept, each with Go's "use of closed network connection"
// (errors.Is net.ErrClosed), and the blocked calls hold no thread meanwhile.
//! runs: ; GOMAXPROCS=1
//! stdout-regex: ^accept: accept tcp 127\.0\.0\.1:[0-9]+: use of closed network connection true$
//! stdout-regex: ^read: read tcp 127\.0\.0\.1:[0-9]+->127\.0\.0\.1:[0-9]+: use of closed network connection true$
//! stdout-regex: ^second close: close tcp 127\.0\.0\.1:[0-9]+->127\.0\.0\.1:[0-9]+: use of closed network connection$
//! stdout-regex: ^done$
#include "testutil.h"

int main() {
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    CHECK(!err);
    auto done = go::make_chan<int>();
    go::go([ln, done] {
        auto [c, err] = ln.Accept();
        go::fmt::Println("accept:", err, go::errors::Is(err, go::net::ErrClosed));
        done.send(1);
    });
    go::time::Sleep(20 * go::time::Millisecond);
    ln.Close();
    done.recv();

    auto [ln2, err2] = go::net::Listen("tcp", "127.0.0.1:0");
    CHECK(!err2);
    auto [c, err3] = go::net::Dial("tcp", ln2.Addr());
    CHECK(!err3);
    auto [s, err4] = ln2.Accept();  // the peer stays silent
    CHECK(!err4);
    go::go([c, done] {
        char b[16];
        auto [n, err] = c.Read(b, sizeof b);
        go::fmt::Println("read:", err, go::errors::Is(err, go::net::ErrClosed));
        done.send(1);
    });
    go::time::Sleep(20 * go::time::Millisecond);
    c.Close();
    done.recv();
    go::fmt::Println("second close:", c.Close());
    s.Close();
    ln2.Close();
    go::fmt::Println("done");
}
