// spawn: the Go side of bench/spawn.cpp.
package main

import (
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"syscall"
	"time"
)

const N = 1000000

func cpuNanos() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func main() {
	// BENCH_TRACE=FILE: the traced row (tools/bench.sh) runs under runtime/trace.
	if p := os.Getenv("BENCH_TRACE"); p != "" {
		if f, err := os.Create(p); err == nil {
			trace.Start(f)
			defer trace.Stop()
		}
	}
	var wg sync.WaitGroup
	wg.Add(N)
	c0 := cpuNanos()
	t0 := time.Now()
	for i := 0; i < N; i++ {
		go func() { wg.Done() }()
	}
	wg.Wait()
	dt := time.Since(t0).Nanoseconds()
	dc := cpuNanos() - c0
	fmt.Printf("BENCH name=spawn metric=ns/goroutine value=%.1f cpu=%.2f\n", float64(dt)/N, float64(dc)/float64(dt))
}
