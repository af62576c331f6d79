// file.cpp — Go's os/file.go, file_unix.go and file_posix.go: Open, Create,
// ReadFile, WriteFile and the File they return, over an internal/poll FD.
// A regular file is read and written by blocking system calls bracketed by
// entersyscall/exitsyscall (Linux's epoll refuses regular files); anything
// else is made non-blocking and put in the poller, as Go's newFile does.
#include "go/io.h"
#include "go/os.h"
#include "pkg/internal/poll/fd.h"
#include "pkg/syscall/syscall_linux.h"
#include "runtime/runtime.h"

namespace go::os {

constinit const error ErrDeadlineExceeded{&poll::errDeadlineExceededValue};
static go::detail::errorValue errClosedValue{-1, "file already closed", nullptr};
constinit const error ErrClosed{&errClosedValue};

namespace detail {
struct file {
    long refs = 1;      // [atomic] File handles referring to it
    poll::FD pfd;
    std::string name;   // [immutable]
};
}  // namespace detail

void detail::handleRetain(file* f) { __atomic_add_fetch(&f->refs, 1, __ATOMIC_RELAXED); }

void detail::handleRelease(file* f) {
    if (__atomic_sub_fetch(&f->refs, 1, __ATOMIC_ACQ_REL) != 0) return;
    f->pfd.Close();  // Go's finalizer on an unreachable os.File closes it too
    delete f;
}

// Go's PathError text, "op path: err", wrapping err.
static error pathError(const char* op, std::string_view path, const error& err) {
    return errors::Wrap(std::string(op) + " " + std::string(path) + ": " + err.Error(), err);
}

// Go's File.wrapErr: io.EOF as is; a closed file is ErrClosed.
static error wrapErr(const detail::file* f, const char* op, const error& err) {
    if (!err || err == io::ErrEOF) return err;
    return pathError(op, f->name, err == poll::ErrFileClosing ? ErrClosed : err);
}

static const error& errInvalid() {
    static const error e = errors::New("invalid argument");  // Go's os.ErrInvalid
    return e;
}

result<long> File::Read(void* buf, size_t len) const {
    if (p_ == nullptr) return {0, errInvalid()};
    poll::IOResult r = p_->pfd.Read(buf, len);
    return {r.n, wrapErr(p_, "read", r.err)};
}

result<long> File::Write(const void* buf, size_t len) const {
    if (p_ == nullptr) return {0, errInvalid()};
    poll::IOResult r = p_->pfd.Write(buf, len);
    return {r.n, wrapErr(p_, "write", r.err)};
}

error File::Close() const {
    if (p_ == nullptr) return errInvalid();
    return wrapErr(p_, "close", p_->pfd.Close());
}

int File::Fd() const { return p_ ? p_->pfd.Sysfd : -1; }
std::string File::Name() const { return p_ ? p_->name : std::string(); }

// Go's openFileNolog + newFile(kindOpenFile).
static result<File> openFile(std::string_view name, int flag, uint32_t perm) {
    std::string path(name);
    long fd;
    runtime::entersyscall();
    do fd = syscall::openat(runtime::sys::AT_FDCWD, path.c_str(), flag | syscall::O_CLOEXEC, (int)perm);
    while (fd == -EINTR);
    runtime::exitsyscall();
    if (fd < 0) return {File(), pathError("open", name, syscall::Errno((int)-fd))};
    auto* f = new detail::file;
    f->pfd.Sysfd = (int)fd;
    f->pfd.IsStream = true;
    f->name = std::move(path);
    syscall::stat_t st{};
    bool pollable = true;
    if (syscall::fstat((int)fd, &st) == 0) {
        uint32_t typ = st.mode & syscall::S_IFMT;
        // Regular files and directories are never pollable on Linux.
        if (typ == syscall::S_IFREG || typ == 0040000) pollable = false;
    }
    if (f->pfd.Init("file", pollable)) {
        // An fd epoll refuses: used with blocking system calls.
    } else if (pollable) {
        // We successfully registered with netpoll, so put the file into
        // nonblocking mode.
        long fl = syscall::fcntl((int)fd, syscall::F_GETFL, 0);
        if (fl >= 0) syscall::fcntl((int)fd, syscall::F_SETFL, fl | syscall::O_NONBLOCK);
    }
    return {File(f), error()};
}

result<File> Open(std::string_view name) { return openFile(name, syscall::O_RDONLY, 0); }

result<File> Create(std::string_view name) {
    return openFile(name, syscall::O_RDWR | syscall::O_CREAT | syscall::O_TRUNC, 0666);
}

result<std::string> ReadFile(std::string_view name) {
    auto [f, err] = Open(name);
    if (err) return {std::string(), err};
    std::string data;
    syscall::stat_t st{};
    size_t size = 512;
    if (syscall::fstat(f.Fd(), &st) == 0 && st.size > 0) size = (size_t)st.size + 1;  // one byte for final read at EOF
    data.resize(size);
    size_t n = 0;
    for (;;) {
        if (n == data.size()) data.resize(data.size() * 2);
        auto [m, rerr] = f.Read(&data[n], data.size() - n);
        n += (size_t)(m > 0 ? m : 0);
        if (rerr) {
            data.resize(n);
            if (rerr == io::ErrEOF) rerr = error();
            return {std::move(data), rerr};
        }
    }
}

error WriteFile(std::string_view name, std::string_view data, uint32_t perm) {
    auto [f, err] = openFile(name, syscall::O_WRONLY | syscall::O_CREAT | syscall::O_TRUNC, perm);
    if (err) return err;
    auto [n, werr] = f.Write(data);
    if (error cerr = f.Close(); cerr && !werr) werr = cerr;
    return werr;
}

}  // namespace go::os
