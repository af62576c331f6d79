// Host tests of the channel and select logic that runs without parking
// (runtime/chan.cpp, runtime/select.cpp): buffered FIFO order, full/empty,
// close, element lifetimes for non-trivial types, and select's poll order,
// lock order and fairness. Blocking paths need the scheduler; the test
// programs (test/programs/chan_*, select_*) cover them.
#include <map>
#include <set>
#include <vector>

#include <catch2/catch.hpp>

#include "chan_impl.h"
#include "go/select.h"
#include "hosted.h"

using namespace runtime;

// The scheduler's side, which these tests must never reach.
namespace runtime {
void gopark(bool (*)(g*, void*), void*, waitReason) { FAIL("a non-blocking channel operation tried to park"); }
void goready(g*) { FAIL("no goroutine waits in these tests"); }
sudog* acquireSudog() {
    FAIL("no goroutine waits in these tests");
    return nullptr;
}
void releaseSudog(sudog*) {}
void mallocinit();
}  // namespace runtime

namespace {

void setup() {
    static bool inited;
    if (!inited) {
        mallocinit();
        inited = true;
    }
    hosted::attach(nullptr);
}

bool trySend(hchan* c, int v) { return chansend(c, &v, false); }

// 0: nothing (would block); 1: got a value; 2: closed.
int tryRecv(hchan* c, int* out) {
    bool received;
    if (!chanrecv(c, out, false, &received)) return 0;
    return received ? 1 : 2;
}

// A type that counts its constructions and destructions.
struct Tracked {
    static inline int live = 0;
    int v = 0;
    Tracked() { live++; }
    explicit Tracked(int x) : v(x) { live++; }
    Tracked(Tracked&& o) noexcept : v(o.v) {
        o.v = -1;
        live++;
    }
    Tracked& operator=(Tracked&& o) noexcept {
        v = o.v;
        o.v = -1;
        return *this;
    }
    ~Tracked() { live--; }
};

}  // namespace

TEST_CASE("chan: a buffered channel is FIFO, full at cap, empty at zero", "[chan]") {
    setup();
    hchan* c = go::detail::makechan(&go::detail::chantypeOf<int>, 3);
    int v;
    REQUIRE(tryRecv(c, &v) == 0);
    REQUIRE(trySend(c, 1));
    REQUIRE(trySend(c, 2));
    REQUIRE(trySend(c, 3));
    REQUIRE_FALSE(trySend(c, 4));
    REQUIRE(go::detail::chanlen(c) == 3);
    REQUIRE(go::detail::chancap(c) == 3);
    for (int want = 1; want <= 3; want++) {
        REQUIRE(tryRecv(c, &v) == 1);
        REQUIRE(v == want);
    }
    REQUIRE(tryRecv(c, &v) == 0);
    // Wrap around the ring several times.
    for (int i = 0; i < 10; i++) {
        REQUIRE(trySend(c, i));
        REQUIRE(trySend(c, i + 100));
        REQUIRE(tryRecv(c, &v) == 1);
        REQUIRE(v == i);
        REQUIRE(tryRecv(c, &v) == 1);
        REQUIRE(v == i + 100);
    }
    go::detail::chanRelease(c);
}

TEST_CASE("chan: after close, buffered values drain, then zero values with ok=false", "[chan]") {
    setup();
    hchan* c = go::detail::makechan(&go::detail::chantypeOf<int>, 2);
    REQUIRE(trySend(c, 7));
    go::detail::closechan(c);
    int v = -1;
    REQUIRE(tryRecv(c, &v) == 1);
    REQUIRE(v == 7);
    v = -1;
    REQUIRE(tryRecv(c, &v) == 2);
    REQUIRE(v == 0);
    REQUIRE(tryRecv(c, &v) == 2);
    go::detail::chanRelease(c);
}

TEST_CASE("chan: an unbuffered channel with nobody waiting never completes without blocking", "[chan]") {
    setup();
    hchan* c = go::detail::makechan(&go::detail::chantypeOf<int>, 0);
    int v;
    REQUIRE_FALSE(trySend(c, 1));
    REQUIRE(tryRecv(c, &v) == 0);
    go::detail::closechan(c);
    REQUIRE(tryRecv(c, &v) == 2);
    go::detail::chanRelease(c);
}

TEST_CASE("chan: a nil channel is never ready", "[chan]") {
    setup();
    int v = 0;
    REQUIRE_FALSE(trySend(nullptr, 1));
    REQUIRE(tryRecv(nullptr, &v) == 0);
}

