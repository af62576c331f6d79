// A traced program that panics, with other goroutines running and parked:
// the trace must be written after the panic's message (runtime's exit ->
// traceFlushAtExit; docs/trace.md says how and where this diverges from
// Go). Traced by go::trace::Start here, unless GODEBUG=tracefile traces it
// from the boot: tools/test_debug.sh runs it so and checks that the file
// parses, passes tracesvg --check, and holds the panicking goroutine
// (startPanicker's).
//! exit: 2
//! stderr-contains: panic: trace_panic: boom
//! stderr-contains: goroutine
//! stdout-empty
//! qemu-timeout: 60
#include "go.h"
#include "testutil.h"

static void startPanicker(go::chan<int> never) {
    go::go([=] {
        go::time::Sleep(1 * go::time::Millisecond);
        go::panic("trace_panic: boom");
        never.send(1);
    });
}

int main() {
    const char* godebug = go::os::Getenv("GODEBUG");
    if (godebug == nullptr || !t::hasPrefix(godebug, "tracefile=")) {
        const char* out = go::os::Getenv("TRACE_OUT");
        CHECK(go::trace::Start(out ? out : "trace_panic.json"));
    }
    go::sync::WaitGroup wg;  // more than one buffer of events before the panic
    wg.Add(200);
    for (int i = 0; i < 200; i++)
        go::go([&wg] {
            for (int k = 0; k < 5; k++) go::Gosched();
            wg.Done();
        });
    wg.Wait();
    auto never = go::make_chan<int>();
    startPanicker(never);
    go::go([] { for (;;) go::Gosched(); });  // still running at the panic
    never.recv();
}
