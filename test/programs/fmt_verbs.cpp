// go::fmt's Printf verbs, widths and flags, Println and Fprintf, with the
// exact text Go 1.19's fmt prints for the same calls (each line below was
// produced by running the Go twin of this program, kept in the comment at
// the end). Types map as go_fmt.h says: int is Go's int, char is byte.
//! stdout: 0|-42|9223372036854775807|-9223372036854775808|18446744073709551615
//! stdout: ff|-ff|ffffffffffffffff|-1|0
//! stdout: hello||with space
//! stdout: A|世|z
//! stdout: true|false
//! stdout: 42|-7|true|str|65|-5
//! stdout: 3.5|3|0.1|1e+20|1e+21|1e-05|0.1
//! stdout: 100%|%d
//! stdout: 3.141590|1000000.000000|-0.500000|0.000000
//! stdout: 3.14|   2.500|2.5     |-0002.50
//! stdout: 2.25|1e+21|0.0001|1e-05|100000|1e+06
//! stdout: [   42][42   ][00042][-0042][12345]
//! stdout: [    beef][beef    ][0000beef]
//! stdout: [     right][left      ][long]
//! stdout: 0x0|<nil>|0x1234
//! stdout: 1 a true 2.5 -3
//! stdout:
//! stdout: only
//! stdout: 1 %!d(MISSING)
//! stdout: %!d(string=hi)|%!t(int=5)
//! stdout: 1
//! stdout: %!(EXTRA int=2)
//! stdout: no verbs
//! stderr: to stderr 99
//! stderr: line 2
#include "go.h"

using go::fmt::Printf;
using go::fmt::Println;

int main() {
    Printf("%d|%d|%d|%d|%d\n", 0, -42, (int64_t)9223372036854775807, (int64_t)(-9223372036854775807 - 1),
           (uint64_t)18446744073709551615u);
    Printf("%x|%x|%x|%x|%x\n", 255, -255, (uint64_t)18446744073709551615u, (int8_t)-1, 0);
    Printf("%s|%s|%s\n", "hello", "", "with space");
    Printf("%c|%c|%c\n", 'A', 0x4E16, 'z');
    Printf("%t|%t\n", true, false);
    Printf("%v|%v|%v|%v|%v|%v\n", 42, -7, true, "str", 'A', (int8_t)-5);
    Printf("%v|%v|%v|%v|%v|%v|%v\n", 3.5, 3.0, 0.1, 1e20, 1e21, 1e-5, 0.1f);
    Printf("100%%|%%d\n");
    Printf("%f|%f|%f|%f\n", 3.14159, 1e6, -0.5, 0.0);
    Printf("%.2f|%8.3f|%-8.1f|%08.2f\n", 3.14159, 2.5, 2.5, -2.5);
    Printf("%g|%g|%g|%g|%g|%g\n", 2.25, 1e21, 0.0001, 1e-5, 100000.0, 1e6);
    Printf("[%5d][%-5d][%05d][%05d][%1d]\n", 42, 42, 42, -42, 12345);
    Printf("[%8x][%-8x][%08x]\n", 48879, 48879, 48879);
    Printf("[%10s][%-10s][%2s]\n", "right", "left", "long");
    int* np = nullptr;
    Printf("%p|%v|%p\n", np, np, (void*)0x1234);
    Println(1, "a", true, 2.5, -3);
    Println();
    Println("only");
    Printf("%d %d\n", 1);
    Printf("%d|%t\n", "hi", 5);
    Printf("%d\n", 1, 2);
    Println();
    Printf("no verbs\n");
    go::fmt::Fprintf(2, "to stderr %d\n", 99);
    go::fmt::Fprintln(2, "line", 2);
    return 0;
}

/* The Go twin (go run main.go):
package main

import (
	"fmt"
	"os"
	"unsafe"
)

func main() {
	fmt.Printf("%d|%d|%d|%d|%d\n", 0, -42, int64(9223372036854775807), int64(-9223372036854775808), uint64(18446744073709551615))
	fmt.Printf("%x|%x|%x|%x|%x\n", 255, -255, uint64(18446744073709551615), int8(-1), 0)
	fmt.Printf("%s|%s|%s\n", "hello", "", "with space")
	fmt.Printf("%c|%c|%c\n", byte('A'), 0x4E16, 'z')
	fmt.Printf("%t|%t\n", true, false)
	fmt.Printf("%v|%v|%v|%v|%v|%v\n", 42, -7, true, "str", byte('A'), int8(-5))
	fmt.Printf("%v|%v|%v|%v|%v|%v|%v\n", 3.5, 3.0, 0.1, 1e20, 1e21, 1e-5, float32(0.1))
	fmt.Printf("100%%|%%d\n")
	fmt.Printf("%f|%f|%f|%f\n", 3.14159, 1e6, -0.5, 0.0)
	fmt.Printf("%.2f|%8.3f|%-8.1f|%08.2f\n", 3.14159, 2.5, 2.5, -2.5)
	fmt.Printf("%g|%g|%g|%g|%g|%g\n", 2.25, 1e21, 0.0001, 1e-5, 100000.0, 1e6)
	fmt.Printf("[%5d][%-5d][%05d][%05d][%1d]\n", 42, 42, 42, -42, 12345)
	fmt.Printf("[%8x][%-8x][%08x]\n", 48879, 48879, 48879)
	fmt.Printf("[%10s][%-10s][%2s]\n", "right", "left", "long")
	var np *int
	fmt.Printf("%p|%v|%p\n", np, np, unsafe.Pointer(uintptr(0x1234)))
	fmt.Println(1, "a", true, 2.5, -3)
	fmt.Println()
	fmt.Println("only")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d|%t\n", "hi", 5)
	fmt.Printf("%d\n", 1, 2)
	fmt.Println()
	fmt.Printf("no verbs\n")
	fmt.Fprintf(os.Stderr, "to stderr %d\n", 99)
	fmt.Fprintln(os.Stderr, "line", 2)
}
*/
