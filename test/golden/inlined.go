// Calls the compiler inlined: each is a frame of its own, "name(...)" and
// its line with no offset, inside the frame it was inlined into; at the
// top of a stack (the fault) and below it (a blocked call).
// golden: run default GOTRACEBACK=all
package main

var nowhere *int

func leaf() { *nowhere = 1 }

func middle() { leaf() }

func wait(c chan int) int { return <-c }

func waitTwice(c chan int) int { return wait(c) + wait(c) }

//go:noinline
func worker(c chan int, started chan bool) {
	started <- true
	waitTwice(c)
}

func main() {
	c := make(chan int)
	started := make(chan bool)
	go worker(c, started)
	<-started
	middle()
}