TEST_CASE("chan: non-trivial elements are moved in and out, and freed with the channel", "[chan]") {
    setup();
    REQUIRE(Tracked::live == 0);
    {
        go::chan<Tracked> c = go::make_chan<Tracked>(4);
        for (int i = 0; i < 3; i++) c.send(Tracked(i));
        REQUIRE(Tracked::live == 3);  // the buffered ones
        Tracked got = c.recv();
        REQUIRE(got.v == 0);
        REQUIRE(Tracked::live == 3);  // two buffered + got
        go::chan<Tracked> copy = c;   // handles share the channel
        copy.close();
        Tracked a, b, z;
        REQUIRE(c.recv(a));
        REQUIRE(a.v == 1);
        REQUIRE(c.recv(b));
        REQUIRE(b.v == 2);
        REQUIRE_FALSE(c.recv(z));  // closed: T{}
        REQUIRE(z.v == 0);
    }
    REQUIRE(Tracked::live == 0);
    {
        // Values still buffered when the last handle goes are destroyed.
        go::chan<Tracked> c = go::make_chan<Tracked>(8);
        for (int i = 0; i < 5; i++) c.send(Tracked(i));
        REQUIRE(Tracked::live == 5);
    }
    REQUIRE(Tracked::live == 0);
}

TEST_CASE("chan: range stops at close, after the buffered values", "[chan]") {
    setup();
    go::chan<int> c = go::make_chan<int>(5);
    for (int i = 1; i <= 5; i++) c.send(i);
    c.close();
    int sum = 0, n = 0;
    for (int x : c) {
        sum += x;
        n++;
    }
    REQUIRE(n == 5);
    REQUIRE(sum == 15);
}

TEST_CASE("select: default when nothing is ready; nil channels are never ready", "[select]") {
    setup();
    go::chan<int> empty = go::make_chan<int>(1), nilc;
    int v = 0;
    REQUIRE(go::select(go::recv(empty, &v), go::recv(nilc, &v), go::send(nilc, 1), go::default_case) == 3);
    REQUIRE(go::select(go::default_case, go::recv(empty, &v)) == 0);
    REQUIRE(go::select(go::send(empty, 5), go::default_case) == 0);  // buffer has room
    REQUIRE(go::select(go::send(empty, 6), go::default_case) == 1);  // now full
    bool ok = false;
    REQUIRE(go::select(go::recv(empty, &v, &ok), go::default_case) == 0);
    REQUIRE(v == 5);
    REQUIRE(ok);
}

TEST_CASE("select: a closed channel is ready with ok=false", "[select]") {
    setup();
    go::chan<int> c = go::make_chan<int>();
    c.close();
    int v = 9;
    bool ok = true;
    REQUIRE(go::select(go::recv(c, &v, &ok), go::default_case) == 0);
    REQUIRE(v == 0);
    REQUIRE_FALSE(ok);
}

TEST_CASE("select: among ready cases each is chosen about equally often", "[select]") {
    setup();
    go::chan<int> a = go::make_chan<int>(1), b = go::make_chan<int>(1), c = go::make_chan<int>(1);
    int counts[3] = {0, 0, 0};
    constexpr int rounds = 30000;
    for (int i = 0; i < rounds; i++) {
        a.send(1);
        b.send(2);
        c.send(3);
        int v;
        int k = go::select(go::recv(a, &v), go::recv(b, &v), go::recv(c, &v));
        REQUIRE(v == k + 1);
        counts[k]++;
        // Drain the other two.
        bool ok;
        while (go::select(go::recv(a, &v, &ok), go::recv(b, &v, &ok), go::recv(c, &v, &ok), go::default_case) != 3) {
        }
    }
    for (int k = 0; k < 3; k++) {
        INFO("case " << k << " chosen " << counts[k] << " times");
        REQUIRE(counts[k] > rounds / 3 * 0.9);
        REQUIRE(counts[k] < rounds / 3 * 1.1);
    }
}

TEST_CASE("select: the same channel in several cases, sends and receives mixed", "[select]") {
    setup();
    go::chan<int> c = go::make_chan<int>(1);
    int v;
    std::set<int> seen;
    for (int i = 0; i < 200; i++) {
        // Empty: only the two sends are ready.
        int k = go::select(go::recv(c, &v), go::send(c, 10), go::send(c, 20));
        REQUIRE((k == 1 || k == 2));
        seen.insert(k);
        // Full: only the receive is ready.
        REQUIRE(go::select(go::send(c, 30), go::recv(c, &v)) == 1);
        REQUIRE(v == (k == 1 ? 10 : 20));
    }
    REQUIRE(seen.size() == 2);
}
