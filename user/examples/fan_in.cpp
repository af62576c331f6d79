// Fan-in: one goroutine merges two channels into one with select, and turns
// off each input once it is closed by setting it to nil -- a nil channel is
// never ready in a select -- then closes the merged channel when both are.
//
// Go's idiom (Rob Pike's fanIn, "Go Concurrency Patterns", with the
// nil-channel trick for closed inputs):
//
//     func merge(a, b <-chan msg) <-chan msg {
//         out := make(chan msg)
//         go func() {
//             for a != nil || b != nil {
//                 select {
//                 case m, ok := <-a:
//                     if !ok { a = nil; continue }
//                     out <- m
//                 case m, ok := <-b:
//                     if !ok { b = nil; continue }
//                     out <- m
//                 }
//             }
//             close(out)
//         }()
//         return out
//     }
//
// The two sources interleave differently on every run; main only prints
// what does not depend on that: how many messages came from each, and
// whether each source's messages kept their order (they do: a channel is
// FIFO and the merger forwards them one at a time).
#include "go.h"

using namespace go;

struct Msg {
    const char* from;
    int seq;
};

// Sends n numbered messages, pausing a little between them, then closes.
chan<Msg> talker(const char* name, int n, time::Duration pause) {
    auto c = make_chan<Msg>();
    go::go([c, name, n, pause] {
        for (int i = 1; i <= n; i++) {
            c.send(Msg{name, i});
            time::Sleep(pause);
        }
        c.close();
    });
    return c;
}

chan<Msg> merge(chan<Msg> a, chan<Msg> b) {
    auto out = make_chan<Msg>();
    // The loop sets the closure's own copies of a and b to nil: mutable.
    go::go([a, b, out]() mutable {
        while (a != nullptr || b != nullptr) {
            Msg m;
            bool ok;
            switch (select(recv(a, &m, &ok), recv(b, &m, &ok))) {
            case 0:
                if (!ok) {
                    a = nullptr;  // this case can never be chosen again
                    continue;
                }
                break;
            case 1:
                if (!ok) {
                    b = nullptr;
                    continue;
                }
                break;
            }
            out.send(m);
        }
        out.close();
    });
    return out;
}

int main() {
    auto merged = merge(talker("ann", 5, 3 * time::Millisecond), talker("joe", 8, 2 * time::Millisecond));
    int ann = 0, joe = 0;
    bool inOrder = true;
    for (Msg m : merged) {
        int& count = m.from[0] == 'a' ? ann : joe;
        count++;
        if (m.seq != count) inOrder = false;
    }
    fmt::Println("ann:", ann, "messages, joe:", joe, "messages");
    fmt::Println("each talker's messages in order:", inOrder);
}
