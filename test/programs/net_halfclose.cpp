// CloseWrite (TCP half-close): the peer reads EOF while the other direction
// keeps working, so a request-then-shutdown protocol gets its full reply.
//! runs: ; GOMAXPROCS=1
//! stdout: server got 1000 bytes and EOF
//! stdout: client got reply: 1000
#include "testutil.h"

int main() {
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    CHECK(!err);
    go::go([ln] {
        auto [s, err] = ln.Accept();
        CHECK(!err);
        char buf[256];
        long total = 0;
        for (;;) {
            auto [n, e] = s.Read(buf, sizeof buf);
            total += n;
            if (e) {
                CHECK(e == go::io::ErrEOF);
                break;
            }
        }
        go::fmt::Println("server got", total, "bytes and EOF");
        s.Write(std::to_string(total));
        s.Close();
    });
    auto [c, err2] = go::net::Dial("tcp", ln.Addr());
    CHECK(!err2);
    std::string req(1000, 'x');
    c.Write(req);
    CHECK(!c.CloseWrite());
    std::string reply;
    char buf[64];
    for (;;) {
        auto [n, e] = c.Read(buf, sizeof buf);
        reply.append(buf, (size_t)n);
        if (e) break;
    }
    go::fmt::Println("client got reply:", reply);
}
