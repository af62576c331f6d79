// Unbounded recursion with another goroutine alive: Go's stack overflow
// report, at the default GOTRACEBACK and at all.
// golden: run default
// golden: run all GOTRACEBACK=all
package main

import (
	"runtime/debug"
	"time"
)

var c = make(chan int)

//go:noinline
func waiter() { <-c }

//go:noinline
func recurse(n int) int { return recurse(n+1) + 1 }

func main() {
	debug.SetMaxStack(1 << 20)
	go waiter()
	time.Sleep(20 * time.Millisecond)
	recurse(0)
}
