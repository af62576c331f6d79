// Element types beyond int: a struct with several fields, a large struct
// (1 KB) by value, pointers, a move-only type (an owning pointer written
// here: no STL), a type with a counting destructor (every constructed value
// is destroyed exactly once, none leaked, none twice), and channels of
// channels. Unbuffered and buffered, with the goroutine on the other side.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"
#include "testutil.h"

struct Point {
    int x, y;
    double w;
    const char* name;
};

struct Big {
    int64_t v[128];
};

// Move-only owner of an int on the heap.
class Owned {
public:
    Owned() = default;
    explicit Owned(int v) : p_(new int(v)) {}
    Owned(Owned&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
    Owned& operator=(Owned&& o) noexcept {
        if (this != &o) {
            delete p_;
            p_ = o.p_;
            o.p_ = nullptr;
        }
        return *this;
    }
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    ~Owned() { delete p_; }
    int get() const { return p_ ? *p_ : -1; }

private:
    int* p_ = nullptr;
};

// Counts live instances: constructions minus destructions.
static int64_t live;
struct Counted {
    int v = 0;
    Counted() { ATOMIC_ADD(&live, 1); }
    explicit Counted(int v) : v(v) { ATOMIC_ADD(&live, 1); }
    Counted(const Counted& o) : v(o.v) { ATOMIC_ADD(&live, 1); }
    Counted(Counted&& o) noexcept : v(o.v) { ATOMIC_ADD(&live, 1); }
    Counted& operator=(const Counted&) = default;
    Counted& operator=(Counted&&) = default;
    ~Counted() { ATOMIC_ADD(&live, -1); }
};

template <class T, class Make, class Check> void roundTrip(int cap, Make make, Check check) {
    auto c = go::make_chan<T>(cap);
    go::go([c, make] {
        for (int i = 0; i < 100; i++) c.send(make(i));
        c.close();
    });
    int i = 0;
    for (auto& v : c) check(v, i++);
    CHECK_EQ(i, 100);
}

int main() {
    static const int caps[] = {0, 1, 16};
    for (int cap : caps) {
        roundTrip<Point>(cap, [](int i) { return Point{i, -i, i * 0.5, "pt"}; },
                         [](Point& p, int i) {
                             CHECK_EQ(p.x, i);
                             CHECK_EQ(p.y, -i);
                             CHECK(p.w == i * 0.5);
                             CHECK_STREQ(p.name, "pt");
                         });
        roundTrip<Big>(cap,
                       [](int i) {
                           Big b;
                           for (int k = 0; k < 128; k++) b.v[k] = (int64_t)i * 1000 + k;
                           return b;
                       },
                       [](Big& b, int i) {
                           for (int k = 0; k < 128; k++) CHECK_EQ(b.v[k], (int64_t)i * 1000 + k);
                       });
        static int targets[100];
        roundTrip<int*>(cap, [](int i) { return &targets[i]; }, [](int*& p, int i) { CHECK(p == &targets[i]); });
        roundTrip<Owned>(cap, [](int i) { return Owned(i); }, [](Owned& o, int i) { CHECK_EQ(o.get(), i); });
        {
            roundTrip<Counted>(cap, [](int i) { return Counted(i); }, [](Counted& c, int i) { CHECK_EQ(c.v, i); });
        }
        CHECK_EQ(ATOMIC_LOAD(&live), 0);
    }

    // Move-only values through select, both directions.
    {
        auto c = go::make_chan<Owned>(1);
        CHECK_EQ(go::select(go::send(c, Owned(5)), go::default_case), 0);
        Owned o;
        bool ok = false;
        CHECK_EQ(go::select(go::recv(c, &o, &ok)), 0);
        CHECK(ok);
        CHECK_EQ(o.get(), 5);
        c.close();
        CHECK(!c.recv(o));
        CHECK_EQ(o.get(), -1);  // T{} from a closed channel
    }

    // Values left in a buffer when the last handle goes are destroyed.
    {
        auto c = go::make_chan<Counted>(8);
        for (int i = 0; i < 5; i++) c.send(Counted(i));
        CHECK_EQ(ATOMIC_LOAD(&live), 5);
    }
    CHECK_EQ(ATOMIC_LOAD(&live), 0);

    // A channel of channels: requests carry their reply channel.
    {
        auto requests = go::make_chan<go::chan<int>>();
        go::go([requests] {
            int n = 0;
            for (auto reply : requests) reply.send(++n * 10);
        });
        for (int i = 1; i <= 10; i++) {
            auto reply = go::make_chan<int>();
            requests.send(reply);
            CHECK_EQ(reply.recv(), i * 10);
        }
        requests.close();
    }
    t::ok();
    return 0;
}
