// go_os.cpp — package os (go_os.h) and the runtime's writefd, through which
// fmt writes.
#include "go_os.h"

#include "runtime.h"
#include "sys_linux.h"

namespace runtime {

// Write all of p to fd, retrying partial writes and EINTR, as one blocking
// system call from the scheduler's point of view. Returns bytes written, or
// a negative errno if nothing could be written.
long writefd(int fd, const void* p, size_t n) {
    auto* s = (const char*)p;
    size_t done = 0;
    entersyscall();
    while (done < n) {
        long r = sys::write(fd, s + done, n - done);
        if (r == -sys::EINTR) continue;
        if (r < 0) {
            exitsyscall();
            return done > 0 ? (long)done : r;
        }
        done += (size_t)r;
    }
    exitsyscall();
    return (long)done;
}

}  // namespace runtime

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

long Write(int fd, const void* buf, size_t n) { return runtime::writefd(fd, buf, n); }

int Pipe(int fds[2]) { return (int)runtime::sys::pipe2(fds, runtime::sys::O_CLOEXEC); }

int Close(int fd) { return (int)runtime::sys::close(fd); }

}  // namespace go::os
