// A traced program that ends by go::os::Exit(3), with goroutines still
// running and parked: the trace must be written all the same (runtime's
// exit -> traceFlushAtExit; docs/trace.md says how and where this diverges
// from Go). Here: the exit status, the output, and no complaint on stderr;
// tools/test_debug.sh runs it with TRACE_OUT set and checks that the file
// parses, passes tracesvg --check, and holds the last goroutine started
// before the exit (startLastWorker's).
//! exit: 3
//! stdout: exiting
//! stderr-empty
//! qemu-timeout: 60
#include "go.h"
#include "testutil.h"

static void startLastWorker(go::chan<int> never, go::chan<int> started) {
    go::go([=] {
        started.send(1);
        never.recv();  // parked when os::Exit runs
    });
}

int main() {
    const char* out = go::os::Getenv("TRACE_OUT");
    CHECK(go::trace::Start(out ? out : "trace_exit.json"));
    auto ping = go::make_chan<int>(), pong = go::make_chan<int>();
    go::go([=] {
        for (int i = 0; i < 1000; i++) pong.send(ping.recv());
    });
    for (int i = 0; i < 1000; i++) {
        ping.send(i);
        CHECK_EQ(pong.recv(), i);
    }
    auto never = go::make_chan<int>(), started = go::make_chan<int>();
    startLastWorker(never, started);
    started.recv();
    go::go([] { for (;;) go::Gosched(); });  // still running at the exit
    go::fmt::Println("exiting");
    go::os::Exit(3);
}
