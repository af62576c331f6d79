// syscall_linux.h — the part of Go's package syscall that pkg/os, pkg/net and
// pkg/internal/poll use: raw socket and file system calls (each returns the
// kernel's result, a negative errno on failure, as runtime/sys_linux.h does),
// their constants, and errno values as go::error.
#pragma once
#include <stdint.h>

#include <cerrno>

#include <string>

#include "go/errors.h"
#include "go/syscall.h"
#include "runtime/sys_linux.h"

namespace go::syscall {

using runtime::sys::syscall2;
using runtime::sys::syscall3;
using runtime::sys::syscall4;
using runtime::sys::syscall5;
using runtime::sys::syscall6;

enum : long {
    SYS_fstat = 5,
    SYS_socket = 41,
    SYS_connect = 42,
    SYS_sendto = 44,
    SYS_shutdown = 48,
    SYS_bind = 49,
    SYS_listen = 50,
    SYS_getsockname = 51,
    SYS_getpeername = 52,
    SYS_setsockopt = 54,
    SYS_getsockopt = 55,
    SYS_accept4 = 288,
    SYS_unlink = 87,
    SYS_prlimit64 = 302,
};

// errno values: <cerrno>'s macros (EINTR, EAGAIN, ...), Linux's numbers.

enum : int {
    AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10,
    SOCK_STREAM = 1, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000,
    SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_ERROR = 4,
    IPPROTO_TCP = 6, IPPROTO_IPV6 = 41, TCP_NODELAY = 1, IPV6_V6ONLY = 26,
    SHUT_RD = 0, SHUT_WR = 1,
    O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_TRUNC = 0x200, O_APPEND = 0x400,
    O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000,
    S_IFMT = 0170000, S_IFREG = 0100000, S_IFIFO = 0010000, S_IFSOCK = 0140000, S_IFCHR = 0020000,
    RLIMIT_NOFILE = 7, MSG_NOSIGNAL = 0x4000,
};

struct sockaddr_in {
    uint16_t family;
    uint16_t port;  // network byte order
    uint8_t addr[4];
    uint8_t zero[8];
};
struct sockaddr_in6 {
    uint16_t family;
    uint16_t port;  // network byte order
    uint32_t flowinfo;
    uint8_t addr[16];
    uint32_t scope_id;
};
struct sockaddr_un {
    uint16_t family;
    char path[108];
};
// Room for any of them (Go's RawSockaddrAny).
struct sockaddr_any {
    union {
        uint16_t family;
        sockaddr_in in4;
        sockaddr_in6 in6;
        sockaddr_un un;
    };
};

struct rlimit {
    uint64_t cur, max;
};

struct stat_t {  // struct stat on x86-64
    uint64_t dev, ino, nlink;
    uint32_t mode, uid, gid, pad0;
    uint64_t rdev;
    int64_t size, blksize, blocks;
    int64_t atime[2], mtime[2], ctime[2];
    int64_t unused[3];
};

inline long socket(int domain, int type, int proto) { return syscall3(SYS_socket, domain, type, proto); }
inline long connect(int fd, const void* sa, uint32_t len) { return syscall3(SYS_connect, fd, (long)sa, len); }
inline long bind(int fd, const void* sa, uint32_t len) { return syscall3(SYS_bind, fd, (long)sa, len); }
inline long listen(int fd, int backlog) { return syscall2(SYS_listen, fd, backlog); }
inline long accept4(int fd, void* sa, uint32_t* len, int flags) {
    return syscall4(SYS_accept4, fd, (long)sa, (long)len, flags);
}
inline long shutdown(int fd, int how) { return syscall2(SYS_shutdown, fd, how); }
inline long getsockname(int fd, void* sa, uint32_t* len) { return syscall3(SYS_getsockname, fd, (long)sa, (long)len); }
inline long getpeername(int fd, void* sa, uint32_t* len) { return syscall3(SYS_getpeername, fd, (long)sa, (long)len); }
inline long setsockoptInt(int fd, int level, int opt, int v) {
    return syscall5(SYS_setsockopt, fd, level, opt, (long)&v, sizeof v);
}
inline long getsockoptInt(int fd, int level, int opt, int* v) {
    uint32_t len = sizeof *v;
    return syscall5(SYS_getsockopt, fd, level, opt, (long)v, (long)&len);
}
inline long fstat(int fd, stat_t* st) { return syscall2(SYS_fstat, fd, (long)st); }
inline long openat(int dirfd, const char* path, int flags, int perm) {
    return syscall4(runtime::sys::SYS_openat, dirfd, (long)path, flags, perm);
}
inline long prlimit(int pid, int res, const rlimit* nw, rlimit* old) {
    return syscall4(SYS_prlimit64, pid, res, (long)nw, (long)old);
}
inline long unlink(const char* path) { return runtime::sys::syscall1(SYS_unlink, (long)path); }
inline long fcntl(int fd, int cmd, long arg) { return syscall3(runtime::sys::SYS_fcntl, fd, cmd, arg); }
constexpr int F_GETFL = 3, F_SETFL = 4;

// The errno's text as Go prints it ("connection refused"), nullptr if unknown.
const char* ErrnoText(int e);
// The go::error of errno e is syscall::Errno(e) converted (go/syscall.h).
// ErrnoOf: the errno number of err if it is one of those values (Go:
// err.(syscall.Errno)), 0 otherwise.
int ErrnoOf(const error& err);
inline bool IsErrno(const error& err) { return ErrnoOf(err) != 0; }

}  // namespace go::syscall
