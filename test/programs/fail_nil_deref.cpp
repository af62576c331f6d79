// A null dereference in user code, two calls deep in a leaf function, is a
// Go runtime panic: the message, the signal line with code, addr=0x0 and pc,
// the main goroutine's traceback with every frame (the leaf has no frame
// pointer of its own: its caller must not be lost), exit status 2.
//! exit: 2
//! stdout: about to crash
//! stderr-order: panic: runtime error: invalid memory address or nil pointer dereference | [signal SIGSEGV: segmentation violation code= | goroutine 1 [running]: | crash_here
//! stderr-regex: \[signal SIGSEGV: segmentation violation code=0x[0-9a-f]+ addr=0x0 pc=0x[0-9a-f]+\]
//! stdout-not-contains: not reached
//! stderr-frames: goroutine 1 [running]: | crash_here() | middle() | main()
#include "go.h"

int* volatile nowhere = nullptr;  // volatile: the compiler cannot see it is null

__attribute__((noinline)) void crash_here() {
    *nowhere = 1;
}

__attribute__((noinline)) void middle() { crash_here(); }

int main() {
    go::fmt::Println("about to crash");
    middle();
    go::fmt::Println("not reached");
    return 0;
}
