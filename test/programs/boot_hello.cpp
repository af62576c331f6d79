// The smallest program: exactly "hello, world" on stdout, nothing on stderr,
// exit status 0, also when GODEBUG has keys that print nothing.
//! stdout: hello, world
//! stderr-empty
//! runs: ; GODEBUG=nosuchkey=1 ; GODEBUG=boottrace=0 ; GODEBUG=schedtrace=0,scheddetail=0
#include "go.h"

int main() {
    go::fmt::Println("hello, world");
    return 0;
}
