// os.cpp — package os (go/os.h): arguments, environment, exit, and file
// I/O on raw descriptors.
#include "go/os.h"

#include "runtime/runtime.h"
#include "runtime/sys_linux.h"

namespace go::os {

ArgList Args() { return ArgList{runtime::goArgc, runtime::goArgv}; }

const char* Getenv(const char* key) { return runtime::gogetenv(key); }

void Exit(int code) { runtime::exit(code); }

long Read(int fd, void* buf, size_t n) {
    runtime::entersyscall();
    long r;
    do {
        r = runtime::sys::read(fd, buf, n);
    } while (r == -runtime::sys::EINTR);
    runtime::exitsyscall();
    return r;
}

// Write all of buf to fd, retrying partial writes and EINTR, as one blocking
// system call from the scheduler's point of view. Returns bytes written, or
// a negative errno if nothing could be written. fmt writes through here.
long Write(int fd, const void* buf, size_t n) {
    auto* s = (const char*)buf;
    size_t done = 0;
    runtime::entersyscall();
    while (done < n) {
        long r = runtime::sys::write(fd, s + done, n - done);
        if (r == -runtime::sys::EINTR) continue;
        if (r < 0) {
            runtime::exitsyscall();
            // Go's epipecheck: SIGPIPE is caught (and ignored) by the
            // runtime, so a write to a closed pipe returns EPIPE; on
            // stdout or stderr the program then dies by SIGPIPE, as Go's does.
            if (r == -runtime::sys::EPIPE && (fd == 1 || fd == 2)) runtime::dieFromSignal(13 /*SIGPIPE*/);
            return done > 0 ? (long)done : r;
        }
        done += (size_t)r;
    }
    runtime::exitsyscall();
    return (long)done;
}

int Pipe(int fds[2]) { return (int)runtime::sys::pipe2(fds, runtime::sys::O_CLOEXEC); }

int Close(int fd) { return (int)runtime::sys::close(fd); }

}  // namespace go::os
