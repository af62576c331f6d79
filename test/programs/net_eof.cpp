// A peer that closes gives io.EOF (bare, not wrapped: Go returns io.EOF
// itself) once everything it sent has been read; writing to a peer that has
// closed fails with an error (EPIPE or ECONNRESET) and does not kill the
// program with SIGPIPE (Go ignores SIGPIPE except on fds 1 and 2).
//! stdout: read 3 bytes then EOF
//! stdout: write to closed peer failed, no SIGPIPE
#include "testutil.h"

int main() {
    auto [ln, c, s] = t::tcpPair();
    s.Write("abc");
    s.Close();
    char buf[16];
    long total = 0;
    go::error rerr;
    for (;;) {
        auto [n, e] = c.Read(buf, sizeof buf);
        total += n;
        if (e) {
            rerr = e;
            break;
        }
    }
    CHECK(rerr == go::io::ErrEOF);
    CHECK_STREQ(rerr.Error().c_str(), "EOF");
    go::fmt::Println("read", total, "bytes then EOF");
    go::error werr;
    for (int i = 0; i < 100 && !werr; i++) {
        auto [n, e] = c.Write("data that nobody will read");
        werr = e;
        go::time::Sleep(go::time::Millisecond);
    }
    CHECK(werr);
    CHECK_MSG(werr.Error().find("write tcp ") == 0, werr.Error().c_str());
    CHECK_MSG(werr.Error().find("broken pipe") != std::string::npos ||
                  werr.Error().find("connection reset by peer") != std::string::npos,
              werr.Error().c_str());
    go::fmt::Println("write to closed peer failed, no SIGPIPE");
}
