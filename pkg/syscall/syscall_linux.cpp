// syscall_linux.cpp — Go's syscall.Syscall, Syscall6, RawSyscall and
// RawSyscall6 (Go 1.19's syscall_linux.go and asm_linux_amd64.s) on the
// runtime's raw system call.
#include "pkg/syscall/syscall_linux.h"
#include "runtime/runtime.h"

namespace go::syscall {

SyscallResult RawSyscall6(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4, uintptr_t a5,
                          uintptr_t a6) {
    long r = syscall6((long)trap, (long)a1, (long)a2, (long)a3, (long)a4, (long)a5, (long)a6);
    // The kernel's errors are -4095..-1 (Go's asm: CMPQ AX, $0xfffffffffffff001).
    if (r < 0 && r > -4096) return {~uintptr_t(0), 0, Errno((uintptr_t)-r)};
    return {(uintptr_t)r, 0, Errno()};
}

SyscallResult RawSyscall(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3) {
    return RawSyscall6(trap, a1, a2, a3, 0, 0, 0);
}

SyscallResult Syscall6(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4, uintptr_t a5,
                       uintptr_t a6) {
    runtime::entersyscall();
    SyscallResult res = RawSyscall6(trap, a1, a2, a3, a4, a5, a6);
    runtime::exitsyscall();
    return res;
}

SyscallResult Syscall(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3) {
    return Syscall6(trap, a1, a2, a3, 0, 0, 0);
}

}  // namespace go::syscall
