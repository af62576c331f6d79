// hello: the Go side of bench/hello.cpp.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
