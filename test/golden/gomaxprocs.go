// GOMAXPROCS from the environment, as Go 1.19's schedinit reads it: only a
// positive integer counts; the result is printed relative to NumCPU.
// golden: run plus3 GOMAXPROCS=+3
// golden: run n2000 GOMAXPROCS=2000
// golden: run zero GOMAXPROCS=0
// golden: run neg GOMAXPROCS=-1
// golden: run abc GOMAXPROCS=abc
// golden: run n3 GOMAXPROCS=3
package main

import (
	"fmt"
	"runtime"
)

func main() {
	if n := runtime.GOMAXPROCS(0); n == runtime.NumCPU() {
		fmt.Println("GOMAXPROCS = NumCPU")
	} else {
		fmt.Println("GOMAXPROCS =", n)
	}
}
