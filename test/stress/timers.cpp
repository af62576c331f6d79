// Stress: timers and tickers created, reset, stopped and destroyed from many
// goroutines at once, while other goroutines sleep. Invariants: a Timer
// whose Stop reported true delivers nothing; one whose Stop reported false
// (it fired) delivers exactly one value; after a Ticker's Stop and a drain,
// no tick arrives; a Reset timer fires once, not before its deadline; no
// fatal error (a use-after-free shows up as one).
#include "stress.h"

using namespace go;

static int64_t ops, fired;

static void worker(int id) {
    stress::Rand r(stress::seed(), (uint64_t)id);
    int64_t v;
    while (!stress::timeUp()) {
        switch (r.below(5)) {
        case 0: {  // a timer stopped at a random moment
            time::Timer tm((time::Duration)r.below(50) * time::Microsecond);
            if (r.chance(50)) time::Sleep((time::Duration)r.below(60) * time::Microsecond);
            if (tm.Stop()) {
                for (int y = 0; y < 3; y++) Gosched();
                STRESS_CHECK(select(recv(tm.C, &v), default_case) == 1, "a stopped timer delivered", 1, 0);
            } else {
                tm.C.recv();  // it fired: exactly one value, maybe still on its way
                ATOMIC_ADD(&fired, 1);
                STRESS_CHECK(select(recv(tm.C, &v), default_case) == 1, "a timer delivered twice", 2, 1);
            }
            break;
        }
        case 1: {  // a ticker destroyed while it may be firing
            time::Ticker tk((time::Duration)(1 + r.below(20)) * time::Microsecond);
            int n = (int)r.below(3);
            for (int i = 0; i < n; i++) tk.C.recv();
            if (r.chance(50)) {
                tk.Stop();
                select(recv(tk.C, &v), default_case);
                for (int y = 0; y < 3; y++) Gosched();
                STRESS_CHECK(select(recv(tk.C, &v), default_case) == 1, "a tick after Stop and drain", 1, 0);
            }
            break;
        }
        case 2: {  // Reset, then it fires once, not early
            time::Timer tm(time::Hour);
            int64_t start = time::Now();
            time::Duration d = (time::Duration)r.below(200) * time::Microsecond;
            tm.Reset(d);
            int64_t at = tm.C.recv();
            STRESS_CHECK(at - start >= d, "a reset timer fired early", at - start, d);
            break;
        }
        case 3: {  // Ticker Reset while running
            time::Ticker tk(time::Millisecond);
            tk.Reset((time::Duration)(1 + r.below(30)) * time::Microsecond);
            tk.C.recv();
            break;
        }
        default:
            time::Sleep((time::Duration)r.below(100) * time::Microsecond);
            select(recv(time::After((time::Duration)r.below(50) * time::Microsecond), &v), default_case);
        }
        ATOMIC_ADD(&ops, 1);
    }
}

int main() {
    int n = 4 + (int)stress::Rand(stress::seed(), 999).below(12);
    sync::WaitGroup wg;
    for (int i = 0; i < n; i++) {
        wg.Add(1);
        go::go([&wg, i] {
            worker(i);
            wg.Done();
        });
    }
    wg.Wait();
    STRESS_CHECK(ops > 0, "no operation ran", ops, 1);
    stress::ok("timer-ops", ops);
    return 0;
}
