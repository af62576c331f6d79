// Shared state behind a mutex: 100 goroutines increment one counter 1,000
// times each; a sync::Mutex makes every increment whole, and a
// sync::WaitGroup waits for all of them before the total is read.
//
// Go's idiom (Go by Example, "Mutexes" and "WaitGroups"):
//
//     type Counter struct {
//         mu sync.Mutex
//         n  int
//     }
//     func (c *Counter) Inc() {
//         c.mu.Lock()
//         defer c.mu.Unlock()
//         c.n++
//     }
//
//     var c Counter
//     var wg sync.WaitGroup
//     for i := 0; i < 100; i++ {
//         wg.Add(1)
//         go func() {
//             defer wg.Done()
//             for j := 0; j < 1000; j++ { c.Inc() }
//         }()
//     }
//     wg.Wait()
//     fmt.Println(c.Value())   // 100000
//
// Like Go's, Mutex and WaitGroup must not be copied: goroutines reach them
// through a reference (or pointer), and they must outlive every goroutine
// that uses them -- here they live in main, which waits.
#include "go.h"

using namespace go;

class Counter {
public:
    void Inc() {
        mu_.Lock();
        n_++;
        mu_.Unlock();
    }
    int Value() {
        mu_.Lock();
        int n = n_;
        mu_.Unlock();
        return n;
    }

private:
    sync::Mutex mu_;
    int n_ = 0;
};

int main() {
    constexpr int goroutines = 100, increments = 1000;
    Counter c;
    sync::WaitGroup wg;
    for (int i = 0; i < goroutines; i++) {
        wg.Add(1);
        go::go([&c, &wg] {
            for (int j = 0; j < increments; j++) c.Inc();
            wg.Done();
        });
    }
    wg.Wait();
    fmt::Println("count:", c.Value());
}
