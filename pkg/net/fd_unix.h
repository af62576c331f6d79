// fd_unix.h — package net's internals shared by its files: the network file
// descriptor (Go's netFD, net/fd_unix.go and fd_posix.go), socket addresses
// (ipsock.go, tcpsock.go, unixsock.go) and the error wrappers (net.go's
// OpError, os.SyscallError).
#pragma once
#include <string>
#include <string_view>

#include "go/net.h"
#include "pkg/internal/poll/fd.h"
#include "pkg/syscall/syscall_linux.h"

namespace go::net::detail {

// A socket address (Go's TCPAddr or UnixAddr, kept as the kernel's bytes).
struct sockAddr {
    syscall::sockaddr_any sa{};
    uint32_t len = 0;  // 0: none
    std::string String() const;  // "1.2.3.4:80", "[::1]:80", a unix path
};

// Network file descriptor (Go's netFD). Shared by the Conn or Listener
// handles that refer to it.
struct netFD {
    long refs = 1;            // [atomic] handles referring to it
    poll::FD pfd;
    int family = 0;           // [immutable] AF_INET, AF_INET6, AF_UNIX
    bool isListener = false;  // [immutable]
    bool unlinkOnClose = false;  // [immutable] a unix listener removes its socket file
    std::string net;          // [immutable] "tcp", "tcp4", "tcp6", "unix"
    sockAddr laddr, raddr;    // [immutable once published]

    error Close();
};


// Go's OpError text: "op net source->addr: err", wrapping err. A side
// without an address is left out.
error opError(const char* op, std::string_view net, const sockAddr* source, const sockAddr* addr, const error& err);
// os.NewSyscallError: "call: err" for an errno error; other errors unchanged.
error wrapSyscallError(const char* call, const error& err);

// Resolve "host:port" for network ("tcp", "tcp4", "tcp6") into sa, as Go's
// resolveAddrList does for one address; listen: an empty host is the
// wildcard address.
error resolveTCPAddr(std::string_view network, std::string_view address, bool listen, sockAddr* sa);
error resolveUnixAddr(std::string_view address, sockAddr* sa);

// Create a socket and listen on or connect to it (Go's socket in sock_posix.go).
result<netFD*> socket(std::string_view net, int family, const sockAddr& laddr, const sockAddr& raddr,
                      int64_t deadline, bool v6only);

}  // namespace go::net::detail
