// stackcall: the Go side of bench/stackcall.cpp. Go copies a goroutine's
// stack when it grows, so a call that once needed more stack costs the same
// as any other from then on: "boundary" and "inside" measure the same thing.
package main

import (
	"fmt"
	"os"
	"time"
)

const N = 2000000

var sink int64

//go:noinline
func frame6k(i int64) int64 {
	var buf [6 * 1024]byte
	buf[i&1023] = byte(i)
	return int64(buf[(i+1)&1023])
}

//go:noinline
func loop() int64 {
	var s int64
	t0 := time.Now()
	for i := int64(0); i < N; i++ {
		s += frame6k(i)
	}
	sink = s
	return time.Since(t0).Nanoseconds()
}

//go:noinline
func withRoom() int64 {
	var pad [16 * 1024]byte
	pad[0] = 1
	ns := loop()
	sink += int64(pad[0])
	return ns
}

func main() {
	boundary := len(os.Args) > 1 && os.Args[1] == "boundary"
	out := make(chan int64, 1)
	name := "stackcall-inside"
	if boundary {
		name = "stackcall-boundary"
		go func() { out <- loop() }()
	} else {
		go func() { out <- withRoom() }()
	}
	ns := <-out
	fmt.Printf("BENCH name=%s metric=ns/call value=%.1f\n", name, float64(ns)/N)
}
