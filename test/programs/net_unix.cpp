// Unix stream sockets: Listen, Dial, echo, Addr is the path, Close removes
// the socket file (as Go's UnixListener does), a second Listen on the same
// path then works.
//! stdout: addr is the path: true
//! stdout: echo: ping
//! stdout: relisten after close: ok
#include "testutil.h"

int main() {
    char path[64] = "/tmp/go-net-unix-test-";
    char num[24];
    t::itoa(t::getpid(), num);
    for (size_t i = 0, j = t::slen(path); num[i]; i++, j++) path[j] = num[i];
    auto [ln, err] = go::net::Listen("unix", path);
    CHECK_MSG(!err, err.Error().c_str());
    go::fmt::Println("addr is the path:", ln.Addr() == path);
    go::go([ln] {
        auto [s, err] = ln.Accept();
        CHECK(!err);
        char buf[16];
        auto [n, e] = s.Read(buf, sizeof buf);
        s.Write(buf, (size_t)n);
        s.Close();
    });
    auto [c, err2] = go::net::Dial("unix", path);
    CHECK_MSG(!err2, err2.Error().c_str());
    c.Write("ping");
    char buf[16];
    auto [n, e] = c.Read(buf, sizeof buf);
    CHECK(!e);
    go::fmt::Println("echo:", std::string_view(buf, (size_t)n));
    c.Close();
    ln.Close();
    auto [ln2, err3] = go::net::Listen("unix", path);
    CHECK_MSG(!err3, err3.Error().c_str());
    ln2.Close();
    go::fmt::Println("relisten after close: ok");
}
