// os.cpp — package os (go/os.h): arguments, environment, exit, I/O on raw
// descriptors, and the package's initialisation (Go's os init: the open-file
// limit, how the standard files are used).
#include "go/os.h"

#include "pkg/syscall/syscall_linux.h"
#include "runtime/netpoll.h"
#include "runtime/runtime.h"

namespace go::os {

ArgList Args() { return ArgList{runtime::goArgc, runtime::goArgv}; }

const char* Getenv(const char* key) { return runtime::gogetenv(key); }

void Exit(int code) { runtime::exit(code); }

// Standard input, output and error as Go's os.Stdin/Stdout/Stderr use them
// (NewFile's kindNonBlock): a descriptor already non-blocking at start (a
// pipe a parent made so) is waited for in the network poller. Divergence
// from Go 1.19, for the size of every program: Go wraps them in poll.FDs at
// init; here the raw descriptor is registered with the runtime's poller on
// its first EAGAIN, and a flag per descriptor stands in for the FD's write
// lock (one waiter per direction, whole writes not interleaved); a goroutine
// that finds it taken sleeps 50 µs at a time, so that the lock costs a
// program that never writes to a non-blocking pipe nothing (no semaphore
// table linked into every binary).
struct stdFile {
    bool nonblock = false;              // [set at init]
    uint32_t busy = 0;                  // [atomic] a Read (fd 0) or Write (fds 1, 2) is in progress
    runtime::pollDesc* pd = nullptr;    // [busy] registered on the first EAGAIN

    void lock() {
        uint32_t free = 0;
        while (!__atomic_compare_exchange_n(&busy, &free, 1u, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            free = 0;
            runtime::timeSleep(50 * 1000);
        }
    }
    void unlock() { __atomic_store_n(&busy, 0u, __ATOMIC_RELEASE); }
};
static stdFile stdio[3];

static struct osInit {
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

// Wait until standard fd is ready for mode ('r' or 'w'), its lock held. False
// when the poller cannot wait for it (then EAGAIN is the caller's result).
static bool waitStd(int fd, int mode) {
    stdFile* f = &stdio[fd];
    if (f->pd == nullptr) {
        runtime::poll_runtime_pollServerInit();
        int errno_ = 0;
        f->pd = runtime::poll_runtime_pollOpen((uintptr_t)fd, &errno_);
        if (f->pd == nullptr) return false;
    }
    return runtime::poll_runtime_pollWait(f->pd, mode) == runtime::pollNoError;
}

long Read(int fd, void* buf, size_t n) {
    bool pollable = fd == 0 && stdio[0].nonblock;
    if (pollable) stdio[0].lock();
    long r;
    for (;;) {
        runtime::entersyscall();
        do r = runtime::sys::read(fd, buf, n);
        while (r == -EINTR);
        runtime::exitsyscall();
        if (r != -EAGAIN || !pollable || !waitStd(0, 'r')) break;
    }
    if (pollable) stdio[0].unlock();
    return r;
}

// Write all of buf to fd, retrying partial writes and EINTR, as one blocking
// system call from the scheduler's point of view; a non-blocking standard
// output or error waits in the poller when full. Returns bytes written, or a
// negative errno if nothing could be written. fmt writes through here.
long Write(int fd, const void* buf, size_t n) {
    bool pollable = (fd == 1 || fd == 2) && stdio[fd].nonblock;
    if (pollable) stdio[fd].lock();
    auto* s = (const char*)buf;
    size_t done = 0;
    long res = 0;
    runtime::entersyscall();
    while (done < n) {
        long r = runtime::sys::write(fd, s + done, n - done);
        if (r == -EINTR) continue;
        if (r == -EAGAIN && pollable) {
            runtime::exitsyscall();
            bool ok = waitStd(fd, 'w');
            runtime::entersyscall();
            if (ok) continue;
        }
        if (r < 0) {
            res = r;
            break;
        }
        done += (size_t)r;
    }
    runtime::exitsyscall();
    if (pollable) stdio[fd].unlock();
    if (done > 0) res = (long)done;
    // Go's epipecheck: a closed pipe on standard output or error kills the
    // program with SIGPIPE; on any other descriptor it is an error.
    if (res == -EPIPE && (fd == 1 || fd == 2)) runtime::sigpipe();
    return res;
}

int Pipe(int fds[2]) { return (int)runtime::sys::pipe2(fds, runtime::sys::O_CLOEXEC); }

int Close(int fd) { return (int)runtime::sys::close(fd); }

}  // namespace go::os
