// GODEBUG=schedtrace and scheddetail on a fixed workload: two Ps, goroutines
// parked in a channel receive, a sleep and a Mutex, main sleeping. The
// fields are compared, the counts that depend on timing normalised.
// golden: run trace GOMAXPROCS=2 GODEBUG=schedtrace=40
// golden: run detail GOMAXPROCS=2 GODEBUG=schedtrace=40,scheddetail=1
package main

import (
	"sync"
	"time"
)

var c = make(chan int)
var mu sync.Mutex

func main() {
	mu.Lock()
	go func() { <-c }()
	go func() { time.Sleep(time.Hour) }()
	go func() { mu.Lock() }()
	time.Sleep(150 * time.Millisecond)
}
