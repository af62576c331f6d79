// Channel misuse panics: send on a closed channel (in a goroutine), close of
// a closed channel, close of a nil channel.
// golden: run send_closed CASE=send_closed
// golden: run close_closed CASE=close_closed
// golden: run close_nil CASE=close_nil
package main

import "os"

var c = make(chan int)
var nilc chan int
var done = make(chan int)

//go:noinline
func sender() { c <- 1 }

func main() {
	switch os.Getenv("CASE") {
	case "send_closed":
		close(c)
		go sender()
		<-done
	case "close_closed":
		close(c)
		close(c)
	case "close_nil":
		close(nilc)
	}
}
