// 1,000 client goroutines talk to an echo server in the same process: each
// sends 10 messages of 100 bytes and reads every byte back. The byte counts
// on both sides must be exact, on one P and on several.
//! runs: ; GOMAXPROCS=1 ; GOMAXPROCS=4
//! stdout: server echoed 1000000 bytes
//! stdout: clients got 1000000 bytes back, all matching
//! timeout: 30
#include "testutil.h"

constexpr int clients = 1000, msgs = 10, msgLen = 100;

int main() {
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    CHECK_MSG(!err, err.Error().c_str());
    static long served = 0, received = 0, bad = 0;
    go::sync::WaitGroup serverWG, clientWG;
    serverWG.Add(clients);
    go::go([ln, &serverWG] {
        for (int i = 0; i < clients; i++) {
            auto [c, err] = ln.Accept();
            CHECK_MSG(!err, err.Error().c_str());
            go::go([c, &serverWG] {
                char buf[512];
                for (;;) {
                    auto [n, err] = c.Read(buf, sizeof buf);
                    if (err) {
                        CHECK_MSG(go::errors::Is(err, go::io::ErrEOF), err.Error().c_str());
                        break;
                    }
                    auto [w, werr] = c.Write(buf, (size_t)n);
                    CHECK_MSG(!werr && w == n, "short echo write");
                    ATOMIC_ADD(&served, n);
                }
                c.Close();
                serverWG.Done();
            });
        }
    });
    std::string addr = ln.Addr();
    clientWG.Add(clients);
    for (int i = 0; i < clients; i++) {
        go::go([addr, i, &clientWG] {
            auto [c, err] = go::net::Dial("tcp", addr);
            CHECK_MSG(!err, err.Error().c_str());
            char out[msgLen], in[msgLen];
            for (int m = 0; m < msgs; m++) {
                for (int k = 0; k < msgLen; k++) out[k] = (char)(i + m + k);
                auto [w, werr] = c.Write(out, msgLen);
                CHECK_MSG(!werr && w == msgLen, "client write");
                int got = 0;
                while (got < msgLen) {
                    auto [n, rerr] = c.Read(in + got, (size_t)(msgLen - got));
                    CHECK_MSG(!rerr, rerr.Error().c_str());
                    got += (int)n;
                }
                for (int k = 0; k < msgLen; k++)
                    if (in[k] != out[k]) ATOMIC_ADD(&bad, 1);
                ATOMIC_ADD(&received, got);
            }
            c.Close();
            clientWG.Done();
        });
    }
    clientWG.Wait();
    serverWG.Wait();
    ln.Close();
    CHECK_EQ(bad, 0);
    go::fmt::Println("server echoed", served, "bytes");
    go::fmt::Println("clients got", received, "bytes back, all matching");
}
