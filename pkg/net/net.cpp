// net.cpp — Go's net/net.go (conn's methods and OpError), tcpsock.go and
// unixsock.go (Listener, Accept, CloseWrite) and fd_posix.go (netFD's I/O):
// every call goes to the netFD's poll.FD, and its error is wrapped as Go
// wraps it ("read tcp 127.0.0.1:8080->127.0.0.1:50412: i/o timeout").
#include "pkg/net/fd_unix.h"

namespace go::net {

constinit const error ErrClosed{&poll::errNetClosingValue};

namespace detail {

void handleRetain(netFD* fd) { __atomic_add_fetch(&fd->refs, 1, __ATOMIC_RELAXED); }

// The last handle is gone: close the socket unless the program did (what
// Go's finalizer on an unreachable netFD does), and free it.
void handleRelease(netFD* fd) {
    if (__atomic_sub_fetch(&fd->refs, 1, __ATOMIC_ACQ_REL) != 0) return;
    fd->Close();
    delete fd;
}

error netFD::Close() {
    if (unlinkOnClose && pfd.fdmu.incref()) {
        // Go's UnixListener.close: remove the socket file it created, once.
        syscall::unlink(laddr.sa.un.path);
        pfd.decref();
    }
    return pfd.Close();
}

error opError(const char* op, std::string_view net, const sockAddr* source, const sockAddr* addr, const error& err) {
    std::string s = op;
    if (!net.empty()) (s += ' ') += net;
    if (source != nullptr && source->len != 0) (s += ' ') += source->String();
    if (addr != nullptr && addr->len != 0) {
        s += source != nullptr && source->len != 0 ? "->" : " ";
        s += addr->String();
    }
    s += ": ";
    s += err.Error();
    return errors::Wrap(std::move(s), err);
}

error wrapSyscallError(const char* call, const error& err) {
    if (!syscall::IsErrno(err)) return err;
    return errors::Wrap(std::string(call) + ": " + err.Error(), err);
}

}  // namespace detail

using detail::netFD;

// ---- Conn ------------------------------------------------------------------------------

static const error& errInvalid() {
    static const error e = syscall::Errno(EINVAL);
    return e;
}

// The operation's error as Go's conn methods return it: io.EOF as is,
// anything else in an OpError naming both ends.
static error connError(const netFD* fd, const char* op, const char* call, const error& err) {
    if (!err || err == io::ErrEOF) return err;
    error e = call ? detail::wrapSyscallError(call, err) : err;
    return detail::opError(op, fd->net, &fd->laddr, &fd->raddr, e);
}

result<long> Conn::Read(void* buf, size_t len) const {
    if (p_ == nullptr) return {0, errInvalid()};
    poll::IOResult r = p_->pfd.Read(buf, len);
    return {r.n, connError(p_, "read", "read", r.err)};
}

result<long> Conn::Write(const void* buf, size_t len) const {
    if (p_ == nullptr) return {0, errInvalid()};
    poll::IOResult r = p_->pfd.Write(buf, len);
    return {r.n, connError(p_, "write", "write", r.err)};
}

error Conn::Close() const {
    if (p_ == nullptr) return errInvalid();
    return connError(p_, "close", nullptr, p_->Close());
}

error Conn::CloseWrite() const {
    if (p_ == nullptr) return errInvalid();
    return connError(p_, "close", "shutdown", p_->pfd.Shutdown(syscall::SHUT_WR));
}

error Conn::SetDeadline(int64_t t) const {
    if (p_ == nullptr) return errInvalid();
    return connError(p_, "set", nullptr, p_->pfd.SetDeadline(t));
}
error Conn::SetReadDeadline(int64_t t) const {
    if (p_ == nullptr) return errInvalid();
    return connError(p_, "set", nullptr, p_->pfd.SetReadDeadline(t));
}
error Conn::SetWriteDeadline(int64_t t) const {
    if (p_ == nullptr) return errInvalid();
    return connError(p_, "set", nullptr, p_->pfd.SetWriteDeadline(t));
}

std::string Conn::LocalAddr() const { return p_ ? p_->laddr.String() : std::string(); }
std::string Conn::RemoteAddr() const { return p_ && p_->raddr.len ? p_->raddr.String() : std::string(); }

// ---- Listener ----------------------------------------------------------------------------

static void setNoDelay(int s) { syscall::setsockoptInt(s, syscall::IPPROTO_TCP, syscall::TCP_NODELAY, 1); }

// Go's TCPListener.accept / netFD.accept: the new connection gets its own
// netFD in the poller, its addresses, and TCP_NODELAY (newTCPConn).
result<Conn> Listener::Accept() const {
    if (p_ == nullptr) return {Conn(), errInvalid()};
    detail::sockAddr rsa;
    rsa.len = sizeof rsa.sa;
    error err;
    const char* errcall;
    int s = p_->pfd.Accept(&rsa.sa, &rsa.len, &err, &errcall);
    if (s < 0) {
        if (errcall[0] != 0) err = detail::wrapSyscallError(errcall, err);
        return {Conn(), detail::opError("accept", p_->net, nullptr, &p_->laddr, err)};
    }
    auto* nfd = new netFD;
    nfd->pfd.Sysfd = s;
    nfd->family = p_->family;
    nfd->net = p_->net;
    if (error e = nfd->pfd.Init(nfd->net.c_str(), true)) {
        detail::handleRelease(nfd);
        return {Conn(), detail::opError("accept", p_->net, nullptr, &p_->laddr, e)};
    }
    nfd->laddr.len = sizeof nfd->laddr.sa;
    if (syscall::getsockname(s, &nfd->laddr.sa, &nfd->laddr.len) < 0) nfd->laddr.len = 0;
    if (nfd->family == syscall::AF_UNIX) {
        // An unnamed peer (a client that did not bind): Go's RemoteAddr is nil.
        if (rsa.len <= 2) rsa.len = 0;
    } else {
        setNoDelay(s);
    }
    nfd->raddr = rsa;
    return {Conn(nfd), error()};
}

error Listener::Close() const {
    if (p_ == nullptr) return errInvalid();
    error err = p_->Close();
    if (err) return detail::opError("close", p_->net, nullptr, &p_->laddr, err);
    return err;
}

std::string Listener::Addr() const { return p_ ? p_->laddr.String() : std::string(); }

// ---- Listen and Dial -------------------------------------------------------------------------

static bool isTCP(std::string_view n) { return n == "tcp" || n == "tcp4" || n == "tcp6"; }

static error unknownNetwork(std::string_view network) {
    return errors::New("unknown network " + std::string(network));
}

// Resolve address for network into sa (Go's resolveAddrList, one address).
static error resolve(std::string_view network, std::string_view address, bool listen, detail::sockAddr* sa) {
    if (isTCP(network)) return detail::resolveTCPAddr(network, address, listen, sa);
    if (network == "unix") return detail::resolveUnixAddr(address, sa);
    return unknownNetwork(network);
}

result<Listener> Listen(std::string_view network, std::string_view address) {
    detail::sockAddr la;
    if (error err = resolve(network, address, true, &la))
        return {Listener(), detail::opError("listen", network, nullptr, nullptr, err)};
    // Go's favoriteAddrFamily: "tcp" on the wildcard is dual-stack IPv6
    // (IPV6_V6ONLY off); "tcp6" is IPv6 only.
    bool v6only = network == "tcp6";
    result<netFD*> r = detail::socket(network, la.sa.family, la, detail::sockAddr{}, 0, v6only);
    if (r.err) return {Listener(), detail::opError("listen", network, nullptr, &la, r.err)};
    return {Listener(r.value), error()};
}

static result<Conn> dial(std::string_view network, std::string_view address, int64_t deadline) {
    detail::sockAddr ra;
    if (error err = resolve(network, address, false, &ra))
        return {Conn(), detail::opError("dial", network, nullptr, nullptr, err)};
    result<netFD*> r = detail::socket(network, ra.sa.family, detail::sockAddr{}, ra, deadline, network == "tcp6");
    if (r.err) return {Conn(), detail::opError("dial", network, nullptr, &ra, r.err)};
    if (r.value->family != syscall::AF_UNIX) setNoDelay(r.value->pfd.Sysfd);
    return {Conn(r.value), error()};
}

result<Conn> Dial(std::string_view network, std::string_view address) { return dial(network, address, 0); }

result<Conn> DialTimeout(std::string_view network, std::string_view address, time::Duration timeout) {
    return dial(network, address, timeout > 0 ? time::Now() + timeout : 0);
}

}  // namespace go::net
