// GOTRACEBACK=all while goroutines sleep, receive, select, send, and wait on
// a Mutex, a WaitGroup, an RWMutex and a Once: every wait reason and frame.
// golden: run default GOTRACEBACK=all
package main

import (
	"sync"
	"time"
)

var c1, c2, c3 = make(chan int), make(chan int), make(chan int)
var mu sync.Mutex
var rw sync.RWMutex
var wg sync.WaitGroup
var once sync.Once

//go:noinline
func waiterRecv() { <-c1 }

//go:noinline
func waiterSend() { c2 <- 1 }

//go:noinline
func waiterSleep() { time.Sleep(time.Hour) }

//go:noinline
func waiterSelect() {
	select {
	case <-c3:
	case <-c1:
	}
}

//go:noinline
func waiterMutex() { mu.Lock() }

//go:noinline
func waiterWaitGroup() { wg.Wait() }

//go:noinline
func waiterRWMutex() { rw.RLock() }

//go:noinline
func blockForever() { select {} }

//go:noinline
func onceHolder() { once.Do(blockForever) }

//go:noinline
func waiterOnce() { once.Do(blockForever) }

func main() {
	mu.Lock()
	rw.Lock()
	wg.Add(1)
	go waiterRecv()
	go waiterSend()
	go waiterSleep()
	go waiterSelect()
	go waiterMutex()
	go waiterWaitGroup()
	go waiterRWMutex()
	go onceHolder()
	time.Sleep(100 * time.Millisecond)
	go waiterOnce()
	time.Sleep(100 * time.Millisecond)
	panic("boom")
}
