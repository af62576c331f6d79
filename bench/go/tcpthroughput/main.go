// tcpthroughput: the Go side of bench/tcpthroughput.cpp.
package main

import (
	"fmt"
	"io"
	"net"
	"sync"
	"time"
)

const Conns, Msgs, Size = 100, 10000, 64

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			s, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				buf := make([]byte, Size)
				for {
					if _, err := io.ReadFull(s, buf); err != nil {
						return
					}
					s.Write(buf)
				}
			}()
		}
	}()
	addr := ln.Addr().String()
	var wg sync.WaitGroup
	wg.Add(Conns)
	t0 := time.Now()
	for i := 0; i < Conns; i++ {
		go func() {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				panic(err)
			}
			go func() {
				buf := make([]byte, Size)
				for m := 0; m < Msgs; m++ {
					c.Write(buf)
				}
			}()
			buf := make([]byte, Size)
			for m := 0; m < Msgs; m++ {
				if _, err := io.ReadFull(c, buf); err != nil {
					panic(err)
				}
			}
			c.Close()
			wg.Done()
		}()
	}
	wg.Wait()
	wall := time.Since(t0)
	fmt.Printf("BENCH name=tcp-throughput metric=ns/message value=%.1f\n", float64(wall.Nanoseconds())/(Conns*Msgs))
}
