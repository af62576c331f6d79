// sys_linux.h — raw Linux system calls for x86-64, in the style of musl's
// syscall_arch.h: each wrapper returns the kernel's result, a negative errno on
// failure. Nothing here touches libc; the numbers are the kernel ABI's.
//
// Clobbers are exact: the syscall instruction destroys rcx (return rip) and
// r11 (rflags); the kernel preserves every other register.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace runtime::sys {

// System call numbers (arch/x86/entry/syscalls/syscall_64.tbl).
enum : long {
    SYS_read = 0,
    SYS_write = 1,
    SYS_open = 2,
    SYS_close = 3,
    SYS_mmap = 9,
    SYS_mprotect = 10,
    SYS_munmap = 11,
    SYS_rt_sigaction = 13,
    SYS_rt_sigprocmask = 14,
    SYS_rt_sigreturn = 15,
    SYS_sched_yield = 24,
    SYS_madvise = 28,
    SYS_nanosleep = 35,
    SYS_getpid = 39,
    SYS_clone = 56,
    SYS_exit = 60,
    SYS_kill = 62,
    SYS_fcntl = 72,
    SYS_sigaltstack = 131,
    SYS_arch_prctl = 158,
    SYS_gettid = 186,
    SYS_futex = 202,
    SYS_sched_getaffinity = 204,
    SYS_clock_gettime = 228,
    SYS_exit_group = 231,
    SYS_tgkill = 234,
    SYS_openat = 257,
    SYS_epoll_ctl = 233,
    SYS_epoll_pwait = 281,
    SYS_epoll_create1 = 291,
    SYS_pipe2 = 293,
};

// Constants. Hosted code (pkg/) may have <cerrno>'s macros of the same
// names in scope: they are set aside here and restored at the end, and such
// code uses the macros (same values) rather than sys::EINTR.
#pragma push_macro("EINTR")
#pragma push_macro("EAGAIN")
#pragma push_macro("ENOMEM")
#pragma push_macro("ETIMEDOUT")
#undef EINTR
#undef EAGAIN
#undef ENOMEM
#undef ETIMEDOUT
enum : long {
    ARCH_SET_FS = 0x1002,
    ARCH_GET_FS = 0x1003,
    PROT_NONE = 0,
    PROT_READ = 1,
    PROT_WRITE = 2,
    MAP_PRIVATE = 0x02,
    MAP_FIXED = 0x10,
    MAP_ANONYMOUS = 0x20,
    MAP_POPULATE = 0x8000,
    MAP_NORESERVE = 0x4000,
    MADV_DONTNEED = 4,
    O_RDONLY = 0,
    O_CLOEXEC = 0x80000,
    O_NONBLOCK = 0x800,
    AT_FDCWD = -100,
    FUTEX_WAIT_PRIVATE = 128,
    FUTEX_WAKE_PRIVATE = 129,
    CLOCK_REALTIME = 0,
    CLOCK_MONOTONIC = 1,
    EINTR = 4,
    EAGAIN = 11,
    ENOMEM = 12,
    ETIMEDOUT = 110,
    EPOLLIN = 0x1,
    EPOLLOUT = 0x4,
    EPOLLERR = 0x8,
    EPOLLHUP = 0x10,
    EPOLLRDHUP = 0x2000,
    EPOLLET = 0x80000000,
    EPOLL_CLOEXEC = 0x80000,
    EPOLL_CTL_ADD = 1,
    EPOLL_CTL_DEL = 2,
};
#pragma pop_macro("EINTR")
#pragma pop_macro("EAGAIN")
#pragma pop_macro("ENOMEM")
#pragma pop_macro("ETIMEDOUT")

// Go's clone flags (os_linux.go cloneFlags). qemu-user refuses the set without
// CLONE_SYSVSEM (golang/go#20763), so keep exactly these.
enum : unsigned long {
    CLONE_VM = 0x100,
    CLONE_FS = 0x200,
    CLONE_FILES = 0x400,
    CLONE_SIGHAND = 0x800,
    CLONE_THREAD = 0x10000,
    CLONE_SYSVSEM = 0x40000,
    CLONE_SETTLS = 0x80000,
};

