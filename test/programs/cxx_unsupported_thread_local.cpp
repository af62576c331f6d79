// thread_local: goroutines move between threads, and FS points at the
// runtime's M; the link refuses the program and says what to do instead.
//! build-error: the program uses thread_local variables, which goroutines cannot have
//! build-error: make them ordinary globals guarded by a go::sync::Mutex, or pass the state along
#include "go.h"

thread_local int counter;

int main() {
    counter++;
    go::fmt::Println(counter);
}
