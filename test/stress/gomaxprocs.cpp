// Stress: GOMAXPROCS changed from several goroutines at once while workers
// pass tokens around a ring of channels and others spin. Invariants: every
// token sent is received exactly once (count and sum), every GOMAXPROCS call
// returns a value it could have been, no hang, no fatal error.
#include "stress.h"

using namespace go;

constexpr int ringSize = 16;
static int64_t received, receivedSum, sentSum, calls;
static int stopSpin;

int main() {
    stress::Rand r0(stress::seed(), 0);
    int changers = 2 + (int)r0.below(3);
    chan<int64_t> ring[ringSize];
    for (auto& c : ring) c = make_chan<int64_t>((int)r0.below(3));
    sync::WaitGroup wg, spinners, ringDone;
    // The ring: goroutine i forwards from ring[i] to ring[i+1] until it reads -1.
    for (int i = 0; i < ringSize; i++) {
        ringDone.Add(1);
        go::go([&, i] {
            for (;;) {
                int64_t v = ring[i].recv();
                if (v < 0) {
                    if (i + 1 < ringSize) ring[i + 1].send(v);
                    break;
                }
                if (i + 1 < ringSize) ring[i + 1].send(v);
                else {
                    ATOMIC_ADD(&received, 1);
                    ATOMIC_ADD(&receivedSum, v);
                }
            }
            ringDone.Done();
        });
    }
    for (int s = 0; s < 2; s++) {
        spinners.Add(1);
        go::go([&] {
            volatile uint64_t x = 1;
            while (!ATOMIC_LOAD(&stopSpin)) x = x * 3 + 1;
            spinners.Done();
        });
    }
    for (int c = 0; c < changers; c++) {
        wg.Add(1);
        go::go([&, c] {
            stress::Rand r(stress::seed(), (uint64_t)c + 1);
            while (!stress::timeUp()) {
                int prev = GOMAXPROCS(1 + (int)r.below(8));
                STRESS_CHECK(prev >= 1 && prev <= 8, "GOMAXPROCS returned", prev, 8);
                ATOMIC_ADD(&calls, 1);
                if (r.chance(30)) time::Sleep((time::Duration)r.below(200) * time::Microsecond);
                else Gosched();
            }
            wg.Done();
        });
    }
    int64_t sent = 0;
    stress::Rand rs(stress::seed(), 100);
    while (!stress::timeUp()) {
        int64_t v = (int64_t)rs.below(1000);
        ring[0].send(v);
        sentSum += v;
        sent++;
    }
    ring[0].send(-1);
    ringDone.Wait();
    wg.Wait();
    ATOMIC_STORE(&stopSpin, 1);
    spinners.Wait();
    STRESS_CHECK(received == sent, "tokens received", received, sent);
    STRESS_CHECK(receivedSum == sentSum, "sum of tokens", receivedSum, sentSum);
    stress::ok("gomaxprocs-calls", calls);
    return 0;
}
