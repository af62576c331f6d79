// fd_unix.cpp — Go's internal/poll/fd_unix.go: Init, Close, Read, Write,
// Accept on an FD. A pollable FD is non-blocking: an EAGAIN parks the
// goroutine in the poller, never the thread.
//
// Divergence from Go 1.19: Go makes every system call through
// syscall.Syscall, which brackets it with entersyscall/exitsyscall. Calls on
// a pollable (non-blocking) FD never block, so they are made raw here: the
// bookkeeping would cost more than the call. Calls on a blocking FD (a
// regular file) keep the bracket, so a slow disk does not hold a P.
#include "go/io.h"
#include "pkg/internal/poll/fd.h"
#include "pkg/syscall/syscall_linux.h"
#include "runtime/runtime.h"

namespace go::poll {

namespace sys = runtime::sys;

// Darwin and FreeBSD can't read or write 2GB+ files at a time, even on
// 64-bit systems; Go applies the limit everywhere for streams (maxRW).
constexpr size_t maxRW = 1 << 30;

// A read or write on fd: raw when it cannot block, bracketed otherwise.
template <class F> static long ignoringEINTRIO(const FD* fd, F call) {
    bool blocking = fd->pd.runtimeCtx == nullptr;
    for (;;) {
        if (blocking) runtime::entersyscall();
        long r = call();
        if (blocking) runtime::exitsyscall();
        if (r != -EINTR) return r;
    }
}

error FD::Init(const char* net, bool pollable) {
    // We don't actually care about the various network types.
    if (net[0] == 'f' && net[1] == 'i' && net[2] == 'l' && net[3] == 'e' && net[4] == 0) isFile = true;
    if (!pollable) {
        isBlocking = 1;
        return error();
    }
    error err = pd.init(this);
    if (err) {
        // If we could not initialize the runtime poller, assume we are
        // using blocking mode.
        isBlocking = 1;
    }
    return err;
}

// Destroy closes the file descriptor. This is called when there are no
// remaining references.
error FD::destroy() {
    // Poller may want to unregister fd in readiness notification mechanism,
    // so this must be executed before closing it.
    pd.close();
    long r = sys::close(Sysfd);
    Sysfd = -1;
    runtime::semrelease(&csema, false);
    return r < 0 ? syscall::Errno((int)-r) : error();
}

// Close closes the FD. The underlying file descriptor is closed by the
// destroy method when there are no remaining references.
error FD::Close() {
    if (!fdmu.increfAndClose()) return isFile ? ErrFileClosing : ErrNetClosing;
    // Unblock any I/O. Once it all unblocks and returns, so that it cannot
    // be referring to fd.sysfd anymore, the final decref will close
    // fd.sysfd. This should happen fairly quickly, since all the I/O is
    // non-blocking, and any attempts to block in the pollDesc will return
    // errClosing.
    pd.evict();
    // The call to decref will call destroy if there are no other references.
    error err = decref();
    // Wait until the descriptor is closed. If this was the only reference,
    // it is already closed. Only wait if the file has not been set to
    // blocking mode, as otherwise any current I/O may be blocking, and that
    // would block the Close.
    if (isBlocking == 0) runtime::semacquire(&csema, false, runtime::waitReason::semacquire);
    return err;
}

// Returns io.EOF when a zero-byte read of a stream means end of input.
error FD::eofError(long n, const error& err) const {
    if (n == 0 && !err && ZeroReadIsEOF) return io::ErrEOF;
    return err;
}

IOResult FD::Read(void* p, size_t n) {
    if (error err = readLock()) return {0, err};
    IOResult res{0, error()};
    if (n == 0) {
        // If the caller wanted a zero byte read, return immediately without
        // trying (Go: "io.Reader contract").
        readUnlock();
        return res;
    }
    if (error err = pd.prepare('r', isFile)) {
        readUnlock();
        return {0, err};
    }
    if (IsStream && n > maxRW) n = maxRW;
    for (;;) {
        long r = ignoringEINTRIO(this, [&] { return sys::read(Sysfd, p, n); });
        error err;
        if (r < 0) {
            long e = -r;
            r = 0;
            if (e == EAGAIN && pd.pollable()) {
                err = pd.wait('r', isFile);
                if (!err) continue;
            } else {
                err = syscall::Errno((int)e);
            }
        }
        res = {r, eofError(r, err)};
        break;
    }
    readUnlock();
    return res;
}

IOResult FD::Write(const void* p, size_t n) {
    if (error err = writeLock()) return {0, err};
    if (error err = pd.prepare('w', isFile)) {
        writeUnlock();
        return {0, err};
    }
    auto* b = (const char*)p;
    size_t nn = 0;
    IOResult res{0, error()};
    for (;;) {
        size_t max = n;
        if (IsStream && max - nn > maxRW) max = nn + maxRW;
        long r = ignoringEINTRIO(this, [&] { return sys::write(Sysfd, b + nn, max - nn); });
        error err;
        if (r > 0) nn += (size_t)r;
        else if (r < 0) err = syscall::Errno((int)-r);
        if (nn == n) {
            res = {(long)nn, err};
            break;
        }
        if (r == -EAGAIN && pd.pollable()) {
            err = pd.wait('w', isFile);
            if (!err) continue;
        }
        if (err) {
            res = {(long)nn, err};
            break;
        }
        if (r == 0) {
            res = {(long)nn, io::ErrUnexpectedEOF};
            break;
        }
    }
    writeUnlock();
    return res;
}

int FD::Accept(void* sa, uint32_t* salen, error* errOut, const char** errcall) {
    *errcall = "";
    if (error err = readLock()) {
        *errOut = err;
        return -1;
    }
    int s = -1;
    error err = pd.prepare('r', isFile);
    while (!err) {
        uint32_t len = *salen;
        long r = syscall::accept4(Sysfd, sa, &len, syscall::SOCK_NONBLOCK | syscall::SOCK_CLOEXEC);
        if (r >= 0) {
            s = (int)r;
            *salen = len;
            break;
        }
        if (r == -EINTR) continue;
        if (r == -EAGAIN && pd.pollable()) {
            err = pd.wait('r', isFile);
            continue;
        }
        // This means that a socket on the listen queue was closed before we
        // Accept()ed it; it's a silly error, so try again.
        if (r == -ECONNABORTED) continue;
        *errcall = "accept4";
        err = syscall::Errno((int)-r);
    }
    readUnlock();
    *errOut = err;
    return s;
}

// WaitWrite waits until data can be written to fd.
error FD::WaitWrite() { return pd.wait('w', isFile); }

error FD::Shutdown(int how) {
    if (error err = incref()) return err;
    long r = syscall::shutdown(Sysfd, how);
    decref();
    return r < 0 ? syscall::Errno((int)-r) : error();
}

}  // namespace go::poll
