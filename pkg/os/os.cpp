// os.cpp — package os (go/os.h): arguments, environment, exit, and file
// I/O on raw descriptors.
#include "go/os.h"
#include "go/sync.h"

#include "runtime/runtime.h"
#include "runtime/sys_linux.h"

namespace go::os {

ArgList Args() { return ArgList{runtime::goArgc, runtime::goArgv}; }

const char* Getenv(const char* key) { return runtime::gogetenv(key); }

void Exit(int code) { runtime::exit(code); }

namespace {

// Waiting for a non-blocking descriptor. Go parks the goroutine in its
// network poller until the descriptor is ready; until this runtime has one,
// the goroutine waits in poll(2), counted as a blocking system call (the
// caller is inside entersyscall), so its P goes to another thread meanwhile.
constexpr long SYS_poll = 7;
constexpr short POLLIN = 0x1, POLLOUT = 0x4;

struct pollfd {
    int fd;
    short events, revents;
};

// Wait until fd is ready for events (or reports an error or hang-up, which
// the retried read or write then returns). Returns 0 or a negative errno.
long waitFd(int fd, short events) {
    pollfd p{fd, events, 0};
    long r;
    do {
        r = runtime::sys::syscall3(SYS_poll, (long)&p, 1, -1);
    } while (r == -runtime::sys::EINTR);
    return r < 0 ? r : 0;
}

// Writes to one descriptor are serialized, as Go's os.File does with the
// write half of its fdMutex: one Write is one run of write(2) calls that no
// other Write to that descriptor interleaves, so a line longer than
// PIPE_BUF reaches a pipe whole. A sync::Mutex parks a waiting goroutine,
// not its thread. Descriptors share locks modulo the table's size
// (harmless: it only serializes two descriptors' writes).
constexpr int fdLockCount = 256;
constinit sync::Mutex fdWriteLock[fdLockCount];

sync::Mutex& writeLock(int fd) { return fdWriteLock[(unsigned)fd % fdLockCount]; }

}  // namespace

long Read(int fd, void* buf, size_t n) {
    runtime::entersyscall();
    long r;
    for (;;) {
        r = runtime::sys::read(fd, buf, n);
        if (r == -runtime::sys::EINTR) continue;
        if (r != -runtime::sys::EAGAIN) break;
        if ((r = waitFd(fd, POLLIN)) < 0) break;
    }
    runtime::exitsyscall();
    return r;
}

// Write all of buf to fd, retrying partial writes and EINTR and waiting
// while a non-blocking fd is full (EAGAIN), as one blocking system call from
// the scheduler's point of view. Returns bytes written, or a negative errno
// if nothing could be written. fmt writes through here.
long Write(int fd, const void* buf, size_t n) {
    auto* s = (const char*)buf;
    size_t done = 0;
    long err = 0;
    sync::Mutex& mu = writeLock(fd);
    mu.Lock();
    runtime::entersyscall();
    while (done < n) {
        long r = runtime::sys::write(fd, s + done, n - done);
        if (r == -runtime::sys::EINTR) continue;
        if (r == -runtime::sys::EAGAIN && (r = waitFd(fd, POLLOUT)) == 0) continue;
        if (r < 0) {
            err = r;
            break;
        }
        done += (size_t)r;
    }
    runtime::exitsyscall();
    mu.Unlock();
    return done > 0 || err == 0 ? (long)done : err;
}

int Pipe(int fds[2]) { return (int)runtime::sys::pipe2(fds, runtime::sys::O_CLOEXEC); }

int Close(int fd) { return (int)runtime::sys::close(fd); }

}  // namespace go::os
