// A WaitGroup counter below zero panics in Add, called from Done.
// golden: run default
package main

import "sync"

var wg sync.WaitGroup

//go:noinline
func finish() { wg.Done() }

func main() {
	finish()
}
