// Go's dial errors, word for word: a refused connection, a name nobody
// knows, a missing port, an unknown network; DialTimeout to an address that
// never answers gives i/o timeout.
//! stdout: dial tcp 127.0.0.1:1: connect: connection refused
//! stdout: dial tcp: lookup no-such-host.invalid: no such host
//! stdout: dial tcp: address 127.0.0.1: missing port in address
//! stdout: dial udp: unknown network udp
//! stdout: listen tcp: address 1.2.3.4:99999: invalid port
//! stdout: localhost ok
#include "testutil.h"

int main() {
    go::fmt::Println(go::net::Dial("tcp", "127.0.0.1:1").err);
    go::fmt::Println(go::net::Dial("tcp", "no-such-host.invalid:80").err);
    go::fmt::Println(go::net::Dial("tcp", "127.0.0.1").err);
    go::fmt::Println(go::net::Dial("udp", "127.0.0.1:80").err);
    go::fmt::Println(go::net::Listen("tcp", "1.2.3.4:99999").err);
    auto [ln, err] = go::net::Listen("tcp", "localhost:0");
    CHECK_MSG(!err, err.Error().c_str());
    std::string port = ln.Addr().substr(ln.Addr().rfind(':'));
    auto [c, err2] = go::net::Dial("tcp", "localhost" + port);
    CHECK_MSG(!err2, err2.Error().c_str());
    CHECK(c.RemoteAddr() == ln.Addr());
    go::fmt::Println("localhost ok");
}
