// os.cpp — package os (go/os.h): arguments, environment, exit, I/O on raw
// descriptors, and the package's initialisation (Go's os init: the open-file
// limit, how the standard files are used).
#include "go/os.h"
#include "go/sync.h"

#include "pkg/syscall/syscall_linux.h"
#include "runtime/netpoll.h"
#include "runtime/runtime.h"

// Weak: called only once the poller runs, so they never link it (stdFile).
namespace runtime {
RUNTIME_WEAK pollDesc* poll_runtime_pollOpen(uintptr fd, int* errno_);
RUNTIME_WEAK int poll_runtime_pollWait(pollDesc* pd, int mode);
}  // namespace runtime

namespace go::os {

ArgList Args() { return ArgList{runtime::goArgc, runtime::goArgv}; }

const char* Getenv(const char* key) { return runtime::gogetenv(key); }

void Exit(int code) { runtime::exit(code); }

namespace {

// Writes to one descriptor are serialized, as Go's os.File does with the
// write half of its fdMutex: one Write is one run of write(2) calls that no
// other Write to that descriptor interleaves, so a line longer than
// PIPE_BUF reaches a pipe whole. A sync::Mutex parks a waiting goroutine,
// not its thread. Descriptors share locks modulo the table's size
// (harmless: it only serializes two descriptors' writes). Reads of a
// non-blocking standard input take the read half (one poller waiter).
constexpr int fdLockCount = 256;
constinit sync::Mutex fdWriteLock[fdLockCount];
constinit sync::Mutex stdinReadLock;

sync::Mutex& writeLock(int fd) { return fdWriteLock[(unsigned)fd % fdLockCount]; }

// Standard input, output and error as Go's os.Stdin/Stdout/Stderr use them
// (NewFile's kindNonBlock): a descriptor already non-blocking at start (a
// pipe a parent made so) is waited for in the network poller. Divergences
// from Go 1.19, for the size of every program (docs/performance.md): Go
// wraps them in poll.FDs at init; here the raw descriptor is registered with
// the runtime's poller on its first EAGAIN, and only if the program runs the
// poller already (it has started a timer or opened a network descriptor):
// the poll_runtime_* references below are weak, so that writing to standard
// output does not link the poller. Without it the wait is waitFd's poll(2),
// as a blocking system call whose P goes to another thread meanwhile.
struct stdFile {
    bool nonblock = false;            // [set at init]
    runtime::pollDesc* pd = nullptr;  // [the fd's lock] registered on the first EAGAIN
    bool unpollable = false;          // [the fd's lock] the poller refused it: poll(2) instead
};
stdFile stdio[3];

struct osInit {
    osInit() {
        // Go 1.19's os/rlimit.go: raise the open-file soft limit to the hard
        // limit, so that a server can hold as many connections as it may.
        syscall::rlimit lim;
        if (syscall::prlimit(0, syscall::RLIMIT_NOFILE, nullptr, &lim) == 0 && lim.cur != lim.max) {
            lim.cur = lim.max;
            syscall::prlimit(0, syscall::RLIMIT_NOFILE, &lim, nullptr);
        }
        for (int fd = 0; fd < 3; fd++) {
            long fl = syscall::fcntl(fd, syscall::F_GETFL, 0);
            stdio[fd].nonblock = fl >= 0 && (fl & syscall::O_NONBLOCK) != 0;
        }
    }
} osInitOnce;

bool nonblockStd(int fd) { return fd >= 0 && fd < 3 && stdio[fd].nonblock; }

// Whether standard fd waits in the poller: once the poller runs (see
// stdFile), unless the poller refused it.
bool pollableStd(int fd) { return nonblockStd(fd) && !stdio[fd].unpollable && runtime::netpollinited(); }

// Wait until standard fd is ready for mode ('r' or 'w'), its lock held, in
// the poller. False when the poller cannot wait for it; when it refuses to
// register the descriptor (epoll_ctl's ENOMEM or ENOSPC), the descriptor
// is marked to wait in poll(2) from then on.
bool waitStd(int fd, int mode) {
    stdFile* f = &stdio[fd];
    if (f->pd == nullptr) {
        int errno_ = 0;
        f->pd = runtime::poll_runtime_pollOpen((uintptr_t)fd, &errno_);
        if (f->pd == nullptr) {
            f->unpollable = true;
            return false;
        }
    }
    return runtime::poll_runtime_pollWait(f->pd, mode) == runtime::pollNoError;
}

// Any other raw descriptor found non-blocking (a pipe from Pipe a user set
// O_NONBLOCK on): wait in poll(2), counted as a blocking system call (the
// caller is inside entersyscall), so its P goes to another thread meanwhile.
// A raw descriptor has no owner to unregister it from the poller when it is
// closed, which is why only the standard ones go there.
constexpr long SYS_poll = 7;
constexpr short POLLIN = 0x1, POLLOUT = 0x4;
struct pollfd {
    int fd;
    short events, revents;
};
long waitFd(int fd, short events) {
    pollfd p{fd, events, 0};
    long r;
    do r = runtime::sys::syscall3(SYS_poll, (long)&p, 1, -1);
    while (r == -EINTR);
    return r < 0 ? r : 0;
}

// After EAGAIN: wait until fd is ready. Called inside entersyscall; true when
// the operation should be retried.
bool waitReady(int fd, int mode) {
    short events = mode == 'r' ? POLLIN : POLLOUT;
    if (!pollableStd(fd)) return waitFd(fd, events) == 0;
    runtime::exitsyscall();
    bool ok = waitStd(fd, mode);
    runtime::entersyscall();
    return ok || (stdio[fd].unpollable && waitFd(fd, events) == 0);
}

}  // namespace

long Read(int fd, void* buf, size_t n) {
    bool locked = fd == 0 && nonblockStd(0);
    if (locked) stdinReadLock.Lock();
    long r;
    runtime::entersyscall();
    for (;;) {
        r = runtime::sys::read(fd, buf, n);
        if (r == -EINTR) continue;
        if (r != -EAGAIN || !waitReady(fd, 'r')) break;
    }
    runtime::exitsyscall();
    if (locked) stdinReadLock.Unlock();
    return r;
}

// Write all of buf to fd, retrying partial writes and EINTR and waiting
// while a non-blocking fd is full (EAGAIN), as one blocking system call from
// the scheduler's point of view. Returns bytes written, or a negative errno
// if nothing could be written. fmt writes through here.
long Write(int fd, const void* buf, size_t n) {
    auto* s = (const char*)buf;
    size_t done = 0;
    long res = 0;
    sync::Mutex& mu = writeLock(fd);
    mu.Lock();
    runtime::entersyscall();
    while (done < n) {
        long r = runtime::sys::write(fd, s + done, n - done);
        if (r == -EINTR) continue;
        if (r == -EAGAIN && waitReady(fd, 'w')) continue;
        if (r < 0) {
            res = r;
            break;
        }
        done += (size_t)r;
    }
    runtime::exitsyscall();
    mu.Unlock();
    if (done > 0) res = (long)done;
    // Go's epipecheck: a closed pipe on standard output or error kills the
    // program with SIGPIPE; on any other descriptor it is an error.
    if (res == -EPIPE && (fd == 1 || fd == 2)) runtime::sigpipe();
    return res;
}

int Pipe(int fds[2]) { return (int)runtime::sys::pipe2(fds, runtime::sys::O_CLOEXEC); }

int Close(int fd) { return (int)runtime::sys::close(fd); }

}  // namespace go::os
