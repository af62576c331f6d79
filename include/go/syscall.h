// go/syscall.h — Go's package syscall, its system call entries: a program
// makes a Linux system call that no package wraps (gettid, prctl, wait4...)
// without assembly of its own. Trap numbers and arguments are the kernel's
// (x86-64: arch/x86/entry/syscalls/syscall_64.tbl); Go's SYS_* constants are
// not offered.
#pragma once
#include <stdint.h>

#include <string>

#include "go/errors.h"

namespace go::syscall {

// Go's syscall.Errno: a Linux error number, 0 when a call succeeded. Test it
// with `if (err)`. As in Go, it converts to go::error, and that error is not
// nil even for 0 (Go's error interface holding Errno(0)); the same number
// gives the same error value each time, so go::errors::Is matches it.
class Errno {
public:
    constexpr Errno() = default;
    constexpr explicit Errno(uintptr_t n) : n_(n) {}
    constexpr explicit operator bool() const { return n_ != 0; }
    constexpr explicit operator uintptr_t() const { return n_; }
    constexpr bool operator==(const Errno&) const = default;
    std::string Error() const;  // Go's text: "no such process", "errno 300"
    operator error() const;

private:
    uintptr_t n_ = 0;
};

// r1, r2, err as Go returns them: on failure r1 is all ones (Go's -1) and err
// the error number. r2 is 0 (Go's is rdx, on x86-64 Linux the unchanged
// third argument).
struct SyscallResult {
    uintptr_t r1, r2;
    Errno err;
};

// Syscall and Syscall6 tell the scheduler the call may block, as Go's do: if
// it takes long, the P goes to another thread and the other goroutines run.
// RawSyscall and RawSyscall6 do not: for calls that never block.
SyscallResult Syscall(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3);
SyscallResult Syscall6(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4, uintptr_t a5,
                       uintptr_t a6);
SyscallResult RawSyscall(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3);
SyscallResult RawSyscall6(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4, uintptr_t a5,
                          uintptr_t a6);

}  // namespace go::syscall
