// SIGABRT from outside: Go dumps every goroutine and exits 2.
// golden: run default
// golden: signal ABRT
package main

import (
	"fmt"
	"time"
)

var c = make(chan int)

//go:noinline
func waiter() { <-c }

func main() {
	go waiter()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("ready")
	time.Sleep(time.Hour)
}
