// A function-local static whose constructor reaches its own initialisation
// again would wait for itself forever: a fatal error naming the problem,
// with the traceback through the constructor (inlined into first), exit
// status 2.
//! exit: 2
//! stderr-order: fatal error: recursive initialization of a function-local static | goroutine 1 [running]: | __cxa_guard_acquire() | pkg/cxx/guard.cpp | first() | first() | main()
//! stdout-empty
#include "go.h"

struct Node {
    Node* next;
    Node();
};

__attribute__((noinline)) Node& first() {
    static Node n;
    return n;
}

__attribute__((noinline)) Node::Node() : next(&first()) { asm volatile(""); }

int main() {
    go::fmt::Println(first().next != nullptr);
    return 0;
}
