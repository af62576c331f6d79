// With GODEBUG=asyncpreemptoff=1 there is no signal: a spinning goroutine is
// preempted cooperatively, at the stack check in the prologue of a function
// it calls on every iteration (Go's stackguard0 = stackPreempt). main, on
// the same single P, gets back and exits 0.
//! env: GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1
//! stdout: ok
//! env-native: BUDGET_MS=2000
//! env-qemu: BUDGET_MS=20000
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

static volatile uint64_t counter;

// Not inlined: its prologue (-fsplit-stack) is the preemption point.
__attribute__((noinline)) static void tick() {
    counter = counter + 1;
    asm volatile("" ::: "memory");
}

int main() {
    const int64_t budget = t::envInt("BUDGET_MS", 2000);
    int64_t t0 = t::monoMillis();
    go::go([] {
        for (;;) tick();
    });
    go::Gosched();
    CHECK_MSG(t::waitFor([] { return counter > 0; }, budget), "the spinner should have run");
    uint64_t c = counter;
    go::Gosched();
    CHECK_MSG(t::waitFor([c] { return counter > c; }, budget), "the spinner should keep running");
    int64_t ms = t::monoMillis() - t0;
    t::Line().s("main got the P back; ").i(ms).s(" ms in all").out(2);
    CHECK_RANGE(ms, 0, budget);
    t::ok();
    return 0;
}
