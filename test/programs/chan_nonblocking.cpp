// Which operations are ready at once and which would block, seen through
// select with a default case (Go's TestNonblockRecvRace/TestSelectNonblock
// ideas), plus the blocking cases that must complete once a partner comes.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"
#include "testutil.h"

using go::default_case;

int main() {
    int v = -1;
    bool ok = true;

    // A lone default is taken.
    CHECK_EQ(go::select(default_case), 0);

    // nil channels: never ready, for send or receive.
    go::chan<int> nilc;
    CHECK(nilc == nullptr);
    CHECK(!nilc);
    CHECK_EQ(go::select(go::recv(nilc, &v), default_case), 1);
    CHECK_EQ(go::select(go::send(nilc, 1), default_case), 1);
    CHECK_EQ(go::select(default_case, go::recv(nilc, &v), go::send(nilc, 2)), 0);  // default's position counts
    CHECK_EQ(v, -1);

    // Unbuffered with nobody on the other side: not ready.
    auto u = go::make_chan<int>();
    CHECK(u != nullptr);
    CHECK_EQ(go::select(go::send(u, 1), default_case), 1);
    CHECK_EQ(go::select(go::recv(u, &v), default_case), 1);

    // Buffered with room: a send is ready; full: not ready; empty: recv not ready.
    auto b = go::make_chan<int>(2);
    CHECK_EQ(go::select(go::recv(b, &v), default_case), 1);
    CHECK_EQ(go::select(go::send(b, 10), default_case), 0);
    CHECK_EQ(go::select(go::send(b, 11), default_case), 0);
    CHECK_EQ(go::select(go::send(b, 12), default_case), 1);  // full
    CHECK_EQ(b.len(), 2);
    CHECK_EQ(go::select(go::recv(b, &v, &ok), default_case), 0);
    CHECK_EQ(v, 10);
    CHECK(ok);
    b.send(13);  // there is room again: does not block

    // Closed: a receive is ready at once with T{} and ok == false, every time
    // (after the buffered values have been drained).
    b.close();
    CHECK_EQ(b.recv(), 11);
    CHECK_EQ(b.recv(), 13);
    for (int i = 0; i < 3; i++) {
        v = -1;
        ok = true;
        CHECK(!b.recv(v));
        CHECK_EQ(v, 0);
        CHECK_EQ(b.recv(), 0);
        CHECK_EQ(go::select(go::recv(b, &v, &ok), default_case), 0);
        CHECK(!ok);
        CHECK_EQ(v, 0);
    }
    // A closed channel is ready ahead of a nil one and a default.
    CHECK_EQ(go::select(go::recv(nilc, &v), go::recv(b, &v, &ok), default_case), 1);

    // Unbuffered with a receiver parked on it: the send case becomes ready
    // (retry: the receiver needs time to park).
    auto got = go::make_chan<int>(1);
    go::go([u, got] { got.send(u.recv()); });
    int tries = 0;
    while (go::select(go::send(u, 42), default_case) != 0) {
        CHECK_MSG(++tries < 1000000, "a parked receiver never made the send ready");
        go::Gosched();
    }
    CHECK_EQ(got.recv(), 42);

    // And a parked sender makes the receive case ready.
    go::go([u] { u.send(43); });
    tries = 0;
    while (go::select(go::recv(u, &v), default_case) != 0) {
        CHECK_MSG(++tries < 1000000, "a parked sender never made the receive ready");
        go::Gosched();
    }
    CHECK_EQ(v, 43);

    // Blocking select (no default) completes once a partner arrives.
    go::go([u] { u.send(44); });
    CHECK_EQ(go::select(go::recv(nilc, &v), go::recv(u, &v)), 1);
    CHECK_EQ(v, 44);

    // The same channel in two cases, send and receive mixed.
    auto s = go::make_chan<int>(1);
    int k = go::select(go::send(s, 7), go::recv(s, &v));
    CHECK_EQ(k, 0);  // empty buffer: only the send is ready
    k = go::select(go::send(s, 8), go::recv(s, &v));
    CHECK_EQ(k, 1);  // full buffer: only the receive is ready
    CHECK_EQ(v, 7);
    t::ok();
    return 0;
}
