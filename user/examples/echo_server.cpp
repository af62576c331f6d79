// echo_server.cpp — a TCP echo server, a goroutine per connection: what Go's
// net package is for. Listens on 127.0.0.1 at the port given as the first
// argument (8081 when none); `nc 127.0.0.1 8081` talks to it. Each blocked
// Read parks its goroutine in the network poller: ten thousand idle clients
// cost ten thousand goroutines, not ten thousand threads.
#include <string>

#include "go.h"

using namespace go;

// Echo everything the client sends until it closes (io.EOF) or fails.
void serve(net::Conn c) {
    char buf[512];
    for (;;) {
        auto [n, err] = c.Read(buf, sizeof buf);
        if (err) {
            if (err != io::ErrEOF) fmt::Println("read:", err);
            break;
        }
        if (auto [w, werr] = c.Write(buf, (size_t)n); werr) {
            fmt::Println("write:", werr);
            break;
        }
    }
    c.Close();
}

int main(int argc, char** argv) {
    std::string addr = std::string("127.0.0.1:") + (argc > 1 ? argv[1] : "8081");
    auto [ln, err] = net::Listen("tcp", addr);
    if (err) {
        fmt::Println(err);
        return 1;
    }
    fmt::Println("echo server listening on", ln.Addr());
    // Go's net.Listener example: a failed Accept ends the server. (A server
    // that must outlive running out of descriptors waits and retries, as
    // http_hello.cpp does.)
    for (;;) {
        auto [c, err] = ln.Accept();
        if (err) {
            fmt::Println("accept:", err);
            return 1;
        }
        go::go(serve, c);
    }
}
