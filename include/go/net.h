// go/net.h — package net: TCP (IPv4, IPv6) and unix stream sockets for
// goroutines. A goroutine blocked in Read, Write, Accept or Dial holds no
// thread: the runtime parks it and its epoll-based poller readies it
// (docs/netpoll.md).
//
// Listener and Conn are references, like Go's interface values holding a
// *TCPListener or *TCPConn: copies share one socket. Close closes it for all
// of them; when the last copy goes away without Close, the socket is closed
// then (as Go's finalizer on netFD would close it).
#pragma once
#include <stddef.h>
#include <stdint.h>

#include <string>
#include <string_view>

#include "go/errors.h"
#include "go/handle.h"
#include "go/io.h"
#include "go/time.h"

namespace go::net {

// net.ErrClosed: "use of closed network connection", returned (wrapped in
// the operation's error) by a call on a closed Conn or Listener.
extern const error ErrClosed;

namespace detail {
struct netFD;
void handleRetain(netFD* fd);
void handleRelease(netFD* fd);  // the last release closes the socket if nobody did
}  // namespace detail

class Conn : public go::detail::handle<detail::netFD> {
public:
    using handle::handle;

    // Read up to len bytes: n > 0, or an error (go::io::ErrEOF once the peer
    // has closed and everything sent was read).
    result<long> Read(void* buf, size_t len) const;
    // Write all len bytes unless an error stops it.
    result<long> Write(const void* buf, size_t len) const;
    result<long> Write(std::string_view s) const { return Write(s.data(), s.size()); }
    error Close() const;
    error CloseWrite() const;  // shut down the writing side (TCP half-close, unix too)
    // Deadlines: t is an absolute go::time::Now() value, 0 clears. A call
    // blocked past its deadline returns "i/o timeout"
    // (go::os::ErrDeadlineExceeded).
    error SetDeadline(int64_t t) const;
    error SetReadDeadline(int64_t t) const;
    error SetWriteDeadline(int64_t t) const;
    std::string LocalAddr() const;
    std::string RemoteAddr() const;
};

class Listener : public go::detail::handle<detail::netFD> {
public:
    using handle::handle;

    result<Conn> Accept() const;
    error Close() const;
    std::string Addr() const;  // e.g. "127.0.0.1:41234", or the unix socket's path
};

// net.Listen: network "tcp", "tcp4", "tcp6" or "unix"; address "host:port"
// (port 0 picks a free one; an empty host listens on every address) or a
// socket path.
result<Listener> Listen(std::string_view network, std::string_view address);
// net.Dial and net.DialTimeout.
result<Conn> Dial(std::string_view network, std::string_view address);
result<Conn> DialTimeout(std::string_view network, std::string_view address, time::Duration timeout);

}  // namespace go::net
