// A function-local static raced by 1,000 goroutines is constructed exactly
// once (pkg/cxx/guard.cpp), and every goroutine sees the finished object.
// The constructor sleeps 200 ms: the goroutines that arrive meanwhile park
// until it is done (no thread or CPU spins for them: the process uses far
// less CPU time than the wait lasts), and the main goroutine, which arrives
// too, waits the same way.
//! stdout: ok
//! runs: GOMAXPROCS=4 ; GOMAXPROCS=1
//! env-native: CPU_BUDGET_US=100000
//! env-qemu: CPU_BUDGET_US=400000
#include "go.h"
#include "testutil.h"

static int constructed;  // [atomic]
static int arrived;      // [atomic]

struct Slow {
    int value;
    const Slow* self;
    Slow() : self(this) {
        ATOMIC_ADD(&constructed, 1);
        go::time::Sleep(200 * go::time::Millisecond);
        value = 42;
    }
};

__attribute__((noinline)) const Slow& instance() {
    ATOMIC_ADD(&arrived, 1);
    static Slow s;
    return s;
}

int main() {
    const int n = 1000;
    static const Slow* seen[n];
    static int values[n];
    go::sync::WaitGroup wg;
    int64_t cpu0 = t::cpuMicros();
    for (int i = 0; i < n; i++) {
        wg.Add(1);
        go::go([i, &wg] {
            const Slow& s = instance();
            seen[i] = s.self;
            values[i] = s.value;
            wg.Done();
        });
    }
    go::Gosched();
    const Slow& mine = instance();
    wg.Wait();
    int64_t cpu = t::cpuMicros() - cpu0;
    CHECK_EQ(ATOMIC_LOAD(&constructed), 1);
    CHECK_EQ(ATOMIC_LOAD(&arrived), n + 1);
    for (int i = 0; i < n; i++) {
        CHECK(seen[i] == &mine);
        CHECK_EQ(values[i], 42);
    }
    CHECK_RANGE(cpu, 0, t::envInt("CPU_BUDGET_US", 100000));
    t::ok();
}
