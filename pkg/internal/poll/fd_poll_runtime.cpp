// fd_poll_runtime.cpp — Go's internal/poll/fd_poll_runtime.go: an FD's
// pollDesc over the runtime's poller (runtime/netpoll.cpp), its deadlines,
// and this package's errors.
#include "go.h"
#include "pkg/internal/poll/fd.h"
#include "pkg/syscall/syscall_linux.h"

namespace go::poll {

// Immortal, constant-initialised values (refs -1): usable from static
// constructors, compared by identity in errors::Is.
detail::errorValue errNetClosingValue{-1, "use of closed network connection", nullptr};
detail::errorValue errFileClosingValue{-1, "use of closed file", nullptr};
detail::errorValue errDeadlineExceededValue{-1, "i/o timeout", nullptr};
static detail::errorValue errNotPollableValue{-1, "not pollable", nullptr};
static detail::errorValue errNoDeadlineValue{-1, "file type does not support deadline", nullptr};

constinit const error ErrNetClosing{&errNetClosingValue};
constinit const error ErrFileClosing{&errFileClosingValue};
constinit const error ErrDeadlineExceeded{&errDeadlineExceededValue};
constinit const error ErrNotPollable{&errNotPollableValue};
constinit const error ErrNoDeadline{&errNoDeadlineValue};

static error convertErr(int res, bool isFile) {
    switch (res) {
    case runtime::pollNoError: return error();
    case runtime::pollErrClosing: return isFile ? ErrFileClosing : ErrNetClosing;
    case runtime::pollErrTimeout: return ErrDeadlineExceeded;
    case runtime::pollErrNotPollable: return ErrNotPollable;
    }
    panic("unreachable: unknown poll error code");
}

error pollDesc::init(FD* fd) {
    runtime::poll_runtime_pollServerInit();
    int errno_ = 0;
    runtime::pollDesc* ctx = runtime::poll_runtime_pollOpen((uintptr_t)fd->Sysfd, &errno_);
    if (errno_ != 0) return syscall::Errno(errno_);
    runtimeCtx = ctx;
    return error();
}

void pollDesc::close() {
    if (runtimeCtx == nullptr) return;
    runtime::poll_runtime_pollClose(runtimeCtx);
    runtimeCtx = nullptr;
}

// Evict evicts fd from the pending list, unblocking any I/O running on fd.
void pollDesc::evict() {
    if (runtimeCtx == nullptr) return;
    runtime::poll_runtime_pollUnblock(runtimeCtx);
}

error pollDesc::prepare(int mode, bool isFile) {
    if (runtimeCtx == nullptr) return error();
    return convertErr(runtime::poll_runtime_pollReset(runtimeCtx, mode), isFile);
}

error pollDesc::wait(int mode, bool isFile) {
    if (runtimeCtx == nullptr) return ErrNotPollable;  // "waiting for unsupported file type"
    return convertErr(runtime::poll_runtime_pollWait(runtimeCtx, mode), isFile);
}

// t is an absolute go::time::Now() (0: no deadline); the runtime takes a
// duration from now, as Go's setDeadlineImpl computes with time.Until.
static error setDeadlineImpl(FD* fd, int64_t t, int mode) {
    int64_t d = 0;
    if (t != 0) {
        d = t - time::Now();
        if (d == 0) d = -1;
    }
    if (error err = fd->incref()) return err;
    error res;
    if (fd->pd.runtimeCtx == nullptr) res = ErrNoDeadline;
    else runtime::poll_runtime_pollSetDeadline(fd->pd.runtimeCtx, d, mode);
    fd->decref();
    return res;
}

error FD::SetDeadline(int64_t t) { return setDeadlineImpl(this, t, 'r' + 'w'); }
error FD::SetReadDeadline(int64_t t) { return setDeadlineImpl(this, t, 'r'); }
error FD::SetWriteDeadline(int64_t t) { return setDeadlineImpl(this, t, 'w'); }

}  // namespace go::poll
