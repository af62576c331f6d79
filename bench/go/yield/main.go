// yield: the Go side of bench/yield.cpp.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

const N = 5000000

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	t0 := time.Now()
	for k := 0; k < 2; k++ {
		go func() {
			for i := 0; i < N; i++ {
				runtime.Gosched()
			}
			wg.Done()
		}()
	}
	wg.Wait()
	dt := time.Since(t0).Nanoseconds()
	fmt.Printf("BENCH name=yield metric=ns/yield value=%.1f\n", float64(dt)/(2.0*N))
}
