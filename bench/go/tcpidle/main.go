// tcpidle: the Go side of bench/tcpidle.cpp.
package main

import (
	"fmt"
	"net"
	"sync"
	"time"

	"benchgo/rss"
)

const N = 9000

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	var accepted sync.WaitGroup
	accepted.Add(N)
	before := rss.Bytes()
	go func() {
		for i := 0; i < N; i++ {
			s, err := ln.Accept()
			if err != nil {
				panic(err)
			}
			go func() {
				b := make([]byte, 64)
				s.Read(b)
			}()
			accepted.Done()
		}
	}()
	conns := make([]net.Conn, N)
	for i := 0; i < N; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		conns[i] = c
	}
	accepted.Wait()
	time.Sleep(50 * time.Millisecond)
	after := rss.Bytes()
	fmt.Printf("BENCH name=tcp-idle metric=bytes/connection value=%.1f\n", float64(after-before)/N)
	_ = conns
}
