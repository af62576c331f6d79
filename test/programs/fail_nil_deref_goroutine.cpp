// A null dereference (a load through a null struct pointer) in a goroutine
// other than main: the panic names that goroutine, not goroutine 1, and
// ends the whole program with status 2 while main is blocked.
//! exit: 2
//! stderr-contains: panic: runtime error: invalid memory address or nil pointer dereference
//! stderr-regex: \[signal SIGSEGV: segmentation violation code=0x[0-9a-f]+ addr=0x8 pc=0x[0-9a-f]+\]
//! stderr-regex: goroutine ([2-9]|[1-9][0-9]+) \[running\]:
//! stderr-contains: load_field
//! stderr-frames: goroutine 2 [running]: | load_field() | main::{lambda()#1}() | created by main
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
#include "go.h"

struct Node {
    long a, b;
};
Node* volatile none = nullptr;

__attribute__((noinline)) long load_field() {
    return none->b;  // address 0x8
}

int main() {
    auto c = go::make_chan<long>();
    go::go([c] { c.send(load_field()); });
    return (int)c.recv();
}
