// A panic two calls deep with a goroutine blocked, at every GOTRACEBACK
// setting: the words, numbers (Go's setTraceback), and one it does not know.
// golden: run unset
// golden: run none GOTRACEBACK=none
// golden: run single GOTRACEBACK=single
// golden: run all GOTRACEBACK=all
// golden: run system GOTRACEBACK=system
// golden: run crash GOTRACEBACK=crash
// golden: run garbage GOTRACEBACK=garbage
// golden: run n0 GOTRACEBACK=0
// golden: run n1 GOTRACEBACK=1
// golden: run n2 GOTRACEBACK=2
// golden: run n5 GOTRACEBACK=5
// golden: run neg GOTRACEBACK=-1
package main

import "time"

var c = make(chan int)

//go:noinline
func waiter() { <-c }

//go:noinline
func fail() { panic("boom") }

func main() {
	go waiter()
	time.Sleep(50 * time.Millisecond)
	fail()
}
