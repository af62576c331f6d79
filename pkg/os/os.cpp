// os.cpp — package os (go/os.h): arguments, environment, exit, I/O on raw
// descriptors, and the package's initialisation (Go's os init: the open-file
// limit, the standard files).
#include "go/io.h"
#include "go/os.h"

#include "pkg/internal/poll/fd.h"
#include "pkg/syscall/syscall_linux.h"
#include "runtime/runtime.h"

namespace go::os {

ArgList Args() { return ArgList{runtime::goArgc, runtime::goArgv}; }

const char* Getenv(const char* key) { return runtime::gogetenv(key); }

void Exit(int code) { runtime::exit(code); }

// Standard input, output and error as Go's os.Stdin/Stdout/Stderr see them
// (NewFile's kindNonBlock): a descriptor that is already non-blocking at
// start goes in the poller; any other is used with blocking system calls.
static poll::FD stdio[3];

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
            stdio[fd].Sysfd = fd;
            long fl = syscall::fcntl(fd, syscall::F_GETFL, 0);
            if (fl >= 0 && (fl & syscall::O_NONBLOCK) != 0) stdio[fd].Init("file", true);
            else stdio[fd].Init("file", false);
        }
    }
} osInitOnce;

static long errnoResult(const poll::IOResult& r) {
    if (!r.err || r.n > 0) return r.n;
    int e = syscall::ErrnoOf(r.err);
    return e != 0 ? -e : -EIO;
}

long Read(int fd, void* buf, size_t n) {
    if (fd == 0 && stdio[0].pd.pollable()) {
        poll::IOResult r = stdio[0].Read(buf, n);
        return r.err == io::ErrEOF ? 0 : errnoResult(r);
    }
    runtime::entersyscall();
    long r;
    do {
        r = runtime::sys::read(fd, buf, n);
    } while (r == -EINTR);
    runtime::exitsyscall();
    return r;
}

// Write all of buf to fd, retrying partial writes and EINTR, as one blocking
// system call from the scheduler's point of view (or through the poller for
// a non-blocking standard output). Returns bytes written, or a negative
// errno if nothing could be written. fmt writes through here.
long Write(int fd, const void* buf, size_t n) {
    long res;
    if ((fd == 1 || fd == 2) && stdio[fd].pd.pollable()) {
        res = errnoResult(stdio[fd].Write(buf, n));
    } else {
        auto* s = (const char*)buf;
        size_t done = 0;
        res = 0;
        runtime::entersyscall();
        while (done < n) {
            long r = runtime::sys::write(fd, s + done, n - done);
            if (r == -EINTR) continue;
            if (r < 0) {
                res = done > 0 ? (long)done : r;
                break;
            }
            done += (size_t)r;
        }
        runtime::exitsyscall();
        if (done == n) res = (long)done;
    }
    // Go's epipecheck: a closed pipe on standard output or error kills the
    // program with SIGPIPE; on any other descriptor it is an error.
    if (res == -EPIPE && (fd == 1 || fd == 2)) runtime::sigpipe();
    return res;
}

int Pipe(int fds[2]) { return (int)runtime::sys::pipe2(fds, runtime::sys::O_CLOEXEC); }

int Close(int fd) { return (int)runtime::sys::close(fd); }

}  // namespace go::os
