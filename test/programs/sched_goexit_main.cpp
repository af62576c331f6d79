// Goexit on the main goroutine: main does not return, the other goroutines
// keep running to the end, and then the program dies as Go's does.
//! exit: 2
//! stdout: other goroutine finished
//! stderr-contains: fatal error: no goroutines (main called runtime.Goexit) - deadlock!
//! stdout-not-contains: main continued
#include "go.h"

int main() {
    go::go([] {
        for (int i = 0; i < 10; i++) go::Gosched();
        go::fmt::Println("other goroutine finished");
    });
    go::Goexit();
    go::fmt::Println("main continued");
    return 0;
}
