// FIFO order: through one buffered channel (the values come out in the order
// they went in, also when the sender blocks on a full buffer), and through a
// chain of 1,000 goroutines each forwarding from its input to its output.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

int main() {
    // Buffered, filled and drained by one goroutine.
    {
        auto c = go::make_chan<int>(100);
        for (int i = 0; i < 100; i++) c.send(i);
        CHECK_EQ(c.len(), 100);
        for (int i = 0; i < 100; i++) CHECK_EQ(c.recv(), i);
        CHECK_EQ(c.len(), 0);
    }
    // Buffered, with a sender that blocks on the full buffer.
    {
        constexpr int N = 10000;
        auto c = go::make_chan<int>(10);
        go::go([c] {
            for (int i = 0; i < N; i++) c.send(i);
        });
        for (int i = 0; i < N; i++) CHECK_EQ(c.recv(), i);
    }
    // Several senders: each sender's own values stay in order.
    {
        constexpr int S = 8, N = 2000;
        auto c = go::make_chan<int>(16);
        for (int s = 0; s < S; s++)
            go::go([c](int s) {
                for (int i = 0; i < N; i++) c.send(s * N + i);
            }, s);
        int next[S] = {};
        for (int k = 0; k < S * N; k++) {
            int v = c.recv();
            int s = v / N;
            CHECK_EQ(v % N, next[s]);
            next[s]++;
        }
    }
    // A chain of 1,000 forwarding goroutines.
    {
        constexpr int Len = 1000, N = 1000;
        auto head = go::make_chan<int>();
        go::chan<int> in = head;
        for (int i = 0; i < Len; i++) {
            auto out = go::make_chan<int>(i % 3);  // unbuffered and small buffers mixed
            go::go([](go::chan<int> in, go::chan<int> out) {
                for (int v : in) out.send(v);
                out.close();
            }, in, out);
            in = out;
        }
        go::go([head] {
            for (int i = 0; i < N; i++) head.send(i);
            head.close();
        });
        int i = 0;
        for (int v : in) {
            CHECK_EQ(v, i);
            i++;
        }
        CHECK_EQ(i, N);
    }
    t::ok();
    return 0;
}
