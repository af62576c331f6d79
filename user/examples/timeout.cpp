// Timeouts and tickers: select between a result and time::After, so a slow
// worker cannot hold the caller up; and a time::Ticker loop that runs until
// a done channel is closed.
//
// Go's idioms (Go by Example, "Timeouts" and "Tickers"):
//
//     c := make(chan string, 1)
//     go func() { time.Sleep(2 * time.Second); c <- "result" }()
//     select {
//     case res := <-c:
//         fmt.Println(res)
//     case <-time.After(100 * time.Millisecond):
//         fmt.Println("timeout")
//     }
//
//     ticker := time.NewTicker(20 * time.Millisecond)
//     defer ticker.Stop()
//     for {
//         select {
//         case <-done:
//             return
//         case <-ticker.C:
//             ...
//         }
//     }
//
// Every line printed is the same on every run: the slow worker is 20 times
// slower than its deadline, the fast one 100 times faster than its own.
#include "go.h"

using namespace go;

// Starts a worker that needs d to compute its answer. The channel has room
// for one value, so the worker can deliver it and exit even if nobody is
// listening any more (Go's advice; an unbuffered channel would leave it
// blocked forever).
chan<const char*> work(time::Duration d, const char* answer) {
    auto c = make_chan<const char*>(1);
    go::go([c, d, answer] {
        time::Sleep(d);
        c.send(answer);
    });
    return c;
}

// Waits for the worker at most limit.
void call(time::Duration d, time::Duration limit) {
    auto c = work(d, "result");
    const char* res;
    switch (select(recv(c, &res), recv(time::After(limit)))) {
    case 0:
        fmt::Println("got", res);
        break;
    case 1:
        fmt::Printf("timeout after %d ms\n", limit / time::Millisecond);
        break;
    }
}

int main() {
    call(2 * time::Second, 100 * time::Millisecond);   // slow: the timeout wins
    call(10 * time::Millisecond, 1 * time::Second);     // fast: the result wins

    // A heartbeat: every tick goes to main on beats, until done is closed.
    // The ticker belongs to the goroutine and is stopped when it returns
    // (its destructor), as Go's deferred ticker.Stop() would.
    auto done = make_chan<bool>();
    auto beats = make_chan<int>();
    auto finished = make_chan<bool>();
    int64_t start = time::Now();
    go::go([done, beats, finished] {
        time::Ticker ticker(20 * time::Millisecond);
        int n = 0;
        for (bool running = true; running;) {
            int64_t t;
            switch (select(recv(done), recv(ticker.C, &t))) {
            case 0:  // done was closed
                running = false;
                break;
            case 1:
                n++;
                // Deliver the beat unless main has stopped listening.
                if (select(send(beats, n), recv(done)) == 1) running = false;
                break;
            }
        }
        finished.send(true);
    });
    for (int i = 0; i < 3; i++) fmt::Println("tick", beats.recv());
    done.close();
    finished.recv();
    fmt::Println("ticker stopped; at least 60 ms passed:", time::Since(start) >= 60 * time::Millisecond);
}
