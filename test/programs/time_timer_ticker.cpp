// time::Timer and time::Ticker, as Go's: a timer fires once on C; Stop
// before it fires reports true and nothing arrives; Reset re-arms it; a
// ticker delivers ticks at its period until stopped.
//! stdout: ok
//! timeout: 10
#include "go.h"
#include "testutil.h"

using namespace go;

int main() {
    int64_t t0 = time::Now();
    {
        time::Timer t(20 * time::Millisecond);
        int64_t fired = t.C.recv();
        CHECK(fired - t0 >= 20 * time::Millisecond);
        CHECK_MSG(!t.Stop(), "Stop after the timer fired reports false");
    }
    {
        time::Timer t(50 * time::Millisecond);
        CHECK_MSG(t.Stop(), "Stop before it fires reports true");
        int v = go::select(go::recv(t.C), go::recv(time::After(100 * time::Millisecond)));
        CHECK_MSG(v == 1, "a stopped timer sends nothing");
        int64_t r0 = time::Now();  // before Reset, which takes its deadline from the clock
        CHECK_MSG(!t.Reset(10 * time::Millisecond), "Reset of a stopped timer reports false");
        t.C.recv();
        CHECK(time::Since(r0) >= 10 * time::Millisecond);
    }
    {
        int64_t start = time::Now(), prev = start;  // before the ticker starts its clock
        time::Ticker tk(10 * time::Millisecond);
        for (int i = 0; i < 5; i++) {
            int64_t tick = tk.C.recv();
            CHECK(tick >= prev);
            prev = tick;
        }
        CHECK(time::Since(start) >= 50 * time::Millisecond);
        tk.Stop();
        int v = go::select(go::recv(tk.C), go::recv(time::After(50 * time::Millisecond)));
        // One tick may already have been buffered before Stop; after it, nothing.
        if (v == 0) v = go::select(go::recv(tk.C), go::recv(time::After(50 * time::Millisecond)));
        CHECK_MSG(v == 1, "a stopped ticker sends nothing more");
    }
    t::ok();
    return 0;
}
