// 100 MB through one TCP connection: the receiver's byte count and checksum
// (FNV-1a over the stream) match the sender's.
//! runs: ; GOMAXPROCS=1
//! stdout: sent 104857600 bytes, received 104857600 bytes, checksums match
//! timeout: 30
//! qemu-timeout: 300
#include "testutil.h"

static uint64_t fnv(uint64_t h, const unsigned char* p, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

int main() {
    constexpr long total = 100L << 20;
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    CHECK(!err);
    auto sent = go::make_chan<uint64_t>(1);
    go::go([ln, sent] {
        auto [c, err] = ln.Accept();
        CHECK(!err);
        static unsigned char buf[64 << 10];
        uint64_t h = 1469598103934665603ull, x = 88172645463325252ull;
        for (long done = 0; done < total; done += sizeof buf) {
            for (size_t i = 0; i < sizeof buf; i += 8) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                __builtin_memcpy(buf + i, &x, 8);
            }
            h = fnv(h, buf, sizeof buf);
            auto [n, werr] = c.Write(buf, sizeof buf);
            CHECK(!werr && n == (long)sizeof buf);
        }
        c.Close();
        sent.send(h);
    });
    auto [c, err2] = go::net::Dial("tcp", ln.Addr());
    CHECK(!err2);
    static unsigned char buf[100 << 10];
    long got = 0;
    uint64_t h = 1469598103934665603ull;
    for (;;) {
        auto [n, rerr] = c.Read(buf, sizeof buf);
        h = fnv(h, buf, (size_t)n);
        got += n;
        if (rerr) {
            CHECK(rerr == go::io::ErrEOF);
            break;
        }
    }
    CHECK_EQ(got, total);
    CHECK(sent.recv() == h);
    go::fmt::Println("sent", total, "bytes, received", got, "bytes, checksums match");
}
