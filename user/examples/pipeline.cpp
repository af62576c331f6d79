// A pipeline: stages connected by channels, each a goroutine that receives
// from upstream, works, sends downstream, and closes its outbound channel
// when its inbound one is closed and drained -- so the end of the input
// flows down the pipeline and every range loop ends.
//
// Go's idiom (the Go blog, "Go Concurrency Patterns: Pipelines and
// cancellation"):
//
//     func gen(nums ...int) <-chan int {
//         out := make(chan int)
//         go func() {
//             for _, n := range nums { out <- n }
//             close(out)
//         }()
//         return out
//     }
//     func sq(in <-chan int) <-chan int {
//         out := make(chan int)
//         go func() {
//             for n := range in { out <- n * n }
//             close(out)
//         }()
//         return out
//     }
//     for n := range sq(sq(gen(2, 3))) { fmt.Println(n) }   // 16, 81
//
// The second part is the blog's explicit cancellation: an endless source
// whose consumer stops early and closes a done channel, which every stage
// selects on, so that no goroutine stays blocked on a send nobody receives.
#include "go.h"

using namespace go;

// Stage 1: sends first..last, then closes its channel.
chan<int> gen(int first, int last) {
    auto out = make_chan<int>();
    go::go([out, first, last] {
        for (int n = first; n <= last; n++) out.send(n);
        out.close();
    });
    return out;
}

// Stage 2: squares what it receives.
chan<int> sq(chan<int> in) {
    auto out = make_chan<int>();
    go::go([in, out] {
        for (int n : in) out.send(n * n);
        out.close();
    });
    return out;
}

// Stage 3: one value, the sum of everything received.
chan<long> sum(chan<int> in) {
    auto out = make_chan<long>();
    go::go([in, out] {
        long total = 0;
        for (int n : in) total += n;
        out.send(total);
        out.close();
    });
    return out;
}

// With cancellation: counts up from 1 until done is closed.
chan<int> count(chan<bool> done, sync::WaitGroup* wg) {
    auto out = make_chan<int>();
    wg->Add(1);
    go::go([done, out, wg] {
        for (int n = 1;; n++) {
            // select { case out <- n: case <-done: return }
            if (select(send(out, n), recv(done)) == 1) break;
        }
        out.close();
        wg->Done();
    });
    return out;
}

chan<int> sqUntil(chan<bool> done, chan<int> in, sync::WaitGroup* wg) {
    auto out = make_chan<int>();
    wg->Add(1);
    go::go([done, in, out, wg] {
        for (int n : in) {
            if (select(send(out, n * n), recv(done)) == 1) break;
        }
        out.close();
        wg->Done();
    });
    return out;
}

int main() {
    for (int n : sq(sq(gen(2, 3)))) fmt::Println(n);

    fmt::Println("sum of squares 1..100:", sum(sq(gen(1, 100))).recv());

    auto done = make_chan<bool>();
    sync::WaitGroup wg;
    auto squares = sqUntil(done, count(done, &wg), &wg);
    int first[5];
    for (int& v : first) v = squares.recv();  // take five, then lose interest
    fmt::Println("first squares:", first[0], first[1], first[2], first[3], first[4]);
    done.close();  // every stage sees it, even one blocked on a send
    wg.Wait();
    fmt::Println("every stage has stopped");
}
