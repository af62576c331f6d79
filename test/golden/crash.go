// GOTRACEBACK=crash and SIGQUIT sent to the thread of a goroutine that spins
// while main sleeps: every M prints its own stack in turn ("-----" between
// them, idle Ms as goroutine 0), then the process dies of SIGABRT.
// golden: run busy GOTRACEBACK=crash GODEBUG=asyncpreemptoff=1
// golden: signal QUIT
// golden: signal-busiest busy
package main

import (
	"fmt"
	"time"
)

var counter int

//go:noinline
func spin() {
	for counter >= 0 {
		counter++
	}
}

func main() {
	go spin()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("ready")
	time.Sleep(time.Hour)
}
