// Inlined calls are frames of their own, as Go 1.19 prints them: "name(...)"
// with the inlined function's line and no offset, then the frame they were
// inlined into at the call's line. The C++ standard library's inline code
// (std::vector's operator[] faulting on a null vector) is no frame: the
// user's line that used it is. Every frame of the fault is checked, and of
// a goroutine blocked in an inlined helper.
//! exit: 2
//! env: GOTRACEBACK=all
//! stderr-frames: goroutine 1 [running]: | element(...) | sumFirst(...) | main()
//! stderr-regex: ^element\(\.\.\.\)$
//! stderr-regex: ^	test/programs/traceback_inlined\.cpp:24$
//! stderr-regex: ^	test/programs/traceback_inlined\.cpp:26$
//! stderr-regex: ^	test/programs/traceback_inlined\.cpp:41 \+0x[0-9a-f]+$
//! stderr-frames: goroutine 2 [chan receive]: | waitOne(...) | waiter() | created by main
//! stderr-regex: ^	test/programs/traceback_inlined\.cpp:28$
//! stderr-regex: ^	test/programs/traceback_inlined\.cpp:32 \+0x[0-9a-f]+$
//! stderr-not-contains: std::
#include <vector>

#include "go.h"

std::vector<int>* volatile table = nullptr;  // volatile: the compiler cannot see it is null

inline __attribute__((always_inline)) int element(int i) { return (*table)[i]; }

inline __attribute__((always_inline)) int sumFirst(int n) { int s = 0; for (int i = 0; i < n; i++) s += element(i); return s; }

inline __attribute__((always_inline)) int waitOne(go::chan<int> c) { return c.recv(); }

go::chan<int> c = go::make_chan<int>(), started = go::make_chan<int>();

__attribute__((noinline)) void waiter() { started.send(1); waitOne(c); }

int main() {
    go::go(waiter);
    started.recv();
    // Line 41 below calls sumFirst, whose call of element faults at line 24
    // (sumFirst's call is at line 26).
    //
    //
    return sumFirst(3);
}
