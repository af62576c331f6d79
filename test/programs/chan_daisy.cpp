// The daisy chain ("Chinese whispers") of 10,000 goroutines: each receives
// from its right neighbour and passes the value plus one to its left.
//! stdout: 10001
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2 ; GOMAXPROCS=4
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

constexpr int N = 10000;

int main() {
    auto leftmost = go::make_chan<int>();
    auto left = leftmost, right = leftmost;
    for (int i = 0; i < N; i++) {
        right = go::make_chan<int>();
        go::go([](go::chan<int> left, go::chan<int> right) { left.send(1 + right.recv()); }, left, right);
        left = right;
    }
    go::go([right] { right.send(1); });
    go::fmt::Println(leftmost.recv());
    return 0;
}
