// pingpong: the Go side of bench/pingpong.cpp.
package main

import (
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"time"
)

const N = 1000000

func main() {
	// BENCH_TRACE=FILE: the traced row (tools/bench.sh) runs under runtime/trace.
	if p := os.Getenv("BENCH_TRACE"); p != "" {
		if f, err := os.Create(p); err == nil {
			trace.Start(f)
			defer trace.Stop()
		}
	}
	ping, pong := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	t0 := time.Now()
	go func() { // the echo side
		for i := 0; i < N; i++ {
			pong <- (<-ping + 1)
		}
		wg.Done()
	}()
	go func() { // the initiating side
		v := 0
		for i := 0; i < N; i++ {
			ping <- v
			v = <-pong
		}
		if v != N {
			panic("pingpong: wrong count")
		}
		wg.Done()
	}()
	wg.Wait()
	dt := time.Since(t0).Nanoseconds()
	fmt.Printf("BENCH name=pingpong metric=ns/roundtrip value=%.1f\n", float64(dt)/N)
}
