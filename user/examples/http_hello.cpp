// http_hello.cpp — a small HTTP/1.1 server with keep-alive, enough for curl
// and ab: every request gets "Hello, World!". Listens on 127.0.0.1 at the
// port given as the first argument (8080 when none). A goroutine per
// connection, as Go's net/http serves; bench/go/httphello is its twin.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "go.h"

using namespace go;

// Header names and values compare without regard to case.
static bool equalFold(std::string_view a, std::string_view b) {
    auto lower = [](unsigned char c) { return std::tolower(c); };
    return std::ranges::equal(a, b, {}, lower, lower);
}

// The value of header name in the request head, "" when absent.
static std::string_view header(std::string_view head, std::string_view name) {
    size_t pos = head.find("\r\n");
    while (pos != std::string_view::npos && pos + 2 < head.size()) {
        size_t start = pos + 2, end = head.find("\r\n", start);
        std::string_view line = head.substr(start, end == std::string_view::npos ? end : end - start);
        size_t colon = line.find(':');
        if (colon != std::string_view::npos && equalFold(line.substr(0, colon), name)) {
            std::string_view v = line.substr(colon + 1);
            while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
            return v;
        }
        pos = end;
    }
    return {};
}

void serve(net::Conn c) {
    static constexpr std::string_view body = "Hello, World!\n";
    std::string in;
    char buf[2048];
    for (;;) {
        size_t end;
        while ((end = in.find("\r\n\r\n")) == std::string::npos) {
            auto [n, err] = c.Read(buf, sizeof buf);
            if (err) {
                c.Close();
                return;
            }
            in.append(buf, (size_t)n);
        }
        std::string_view head(in.data(), end);
        // HTTP/1.1 keeps the connection unless told to close; HTTP/1.0
        // (ab's protocol) only when asked with Connection: keep-alive.
        bool http10 = head.substr(0, head.find("\r\n")).find("HTTP/1.0") != std::string_view::npos;
        std::string_view conn = header(head, "Connection");
        bool keepAlive = http10 ? equalFold(conn, "keep-alive") : !equalFold(conn, "close");
        std::string resp = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ";
        resp += std::to_string(body.size());
        resp += keepAlive ? (http10 ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\n\r\n") : "\r\nConnection: close\r\n\r\n";
        resp += body;
        in.erase(0, end + 4);  // requests without a body: the next one starts here
        if (auto [w, err] = c.Write(resp); err || !keepAlive) break;
    }
    c.Close();
}

int main(int argc, char** argv) {
    std::string addr = std::string("127.0.0.1:") + (argc > 1 ? argv[1] : "8080");
    auto [ln, err] = net::Listen("tcp", addr);
    if (err) {
        fmt::Println(err);
        return 1;
    }
    fmt::Println("listening on", ln.Addr());
    time::Duration delay = 0;
    for (;;) {
        auto [c, err] = ln.Accept();
        if (err) {
            // Out of file descriptors, say: wait and retry as net/http does
            // (5 ms doubling to 1 s) instead of spinning on the error.
            delay = delay == 0 ? 5 * time::Millisecond : delay * 2;
            if (delay > time::Second) delay = time::Second;
            time::Sleep(delay);
            continue;
        }
        delay = 0;
        go::go(serve, c);
    }
}
