// go/os.h — package os: arguments, environment, exit, and file I/O on raw
// descriptors without libc. Reads and writes tell the scheduler they may
// block (entersyscall/exitsyscall), so a goroutine waiting in the kernel does
// not hold up the others: its P is handed to another thread if the call
// takes long.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include <string>
#include <string_view>

#include "go/errors.h"
#include "go/handle.h"

namespace go::os {

// os.Args: Args()[0] is the program name.
struct ArgList {
    int n;
    const char* const* v;
    int size() const { return n; }
    const char* operator[](int i) const { return v[i]; }
    const char* const* begin() const { return v; }
    const char* const* end() const { return v + n; }
};
ArgList Args();

const char* Getenv(const char* key);  // nullptr when unset
[[noreturn]] void Exit(int code);     // exit at once; nothing else runs

// os.ErrDeadlineExceeded ("i/o timeout"): what a call blocked past its
// deadline returns (wrapped), on a go::net::Conn or a pollable File.
extern const error ErrDeadlineExceeded;
// os.ErrClosed ("file already closed"): a call on a closed File.
extern const error ErrClosed;

namespace detail {
struct file;
void handleRetain(file* f);
void handleRelease(file* f);  // the last release closes the file if nobody did
}  // namespace detail

// os.File, a reference like Go's *File: copies share the descriptor; the
// last copy closes it if Close was not called. Regular files are read and
// written by blocking system calls (the P is handed off if they take long);
// pipes, FIFOs and terminals go through the network poller, so a goroutine
// waiting on one holds no thread.
class File : public go::detail::handle<detail::file> {
public:
    using handle::handle;

    result<long> Read(void* buf, size_t len) const;  // go::io::ErrEOF at the end
    result<long> Write(const void* buf, size_t len) const;
    result<long> Write(std::string_view s) const { return Write(s.data(), s.size()); }
    error Close() const;
    int Fd() const;
    std::string Name() const;
};

result<File> Open(std::string_view name);    // os.Open: read only
result<File> Create(std::string_view name);  // os.Create: read-write, created or truncated, mode 0666
result<std::string> ReadFile(std::string_view name);  // os.ReadFile
error WriteFile(std::string_view name, std::string_view data, uint32_t perm);  // os.WriteFile

// File descriptors: the result is bytes transferred (>= 0), or a negative
// errno (-EBADF, -EPIPE, ...), musl-style. Read blocks like read(2), also on
// a non-blocking descriptor (it waits until readable, as Go's os.File does).
// Write writes all of buf, waiting while a non-blocking descriptor is full;
// writes to one descriptor never interleave (one write lock per descriptor).
constexpr int Stdin = 0, Stdout = 1, Stderr = 2;
long Read(int fd, void* buf, size_t n);
// Writes everything unless an error occurs. On standard output or error set
// non-blocking (a pipe shared with a parent that made it so), a full pipe
// parks the goroutine in the poller until it drains, as Go's os.Stdout does;
// EPIPE there kills the process with SIGPIPE, as in Go.
long Write(int fd, const void* buf, size_t n);
int Pipe(int fds[2]);                           // 0 or -errno; fds[0] reads, fds[1] writes
int Close(int fd);

}  // namespace go::os
