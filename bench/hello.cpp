// hello: process start to exit, printing "hello, world". tools/bench.sh times
// it from outside (fork/exec/wait, many runs) and reports the binary size and
// the peak RSS as well.
#include "go.h"

int main() {
    go::fmt::Println("hello, world");
    return 0;
}
