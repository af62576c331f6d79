// Preemption of a goroutine whose every call crosses a stack segment
// boundary: with GODEBUG=asyncpreemptoff=1 there is no signal, so sysmon's
// request (stackguard0 = stackPreempt) must reach the goroutine through the
// prologue checks even though __morestack's fast path rewrites the guard on
// every crossing and return (a request it overwrites is re-armed from
// g.preempt: docs/stacks.md). main, on the same single P, gets back.
//! env: GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1
//! stdout: ok
//! env-native: BUDGET_MS=2000
//! env-qemu: BUDGET_MS=20000
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

static volatile uint64_t counter;

// 6 KB: never fits in what the spinner's 2 KB first segment has left.
__attribute__((noinline)) static void tick6k() {
    volatile char buf[6 * 1024];
    buf[counter & 1023] = 1;
    counter = counter + buf[counter & 1023];
    asm volatile("" ::: "memory");
}

int main() {
    const int64_t budget = t::envInt("BUDGET_MS", 2000);
    int64_t t0 = t::monoMillis();
    go::go([] {
        for (;;) tick6k();
    });
    for (int round = 0; round < 5; round++) {
        uint64_t c = counter;
        go::Gosched();  // the spinner runs until sysmon preempts it
        CHECK_MSG(t::waitFor([c] { return counter > c; }, budget), "the spinner should keep running");
    }
    int64_t ms = t::monoMillis() - t0;
    t::Line().s("main got the P back 5 times; ").i(ms).s(" ms in all").out(2);
    CHECK_RANGE(ms, 0, 5 * budget);
    t::ok();
    return 0;
}
