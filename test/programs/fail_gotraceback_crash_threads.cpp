// GOTRACEBACK=crash after SIGQUIT: every thread prints its own stack before
// the abort, as Go 1.19's sighandler has them do. Two goroutines spin on two
// other Ms while main sends SIGQUIT to its own thread: that thread prints
// the dump (the spinners "running on other thread"), then "-----" and
// relays SIGQUIT to the process; each spinner's thread then prints its
// goroutine running in spinA or spinB, idle threads print goroutine 0
// [idle]; the last thread dies of SIGABRT (exit 134).
//! env: GOTRACEBACK=crash GOMAXPROCS=3 GODEBUG=asyncpreemptoff=1
//! exit: 134
//! stdout: sending SIGQUIT
//! stderr-order: SIGQUIT: quit | goroutine 1 [running]: | goroutine running on other thread; stack unavailable | ----- | SIGQUIT: quit
//! stderr-regex: ^PC=0x[0-9a-f]+ m=[0-9]+ sigcode=0$
//! stderr-regex: ^goroutine 0 \[idle\]:$
//! stderr-regex: ^spinA\(\)$
//! stderr-regex: ^spinB\(\)$
//! stdout-not-contains: still running
#include "go.h"
#include "testutil.h"

volatile long counterA, counterB;

__attribute__((noinline)) void spinA() {
    while (counterA >= 0) counterA++;
}

__attribute__((noinline)) void spinB() {
    while (counterB >= 0) counterB++;
}

int main() {
    go::go(spinA);
    go::go(spinB);
    go::time::Sleep(100 * go::time::Millisecond);
    go::fmt::Println("sending SIGQUIT");
    t::tgkill(t::getpid(), t::gettid(), t::SIGQUIT);
    go::time::Sleep(10 * go::time::Second);  // the dump and the abort come first
    go::fmt::Println("still running");
    return 0;
}
