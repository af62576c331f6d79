// Every goroutine blocked: Go's deadlock message and every goroutine.
// golden: run default
package main

import "sync"

var wg sync.WaitGroup

//
var c = make(chan int)

//go:noinline
func waiter() { wg.Wait() }

func main() {
	wg.Add(1)
	go waiter()
	<-c
}
