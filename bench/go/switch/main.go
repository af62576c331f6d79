// switch: the Go side of bench/switch.cpp (GOMAXPROCS=1; Gosched pair or
// channel handoff), for orientation.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

const Yields, Trips = 1000000, 500000

func gosched() float64 {
	var wg sync.WaitGroup
	wg.Add(2)
	t0 := time.Now()
	for k := 0; k < 2; k++ {
		go func() {
			for i := 0; i < Yields; i++ {
				runtime.Gosched()
			}
			wg.Done()
		}()
	}
	wg.Wait()
	return float64(time.Since(t0).Nanoseconds()) / (2.0 * Yields)
}

func chanSwitch() float64 {
	ping, pong := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	t0 := time.Now()
	go func() {
		for i := 0; i < Trips; i++ {
			pong <- (<-ping + 1)
		}
		wg.Done()
	}()
	v := 0
	for i := 0; i < Trips; i++ {
		ping <- v
		v = <-pong
	}
	wg.Wait()
	if v != Trips {
		panic("switch: wrong count")
	}
	return float64(time.Since(t0).Nanoseconds()) / (2.0 * Trips)
}

func main() {
	runtime.GOMAXPROCS(1)
	if len(os.Args) > 1 && os.Args[1][0] == 'c' {
		fmt.Printf("BENCH name=switch-chan metric=ns/switch value=%.1f\n", chanSwitch())
	} else {
		fmt.Printf("BENCH name=switch-gosched metric=ns/switch value=%.1f\n", gosched())
	}
}
