// switch: the raw cost of a goroutine switch, our `gogo` pair. GOMAXPROCS=1,
// so nothing runs in parallel and no thread ever sleeps or wakes:
//
//   mode=gosched  two goroutines call Gosched 1,000,000 times each. Each call is
//                 mcall -> gosched_m (the G goes to the global run queue) ->
//                 schedule -> execute -> gogo of the other G.
//   mode=chan     two goroutines bounce an int over two unbuffered channels,
//                 500,000 round trips. The sender finds the receiver parked,
//                 copies the value to it and readies it into runnext; then it
//                 blocks on its own receive (gopark), and schedule takes the
//                 runnext G at once: the handoff path of every channel program.
//
// Metric: ns per switch (wall time / number of switches; a round trip is two).
#include "bench.h"

constexpr int Yields = 1000000, Trips = 500000;

static double gosched() {
    go::sync::WaitGroup wg;
    wg.Add(2);
    int64_t t0 = go::time::Now();
    for (int k = 0; k < 2; k++)
        go::go([&wg] {
            for (int i = 0; i < Yields; i++) go::Gosched();
            wg.Done();
        });
    wg.Wait();
    return (double)(go::time::Now() - t0) / (2.0 * Yields);
}

static double chan() {
    auto ping = go::make_chan<int>(), pong = go::make_chan<int>();
    go::sync::WaitGroup wg;
    wg.Add(1);
    int64_t t0 = go::time::Now();
    go::go([=, &wg] {
        for (int i = 0; i < Trips; i++) pong.send(ping.recv() + 1);
        wg.Done();
    });
    int v = 0;
    for (int i = 0; i < Trips; i++) {
        ping.send(v);
        v = pong.recv();
    }
    wg.Wait();
    if (v != Trips) go::panic("switch: wrong count");
    return (double)(go::time::Now() - t0) / (2.0 * Trips);
}

int main(int argc, char** argv) {
    go::GOMAXPROCS(1);
    const char* mode = argc > 1 ? argv[1] : "gosched";
    if (mode[0] == 'c') bench::report("switch-chan", "ns/switch", chan());
    else bench::report("switch-gosched", "ns/switch", gosched());
    return 0;
}
