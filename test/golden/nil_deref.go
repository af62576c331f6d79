// A nil dereference two calls deep, in a leaf: every frame is printed.
// golden: run default
package main

import "fmt"

var sink = fmt.Sprint

//
var nowhere *int

//go:noinline
func leaf() { *nowhere = 1 }

//go:noinline
func middle() { leaf() }

func main() {
	middle()
}
