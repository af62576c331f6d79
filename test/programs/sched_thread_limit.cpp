// More Ms than sched.maxmcount is Go's fatal error. With the limit lowered
// to 8 (go::debug::SetMaxThreads, as Go's debug.SetMaxThreads), goroutines
// blocked in read(2) on empty pipes each keep an M; sysmon hands their Ps to
// new Ms for the goroutines still runnable, until the ninth M.
//! exit: 2
//! stderr-contains: runtime: program exceeds 8-thread limit
//! stderr-contains: fatal error: thread exhaustion
//! timeout: 20
#include "go.h"

int main() {
    go::debug::SetMaxThreads(8);
    for (int i = 0; i < 32; i++) {
        go::go([] {
            int fds[2];
            if (go::os::Pipe(fds) != 0) go::panic("pipe failed");
            char b;
            go::os::Read(fds[0], &b, 1);  // blocks forever in the kernel
        });
    }
    go::time::Sleep(10 * go::time::Second);
    go::fmt::Println("no thread limit hit");
    return 0;
}
