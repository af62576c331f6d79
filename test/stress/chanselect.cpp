// Stress: producers and consumers in selects on a channel while a done
// channel is closed under them; goroutines end by returning, by Goexit, or
// park in a select that close wakes. Invariants: every value a producer's
// send case won is received exactly once (count and sum, the leftovers
// drained from the buffer), every goroutine finishes, no fatal error.
#include "stress.h"

using namespace go;

static int64_t sentN, sentSum, recvN, recvSum, rounds;

static void round(stress::Rand& r) {
    int producers = 1 + (int)r.below(6), consumers = 1 + (int)r.below(6);
    chan<int64_t> c = make_chan<int64_t>((int)r.below(4));
    chan<int> done = make_chan<int>();
    sync::WaitGroup wg;
    uint64_t base = r.next();
    for (int p = 0; p < producers; p++) {
        wg.Add(1);
        go::go([&, p] {
            stress::Rand pr(base, (uint64_t)p);
            bool viaGoexit = pr.chance(30);
            for (;;) {
                int64_t v = (int64_t)pr.below(1 << 20);
                int d;
                if (select(send(c, v), recv(done, &d)) == 1) break;
                ATOMIC_ADD(&sentN, 1);
                ATOMIC_ADD(&sentSum, v);
                if (pr.chance(5)) Gosched();
            }
            wg.Done();
            if (viaGoexit) Goexit();
        });
    }
    for (int k = 0; k < consumers; k++) {
        wg.Add(1);
        go::go([&, k] {
            stress::Rand cr(base, 100 + (uint64_t)k);
            bool viaGoexit = cr.chance(30);
            int64_t v;
            int d;
            for (;;) {
                if (select(recv(c, &v), recv(done, &d)) == 1) break;
                ATOMIC_ADD(&recvN, 1);
                ATOMIC_ADD(&recvSum, v);
            }
            wg.Done();
            if (viaGoexit) Goexit();
        });
    }
    time::Sleep((time::Duration)r.below(2000) * time::Microsecond);
    done.close();
    wg.Wait();
    int64_t v;
    while (select(recv(c, &v), default_case) == 0) {  // what the buffer still holds
        recvN++;
        recvSum += v;
    }
    STRESS_CHECK(ATOMIC_LOAD(&recvN) == ATOMIC_LOAD(&sentN), "values received", recvN, sentN);
    STRESS_CHECK(ATOMIC_LOAD(&recvSum) == ATOMIC_LOAD(&sentSum), "sum of values", recvSum, sentSum);
    // A closed channel in a select with a blocked case: close wakes it.
    chan<int> never = make_chan<int>(), closing = make_chan<int>();
    go::go([closing] { closing.close(); });
    int x;
    bool okv = true;
    STRESS_CHECK(select(recv(never, &x), recv(closing, &x, &okv)) == 1 && !okv, "select on a closed channel", 0, 1);
}

int main() {
    stress::Rand r(stress::seed());
    while (!stress::timeUp()) {
        round(r);
        rounds++;
    }
    STRESS_CHECK(rounds > 0, "no round ran", rounds, 1);
    t::waitFor([] { return NumGoroutine() == 1; }, 5000);
    STRESS_CHECK(NumGoroutine() == 1, "goroutines left over", NumGoroutine(), 1);
    stress::ok("rounds", rounds);
    return 0;
}
