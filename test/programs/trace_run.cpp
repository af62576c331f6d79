// The execution tracer through go::trace: Start and Stop around a workload
// that makes every kind of event (goroutines created, blocked on channels,
// a mutex, sleeps and a WaitGroup and unblocked, system calls that block
// long enough for sysmon to hand their P off, a spinning goroutine that
// sysmon preempts, GOMAXPROCS changes, steals between Ps), then the API's
// edges: a second Start fails, Stop writes the file, a second Stop and a
// Start on a path that cannot be created fail. tools/test.sh's trace step
// runs this program again (TRACE_OUT set, and with GODEBUG=tracefile) and
// checks the files with tools/tracesvg --check.
//! env: GOMAXPROCS=2
//! stdout: ok
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

static go::sync::Mutex mu;
static int counter;
static volatile bool stopSpin;

static void finish(go::sync::WaitGroup* wg) {
    go::time::Sleep(1 * go::time::Millisecond);
    mu.Lock();
    counter++;
    mu.Unlock();
    wg->Done();
}

static void workload() {
    go::sync::WaitGroup wg;
    // A spinner that only preemption can stop sharing its P.
    wg.Add(1);
    go::go([&wg] {
        uint64_t x = 1;
        while (!ATOMIC_LOAD(&stopSpin)) x = x * 6364136223846793005ull + 1;
        wg.Done();
    });
    // Fifty pairs passing a number back and forth.
    constexpr int pairs = 50;
    for (int i = 0; i < pairs; i++) {
        auto a = go::make_chan<int>(), b = go::make_chan<int>();
        wg.Add(2);
        go::go([a, b, &wg] {
            for (int k = 0; k < 20; k++) b.send(a.recv() + 1);
            finish(&wg);
        });
        go::go([a, b, &wg] {
            int v = 0;
            for (int k = 0; k < 20; k++) a.send(v), v = b.recv();
            CHECK_EQ(v, 20);
            finish(&wg);
        });
    }
    // A read that blocks for 30 ms in the kernel: sysmon hands its P off.
    int fd = t::timerfdMillis(30);
    CHECK(fd >= 0);
    uint64_t ticks;
    CHECK_EQ(go::os::Read(fd, &ticks, sizeof ticks), (long)sizeof ticks);
    go::GOMAXPROCS(3);
    go::time::Sleep(5 * go::time::Millisecond);
    go::GOMAXPROCS(2);
    ATOMIC_STORE(&stopSpin, true);
    wg.Wait();
    CHECK_EQ(counter, 2 * pairs);
}

int main() {
    const char* out = go::os::Getenv("TRACE_OUT");
    bool fromEnv = go::os::Getenv("GODEBUG") != nullptr;  // tracing since the boot already
    if (out == nullptr) out = "trace_run.json";
    if (!fromEnv) {
        CHECK(go::trace::Start(out));
        CHECK(!go::trace::Start(out));  // already on
    }
    workload();
    if (!fromEnv) {
        CHECK(go::trace::Stop());
        CHECK(!go::trace::Stop());  // already off
        CHECK(!go::trace::Start("/nonexistent-dir/trace.json"));
        char head[64] = {};
        CHECK(t::readFile(out, head, sizeof head - 1) > 0);
        CHECK(t::hasPrefix(head, "{\"displayTimeUnit\":\"ns\""));
    }
    t::ok();
}
