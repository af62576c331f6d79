// tcppingpong: the Go side of bench/tcppingpong.cpp.
package main

import (
	"fmt"
	"io"
	"net"
	"time"
)

const N, Size = 100000, 64

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		s, _ := ln.Accept()
		buf := make([]byte, Size)
		for {
			if _, err := io.ReadFull(s, buf); err != nil {
				return
			}
			s.Write(buf)
		}
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	buf := make([]byte, Size)
	t0 := time.Now()
	for i := 0; i < N; i++ {
		c.Write(buf)
		if _, err := io.ReadFull(c, buf); err != nil {
			panic(err)
		}
	}
	wall := time.Since(t0)
	fmt.Printf("BENCH name=tcp-pingpong metric=us/roundtrip value=%.1f\n", float64(wall.Nanoseconds())/N/1000)
}
