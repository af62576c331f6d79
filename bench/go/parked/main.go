// parked: the Go side of bench/parked.cpp.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

const N = 100000

// Resident set size in bytes: the second field of /proc/self/statm, in pages.
func rssBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * 4096
}

func main() {
	c := make(chan int)
	var started sync.WaitGroup
	started.Add(N)
	before := rssBytes()
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
	after := rssBytes()
	fmt.Printf("BENCH name=parked metric=bytes/goroutine value=%.1f\n", float64(after-before)/N)
}
