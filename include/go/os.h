// go/os.h — package os: arguments, environment, exit, and file I/O on raw
// descriptors without libc. Reads and writes tell the scheduler they may
// block (entersyscall/exitsyscall), so a goroutine waiting in the kernel does
// not hold up the others: its P is handed to another thread if the call
// takes long.
#pragma once
#include <stddef.h>
#include <stdint.h>

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

// File descriptors: the result is bytes transferred (>= 0), or a negative
// errno (-EAGAIN, -EBADF, ...), musl-style. Read blocks like read(2).
constexpr int Stdin = 0, Stdout = 1, Stderr = 2;
long Read(int fd, void* buf, size_t n);
long Write(int fd, const void* buf, size_t n);  // writes everything unless an error occurs
int Pipe(int fds[2]);                           // 0 or -errno; fds[0] reads, fds[1] writes
int Close(int fd);

}  // namespace go::os
