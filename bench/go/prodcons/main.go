// prodcons: the Go side of bench/prodcons.cpp.
package main

import (
	"fmt"
	"sync"
	"time"
)

const P, C, Total = 4, 4, 4000000
const PerProducer = Total / P

func main() {
	ch := make(chan int64, 128)
	var prod, cons sync.WaitGroup
	var sums [C]int64
	prod.Add(P)
	cons.Add(C)
	t0 := time.Now()
	for c := 0; c < C; c++ {
		c := c
		go func() {
			var s int64
			for v := range ch {
				s += v
			}
			sums[c] = s
			cons.Done()
		}()
	}
	for p := 0; p < P; p++ {
		go func() {
			for i := 0; i < PerProducer; i++ {
				ch <- int64(i)
			}
			prod.Done()
		}()
	}
	prod.Wait()
	close(ch)
	cons.Wait()
	dt := time.Since(t0).Nanoseconds()
	var sum int64
	for c := 0; c < C; c++ {
		sum += sums[c]
	}
	if sum != int64(P)*PerProducer*(PerProducer-1)/2 {
		panic("prodcons: wrong sum")
	}
	fmt.Printf("BENCH name=prodcons metric=ns/msg value=%.1f\n", float64(dt)/Total)
}
