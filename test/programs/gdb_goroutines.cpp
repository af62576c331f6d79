// A program for gdb (tools/test_gdb.sh): main parks 100 goroutines on five
// kinds of wait, then calls gdbBreakHere, where gdb stops it and checks that
// `info goroutines` lists all 100 with the right wait reasons and that
// `goroutine N bt` walks one of them back through its function. Run alone,
// it releases them all and prints ok.
//! env: GOMAXPROCS=2
//! stdout: ok
#include "go.h"
#include "testutil.h"

static go::sync::Mutex mu;
static go::sync::WaitGroup done, gate;

// Each kind of goroutine has a function of its own, for the backtrace.
__attribute__((noinline)) void gdbWaitRecv(go::chan<int> c) {
    c.recv();
    asm volatile("");
}
__attribute__((noinline)) void gdbWaitSend(go::chan<int> c) {
    c.send(1);
    asm volatile("");
}
__attribute__((noinline)) void gdbWaitMutex() {
    mu.Lock();
    mu.Unlock();
    asm volatile("");
}
__attribute__((noinline)) void gdbWaitSleep() {
    go::time::Sleep(60 * go::time::Second);  // main ends the program before it wakes
    asm volatile("");
}
__attribute__((noinline)) void gdbWaitGroup() {
    gate.Wait();
    asm volatile("");
}

// gdb's breakpoint: every goroutine above is parked when main calls it.
__attribute__((noinline)) void gdbBreakHere() { asm volatile(""); }

int main() {
    auto recvc = go::make_chan<int>(), sendc = go::make_chan<int>();
    mu.Lock();
    gate.Add(1);
    constexpr int recvs = 40, sends = 20, mutexes = 20, sleeps = 10, groups = 10;
    done.Add(recvs + sends + mutexes + groups);
    for (int i = 0; i < recvs; i++) go::go([recvc] { gdbWaitRecv(recvc), done.Done(); });
    for (int i = 0; i < sends; i++) go::go([sendc] { gdbWaitSend(sendc), done.Done(); });
    for (int i = 0; i < mutexes; i++) go::go([] { gdbWaitMutex(), done.Done(); });
    for (int i = 0; i < sleeps; i++) go::go([] { gdbWaitSleep(); });
    for (int i = 0; i < groups; i++) go::go([] { gdbWaitGroup(), done.Done(); });
    // While main sleeps, every runnable goroutine runs to its park.
    CHECK_EQ(go::NumGoroutine(), 101);
    go::time::Sleep(100 * go::time::Millisecond);
    gdbBreakHere();
    for (int i = 0; i < recvs; i++) recvc.send(i);
    for (int i = 0; i < sends; i++) sendc.recv();
    mu.Unlock();
    gate.Done();
    done.Wait();
    t::ok();
}
