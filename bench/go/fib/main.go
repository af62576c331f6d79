// fib: the Go side of bench/fib.cpp.
package main

import (
	"fmt"
	"syscall"
	"time"
)

const N, Cutoff = 36, 15

func cpuNanos() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

//go:noinline
func sfib(n int) int64 {
	if n < 2 {
		return int64(n)
	}
	return sfib(n-1) + sfib(n-2)
}

func pfib(n int, out chan int64) {
	if n <= Cutoff {
		out <- sfib(n)
		return
	}
	c := make(chan int64, 2)
	go pfib(n-1, c)
	go pfib(n-2, c)
	a := <-c
	b := <-c
	out <- a + b
}

func main() {
	out := make(chan int64, 1)
	c0 := cpuNanos()
	t0 := time.Now()
	go pfib(N, out)
	r := <-out
	dt := time.Since(t0).Nanoseconds()
	dc := cpuNanos() - c0
	if r != 14930352 {
		panic("fib: wrong result")
	}
	fmt.Printf("BENCH name=fib metric=ms value=%.1f cpu=%.2f\n", float64(dt)/1e6, float64(dc)/float64(dt))
}
