// mutex: the Go side of bench/mutex.cpp.
package main

import (
	"fmt"
	"sync"
	"time"
)

const G, N = 8, 1000000

func main() {
	var mu sync.Mutex
	var counter int64
	var wg sync.WaitGroup
	wg.Add(G)
	t0 := time.Now()
	for g := 0; g < G; g++ {
		go func() {
			for i := 0; i < N; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
			wg.Done()
		}()
	}
	wg.Wait()
	dt := time.Since(t0).Nanoseconds()
	if counter != G*N {
		panic("mutex: wrong count")
	}
	fmt.Printf("BENCH name=mutex metric=ns/op value=%.1f\n", float64(dt)/(G*N))
}
