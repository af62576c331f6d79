// fd.h — package internal/poll: a file descriptor that goroutines read and
// write without holding a thread (Go's poll.FD). Read beside Go's
// internal/poll/fd_unix.go, fd_mutex.go and fd_poll_runtime.go.
//
// An operation takes the fd's read or write lock (fdMutex), which also counts
// a reference; a non-blocking system call that would block parks the
// goroutine in the runtime's poller (pollDesc.waitRead/waitWrite) until epoll
// reports the fd ready, its deadline passes, or Close evicts it. Close marks
// the fdMutex closed, wakes every waiter, and the last reference to go
// closes the descriptor, so no fd number is reused under a running call.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "go/errors.h"
#include "runtime/netpoll.h"

namespace go::poll {

// Errors of this package (Go's ErrNetClosing, ErrFileClosing,
// ErrDeadlineExceeded, ErrNotPollable, ErrNoDeadline); go::net::ErrClosed
// and go::os::ErrDeadlineExceeded are the first and third.
extern detail::errorValue errNetClosingValue, errFileClosingValue, errDeadlineExceededValue;
extern const error ErrNetClosing, ErrFileClosing, ErrDeadlineExceeded, ErrNotPollable, ErrNoDeadline;

// A mutual exclusion lock for the read and write sides of an FD, with a
// reference count and a closed flag (Go's fdMutex).
struct fdMutex {
    uint64_t state = 0;   // [atomic] closed bit, r/w lock bits, reference count, waiter counts
    uint32_t rsema = 0;   // [semaphore] readers waiting for the read lock
    uint32_t wsema = 0;   // [semaphore] writers waiting for the write lock
    bool incref();
    bool increfAndClose();
    bool decref();
    bool rwlock(bool read);
    bool rwunlock(bool read);
};

struct FD;

// The FD's link to the runtime poller (Go's poll.pollDesc).
struct pollDesc {
    runtime::pollDesc* runtimeCtx = nullptr;  // [set by init before the FD is shared]
    error init(FD* fd);
    void close();
    void evict();
    error prepare(int mode, bool isFile);
    error wait(int mode, bool isFile);
    bool pollable() const { return runtimeCtx != nullptr; }
};

// Result of an I/O call: bytes transferred and an error (n first, as Go).
struct IOResult {
    long n;
    error err;
};

struct FD {
    fdMutex fdmu;          // lock sysfd and serialize access to Read and Write methods
    int Sysfd = -1;        // [immutable until closed by the last reference]
    pollDesc pd;           // I/O poller
    uint32_t csema = 0;    // [semaphore] signalled when the descriptor is closed
    uint32_t isBlocking = 0;  // [atomic] non-zero if this file has been set to blocking mode
    bool IsStream = true;  // whether this is a streaming descriptor (TCP socket, pipe, file)
    bool ZeroReadIsEOF = true;  // whether a zero byte read indicates EOF (false for message sockets)
    bool isFile = false;   // whether this is a file rather than a network socket

    // Initialize the FD. The Sysfd field should already be set. pollable:
    // put it in the poller (it must be non-blocking); otherwise calls block
    // the thread through entersyscall/exitsyscall.
    error Init(const char* net, bool pollable);
    error Close();
    IOResult Read(void* p, size_t n);
    IOResult Write(const void* p, size_t n);
    // Accept a connection: the new fd (non-blocking, close-on-exec) or -1
    // and the error; errcall names the failing call for the error text. The
    // peer's address goes to sa (room for salen bytes; salen is updated).
    int Accept(void* sa, uint32_t* salen, error* err, const char** errcall);
    error SetDeadline(int64_t t);       // t: go::time::Now() nanoseconds, 0 clears
    error SetReadDeadline(int64_t t);
    error SetWriteDeadline(int64_t t);
    error WaitWrite();                  // wait until writable (non-blocking connect)
    error Shutdown(int how);
    error incref();
    error decref();

private:
    error readLock();
    void readUnlock();
    error writeLock();
    void writeUnlock();
    error destroy();
    error eofError(long n, const error& err) const;
};

// setDeadlineImpl's mode values.
constexpr int modeRead = 'r', modeWrite = 'w';

}  // namespace go::poll
