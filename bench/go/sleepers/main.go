// sleepers: the Go side of bench/sleepers.cpp.
package main

import (
	"fmt"
	"sync"
	"syscall"
	"time"
)

const N, Times = 10000, 10

func cpuNanos() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(N)
	c0 := cpuNanos()
	t0 := time.Now()
	for i := 0; i < N; i++ {
		go func() {
			for k := 0; k < Times; k++ {
				time.Sleep(time.Millisecond)
			}
			wg.Done()
		}()
	}
	wg.Wait()
	dt := time.Since(t0).Nanoseconds()
	dc := cpuNanos() - c0
	fmt.Printf("BENCH name=sleepers metric=ms value=%.1f cpu=%.2f\n", float64(dt)/1e6, float64(dc)/float64(dt))
}
