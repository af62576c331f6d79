// A move-only value moved into a select send case is moved into the channel
// only if that case runs; otherwise the caller keeps it. Lvalues are copied.
//! stdout: ok
#include "go.h"
#include "testutil.h"

struct Box {
    int* p = nullptr;
    Box() = default;
    explicit Box(int v) : p(new int(v)) {}
    Box(Box&& o) noexcept : p(o.p) { o.p = nullptr; }
    Box& operator=(Box&& o) noexcept {
        delete p;
        p = o.p;
        o.p = nullptr;
        return *this;
    }
    ~Box() { delete p; }
};

int main() {
    auto never = go::make_chan<Box>();  // nobody receives: its send case is never ready
    auto ready = go::make_chan<int>(1);
    ready.send(1);
    Box b(42);
    int v = 0;
    CHECK_EQ(go::select(go::send(never, std::move(b)), go::recv(ready, &v)), 1);
    CHECK_MSG(b.p != nullptr && *b.p == 42, "the value stays with the caller when its case does not run");
    auto buf = go::make_chan<Box>(1);
    CHECK_EQ(go::select(go::send(buf, std::move(b)), go::default_case), 0);
    CHECK_MSG(b.p == nullptr, "the value moved when its case ran");
    Box got = buf.recv();
    CHECK(got.p != nullptr && *got.p == 42);
    int x = 7;
    auto lc = go::make_chan<long>(1);
    CHECK_EQ(go::select(go::send(lc, x)), 0);  // converted, and x is copied
    CHECK_EQ(lc.recv(), 7);
    CHECK_EQ(x, 7);
    t::ok();
    return 0;
}
