// parked: the Go side of bench/parked.cpp.
package main

import (
	"fmt"
	"runtime"
	"sync"

	"benchgo/rss"
)

const N = 100000

func main() {
	c := make(chan int)
	var started sync.WaitGroup
	started.Add(N)
	before := rss.Bytes()
	for i := 0; i < N; i++ {
		go func() {
			started.Done()
			<-c
		}()
	}
	started.Wait()
	for i := 0; i < 10; i++ {
		runtime.Gosched() // let the last ones park
	}
	after := rss.Bytes()
	fmt.Printf("BENCH name=parked metric=bytes/goroutine value=%.1f\n", float64(after-before)/N)
}
