// SIGQUIT from outside, with the main goroutine busy in a loop and while
// every goroutine is blocked (the signal lands on an idle M), at the default
// GOTRACEBACK and at system (registers, fp= sp= pc=).
// golden: run busy CASE=busy GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1
// golden: run idle CASE=idle
// golden: run busy_system CASE=busy GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 GOTRACEBACK=system
// golden: run idle_system CASE=idle GOTRACEBACK=system
// golden: signal QUIT
// golden: signal-busiest busy
// golden: signal-busiest busy_system
package main

import (
	"fmt"
	"os"
	"time"
)

var c = make(chan int)
var counter int
var started = make(chan int) // waiter is running
//go:noinline
func waiter() { started <- 1; <-c }

//go:noinline
func spin() {
	for counter >= 0 {
		counter++
	}
}

func main() {
	go waiter()
	<-started
	fmt.Println("ready")
	if os.Getenv("CASE") == "busy" {
		spin()
	}
	time.Sleep(time.Hour)
}
