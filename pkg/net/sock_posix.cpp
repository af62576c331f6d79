// sock_posix.cpp — Go's net/sock_posix.go, sockopt_linux.go and the connect
// of fd_unix.go: create a non-blocking socket, then either bind and listen
// (a listener) or connect, waiting in the poller until the connection is
// made, refused, or the deadline passes.
#include "pkg/net/fd_unix.h"
#include "runtime/runtime.h"

namespace go::net::detail {

// Go's maxListenerBacklog: /proc/sys/net/core/somaxconn, capped to what the
// kernel's listen takes (a uint16 before Linux 4.1).
static int maxListenerBacklog() {
    static int backlog;  // [computed once; a race computes the same value twice]
    int b = __atomic_load_n(&backlog, __ATOMIC_RELAXED);
    if (b != 0) return b;
    b = 128;  // syscall.SOMAXCONN
    long fd = syscall::openat(runtime::sys::AT_FDCWD, "/proc/sys/net/core/somaxconn",
                              syscall::O_RDONLY | syscall::O_CLOEXEC, 0);
    if (fd >= 0) {
        char buf[32];
        long n = runtime::sys::read((int)fd, buf, sizeof buf - 1);
        runtime::sys::close((int)fd);
        int v = 0, digits = 0;
        for (long i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++, digits++) v = v * 10 + (buf[i] - '0');
        if (digits > 0 && v > 0) b = v > 65535 ? 65535 : v;
    }
    __atomic_store_n(&backlog, b, __ATOMIC_RELAXED);
    return b;
}

// Go's netFD.connect.
static error connect(netFD* fd, const sockAddr& ra, int64_t deadline) {
    int s = fd->pfd.Sysfd;
    long r = syscall::connect(s, &ra.sa, ra.len);
    switch (-r) {
    case EINPROGRESS:
    case EALREADY:
    case EINTR: break;
    case 0:
    case EISCONN: return fd->pfd.Init(fd->net.c_str(), true);
    default: return wrapSyscallError("connect", syscall::Errno((int)-r));
    }
    if (error err = fd->pfd.Init(fd->net.c_str(), true)) return err;
    if (deadline != 0) fd->pfd.SetWriteDeadline(deadline);
    error res;
    for (;;) {
        // Performing multiple connect system calls on a non-blocking socket
        // under Unix variants does not necessarily result in earlier errors
        // being returned. Instead, once runtime-integrated network poller
        // tells us that the socket is ready, get the SO_ERROR socket option
        // to see if the connection succeeded or failed (Go issue 7474).
        if (error err = fd->pfd.WaitWrite()) {
            res = err;
            break;
        }
        int nerr = 0;
        if (long e = syscall::getsockoptInt(s, syscall::SOL_SOCKET, syscall::SO_ERROR, &nerr); e < 0) {
            res = wrapSyscallError("getsockopt", syscall::Errno((int)-e));
            break;
        }
        if (nerr == EINPROGRESS || nerr == EALREADY || nerr == EINTR) continue;
        if (nerr == EISCONN) break;
        if (nerr == 0) {
            // The runtime poller can wake us up spuriously (Go issues 14548
            // and 19289). Check that we are really connected; if not, wait
            // again.
            sockAddr peer;
            peer.len = sizeof peer.sa;
            if (syscall::getpeername(s, &peer.sa, &peer.len) == 0) break;
            continue;
        }
        res = wrapSyscallError("connect", syscall::Errno(nerr));
        break;
    }
    if (deadline != 0) fd->pfd.SetWriteDeadline(0);
    return res;
}

result<netFD*> socket(std::string_view net, int family, const sockAddr& laddr, const sockAddr& raddr, int64_t deadline,
                      bool v6only) {
    long s = syscall::socket(family, syscall::SOCK_STREAM | syscall::SOCK_NONBLOCK | syscall::SOCK_CLOEXEC, 0);
    if (s < 0) return {nullptr, wrapSyscallError("socket", syscall::Errno((int)-s))};
    // Go's setDefaultSockopts: an IPv6 socket says whether it takes IPv4 too.
    if (family == syscall::AF_INET6)
        syscall::setsockoptInt((int)s, syscall::IPPROTO_IPV6, syscall::IPV6_V6ONLY, v6only ? 1 : 0);
    auto* fd = new netFD;
    fd->pfd.Sysfd = (int)s;
    fd->family = family;
    fd->net = std::string(net);
    error err;
    if (laddr.len != 0 && raddr.len == 0) {
        // A listener (Go's netFD.listenStream).
        fd->isListener = true;
        if (family != syscall::AF_UNIX)  // setDefaultListenerSockopts
            syscall::setsockoptInt((int)s, syscall::SOL_SOCKET, syscall::SO_REUSEADDR, 1);
        if (long e = syscall::bind((int)s, &laddr.sa, laddr.len); e < 0) {
            err = wrapSyscallError("bind", syscall::Errno((int)-e));
        } else if (long e2 = syscall::listen((int)s, maxListenerBacklog()); e2 < 0) {
            err = wrapSyscallError("listen", syscall::Errno((int)-e2));
        } else {
            err = fd->pfd.Init(fd->net.c_str(), true);
            fd->unlinkOnClose = family == syscall::AF_UNIX;
        }
    } else {
        err = connect(fd, raddr, deadline);
        if (!err) fd->raddr = raddr;
    }
    if (err) {
        if (fd->pfd.pd.pollable()) {
            fd->unlinkOnClose = false;
            handleRelease(fd);
        } else {
            runtime::sys::close((int)s);
            delete fd;
        }
        return {nullptr, err};
    }
    fd->laddr.len = sizeof fd->laddr.sa;
    if (syscall::getsockname((int)s, &fd->laddr.sa, &fd->laddr.len) < 0) fd->laddr.len = 0;
    if (family == syscall::AF_UNIX && !fd->isListener && fd->laddr.len <= 2) fd->laddr.len = 0;
    return {fd, error()};
}

}  // namespace go::net::detail
