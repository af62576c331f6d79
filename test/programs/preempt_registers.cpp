// Asynchronous preemption saves and restores every register, SSE included:
// three goroutines on one P run call-free loops over doubles and integers
// for about 300 ms each, being preempted again and again, and check every
// chunk of results against its closed form (all values exact in a double).
//! env: GOMAXPROCS=1
//! stdout: ok
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

constexpr int64_t M = 1 << 20;  // iterations per chunk
static int finished;
static int64_t chunks[3];

static void crunch(int id) {
    int64_t end = t::monoMillis() + 300;
    while (t::monoMillis() < end) {
        double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        uint64_t s0 = 0, s1 = 0, s2 = 0;
        for (int64_t i = 0; i < M; i++) {
            double x = (double)i;
            d0 += x * 1.5;
            d1 += x * 0.25;
            d2 += x * 3.0;
            d3 -= x;
            s0 += (uint64_t)i * (uint64_t)i;
            s1 ^= (uint64_t)i * 0x9E3779B97F4A7C15ull;
            s2 += (uint64_t)(i & 7);
        }
        const double sum = (double)(M * (M - 1) / 2);  // exact
        CHECK_MSG(d0 == sum * 1.5 && d1 == sum * 0.25 && d2 == sum * 3.0 && d3 == -sum,
                  "floating-point state corrupted across preemption");
        CHECK_EQ(s0, (uint64_t)(M - 1) * M * (2 * M - 1) / 6);
        uint64_t x = 0;
        for (int64_t i = 0; i < M; i++) x ^= (uint64_t)i * 0x9E3779B97F4A7C15ull;  // the same loop again
        CHECK_EQ(s1, x);
        CHECK_EQ(s2, M / 8 * 28);
        chunks[id]++;
    }
    ATOMIC_ADD(&finished, 1);
}

int main() {
    for (int id = 0; id < 3; id++) go::go(crunch, id);
    CHECK(t::waitFor([] { return ATOMIC_LOAD(&finished) == 3; }, 60000));
    for (int id = 0; id < 3; id++) CHECK(chunks[id] > 0);
    t::ok();
    return 0;
}