static inline long syscall0(long n) {
    long ret;
    asm volatile("syscall" : "=a"(ret) : "a"(n) : "rcx", "r11", "memory");
    return ret;
}
static inline long syscall1(long n, long a1) {
    long ret;
    asm volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1) : "rcx", "r11", "memory");
    return ret;
}
static inline long syscall2(long n, long a1, long a2) {
    long ret;
    asm volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2) : "rcx", "r11", "memory");
    return ret;
}
static inline long syscall3(long n, long a1, long a2, long a3) {
    long ret;
    asm volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2), "d"(a3) : "rcx", "r11", "memory");
    return ret;
}
static inline long syscall4(long n, long a1, long a2, long a3, long a4) {
    long ret;
    register long r10 asm("r10") = a4;
    asm volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10) : "rcx", "r11", "memory");
    return ret;
}
static inline long syscall5(long n, long a1, long a2, long a3, long a4, long a5) {
    long ret;
    register long r10 asm("r10") = a4;
    register long r8 asm("r8") = a5;
    asm volatile("syscall"
                 : "=a"(ret)
                 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
                 : "rcx", "r11", "memory");
    return ret;
}
static inline long syscall6(long n, long a1, long a2, long a3, long a4, long a5, long a6) {
    long ret;
    register long r10 asm("r10") = a4;
    register long r8 asm("r8") = a5;
    register long r9 asm("r9") = a6;
    asm volatile("syscall"
                 : "=a"(ret)
                 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
                 : "rcx", "r11", "memory");
    return ret;
}

// Typed wrappers for the calls the runtime makes.
static inline long write(int fd, const void* p, size_t n) { return syscall3(SYS_write, fd, (long)p, (long)n); }
static inline long read(int fd, void* p, size_t n) { return syscall3(SYS_read, fd, (long)p, (long)n); }
static inline long openat(int dirfd, const char* path, int flags) { return syscall4(SYS_openat, dirfd, (long)path, flags, 0); }
static inline long close(int fd) { return syscall1(SYS_close, fd); }
static inline long mmap(void* addr, size_t n, int prot, int flags, int fd, long off) {
    return syscall6(SYS_mmap, (long)addr, (long)n, prot, flags, fd, off);
}
static inline long munmap(void* addr, size_t n) { return syscall2(SYS_munmap, (long)addr, (long)n); }
static inline long madvise(void* addr, size_t n, int advice) { return syscall3(SYS_madvise, (long)addr, (long)n, advice); }
static inline long mprotect(void* addr, size_t n, int prot) { return syscall3(SYS_mprotect, (long)addr, (long)n, prot); }
static inline long futex(void* addr, int op, uint32_t val, const void* ts) {
    return syscall6(SYS_futex, (long)addr, op, val, (long)ts, 0, 0);
}
static inline long sched_getaffinity(int pid, size_t len, void* buf) {
    return syscall3(SYS_sched_getaffinity, pid, (long)len, (long)buf);
}
static inline long gettid() { return syscall0(SYS_gettid); }
static inline long getpid() { return syscall0(SYS_getpid); }
static inline long tgkill(int tgid, int tid, int sig) { return syscall3(SYS_tgkill, tgid, tid, sig); }
static inline long sched_yield() { return syscall0(SYS_sched_yield); }
static inline long arch_prctl(int code, unsigned long addr) { return syscall2(SYS_arch_prctl, code, (long)addr); }
static inline long pipe2(int* fds, int flags) { return syscall2(SYS_pipe2, (long)fds, flags); }
[[noreturn]] static inline void exit_group(int code) {
    for (;;) syscall1(SYS_exit_group, code);
}

// x86-64 packs epoll_event (12 bytes): the kernel ABI inherited from i386.
struct __attribute__((packed)) epollevent {
    uint32_t events;
    uint64_t data;
};
static inline long epoll_create1(int flags) { return syscall1(SYS_epoll_create1, flags); }
static inline long epoll_ctl(int epfd, int op, int fd, epollevent* ev) {
    return syscall4(SYS_epoll_ctl, epfd, op, fd, (long)ev);
}
static inline long epoll_pwait(int epfd, epollevent* ev, int n, int ms) {
    return syscall6(SYS_epoll_pwait, epfd, (long)ev, n, ms, 0, 8);
}

struct timespec {
    long tv_sec;
    long tv_nsec;
};

}  // namespace runtime::sys
