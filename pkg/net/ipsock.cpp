// ipsock.cpp — addresses: Go's net/ipsock.go (SplitHostPort), ip.go (parsing
// and printing IPv4 and IPv6 addresses), hosts.go (/etc/hosts) and the
// address side of tcpsock.go and unixsock.go.
//
// Divergence from Go 1.19: there is no DNS resolver. A host is an IP
// literal, "localhost", or a name /etc/hosts lists; any other name fails as
// Go's resolver fails on a name nobody knows: "lookup NAME: no such host".
#include <string.h>

#include "pkg/net/fd_unix.h"

namespace go::net::detail {

namespace {

struct IP {
    uint8_t b[16];
    bool v4;  // b[0..3] holds an IPv4 address
};

uint16_t htons(uint16_t v) { return (uint16_t)((v << 8) | (v >> 8)); }

bool parseIPv4(std::string_view s, uint8_t out[4]) {
    for (int i = 0; i < 4; i++) {
        if (i > 0) {
            if (s.empty() || s[0] != '.') return false;
            s.remove_prefix(1);
        }
        int n = 0, digits = 0;
        bool leadingZero = !s.empty() && s[0] == '0';
        while (!s.empty() && s[0] >= '0' && s[0] <= '9') {
            n = n * 10 + (s[0] - '0');
            digits++;
            s.remove_prefix(1);
            if (n > 255) return false;
        }
        if (digits == 0 || (digits > 1 && leadingZero)) return false;  // Go 1.19 rejects leading zeros
        out[i] = (uint8_t)n;
    }
    return s.empty();
}

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Go's parseIPv6: groups of up to 4 hex digits, one "::", an IPv4 tail.
bool parseIPv6(std::string_view s, uint8_t ip[16]) {
    int ellipsis = -1;  // position of ellipsis in ip
    if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
        ellipsis = 0;
        s.remove_prefix(2);
        if (s.empty()) {
            memset(ip, 0, 16);
            return true;
        }
    }
    int i = 0;
    while (i < 16) {
        size_t off = 0;
        int n = 0;
        while (off < s.size() && off < 4 && hexval(s[off]) >= 0) n = n * 16 + hexval(s[off++]);
        if (off == 0) return false;
        if (off < s.size() && s[off] == '.') {
            if (ellipsis < 0 && i != 12) return false;  // not the right place
            if (i + 4 > 16) return false;               // not enough room
            if (!parseIPv4(s, ip + i)) return false;
            i += 4;
            s = {};
            break;
        }
        ip[i] = (uint8_t)(n >> 8);
        ip[i + 1] = (uint8_t)n;
        i += 2;
        s.remove_prefix(off);
        if (s.empty()) break;
        if (s[0] != ':' || s.size() == 1) return false;
        s.remove_prefix(1);
        if (s[0] == ':') {
            if (ellipsis >= 0) return false;  // already have one
            ellipsis = i;
            s.remove_prefix(1);
            if (s.empty()) break;  // can be at end
        }
    }
    if (!s.empty()) return false;  // trailing garbage
    if (i < 16) {
        if (ellipsis < 0) return false;
        int n = 16 - i;
        for (int j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
        for (int j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
    } else if (ellipsis >= 0) {
        return false;  // ellipsis must represent at least one 0 group
    }
    return true;
}

bool parseIP(std::string_view s, IP* ip) {
    if (parseIPv4(s, ip->b)) {
        ip->v4 = true;
        return true;
    }
    ip->v4 = false;
    return parseIPv6(s, ip->b);
}

// Go's IP.String: dotted IPv4 (also for IPv4-mapped IPv6), otherwise RFC
// 5952: lower-case hex, the longest run of two or more zero groups as "::".
std::string ipString(const uint8_t* b, bool v4) {
    static const uint8_t v4InV6Prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (!v4 && memcmp(b, v4InV6Prefix, 12) == 0) {
        b += 12;
        v4 = true;
    }
    std::string s;
    if (v4) {
        for (int i = 0; i < 4; i++) {
            if (i) s += '.';
            s += std::to_string(b[i]);
        }
        return s;
    }
    int e0 = -1, e1 = -1;  // find longest run of zeros
    for (int i = 0; i < 16; i += 2) {
        int j = i;
        while (j < 16 && b[j] == 0 && b[j + 1] == 0) j += 2;
        if (j > i && j - i > e1 - e0 && j - i >= 4) {
            e0 = i;
            e1 = j;
            i = j;
        }
    }
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i += 2) {
        if (i == e0) {
            s += "::";
            i = e1;
            if (i >= 16) break;
        } else if (i > 0) {
            s += ':';
        }
        unsigned v = (unsigned)b[i] << 8 | b[i + 1];
        char buf[4];
        int n = 0;
        do buf[n++] = hex[v & 15];
        while ((v >>= 4) != 0);
        while (n > 0) s += buf[--n];
    }
    return s;
}

error addrError(const char* why, std::string_view addr) {
    return errors::New(std::string("address ") + std::string(addr) + ": " + why);
}

// Go's SplitHostPort.
error splitHostPort(std::string_view hostport, std::string_view* host, std::string_view* port) {
    size_t i = hostport.rfind(':');
    if (i == std::string_view::npos) return addrError("missing port in address", hostport);
    if (!hostport.empty() && hostport[0] == '[') {
        size_t end = hostport.find(']');
        if (end == std::string_view::npos) return addrError("missing ']' in address", hostport);
        if (end + 1 == hostport.size()) return addrError("missing port in address", hostport);
        if (end + 1 != i) {
            // Either ']' isn't followed by a colon, or it is followed by a
            // colon that is not the last one.
            if (hostport[end + 1] == ':') return addrError("too many colons in address", hostport);
            return addrError("missing port in address", hostport);
        }
        *host = hostport.substr(1, end - 1);
    } else {
        *host = hostport.substr(0, i);
        if (host->find(':') != std::string_view::npos) return addrError("too many colons in address", hostport);
    }
    *port = hostport.substr(i + 1);
    return error();
}

bool parsePort(std::string_view s, int* port) {
    if (s.empty()) {
        *port = 0;  // Go: an empty port is port 0
        return true;
    }
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + (c - '0');
        if (n > 65535) return false;
    }
    *port = n;
    return true;
}

bool equalFold(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x += 'a' - 'A';
        if (y >= 'A' && y <= 'Z') y += 'a' - 'A';
        if (x != y) return false;
    }
    return true;
}

// The whole of a small file, read with plain system calls (it is /etc/hosts:
// short, local, and read before any socket exists).
std::string readSmallFile(const char* path) {
    std::string data;
    long fd = syscall::openat(runtime::sys::AT_FDCWD, path, syscall::O_RDONLY | syscall::O_CLOEXEC, 0);
    if (fd < 0) return data;
    char buf[4096];
    for (;;) {
        long n = runtime::sys::read((int)fd, buf, sizeof buf);
        if (n == -EINTR) continue;
        if (n <= 0) break;
        data.append(buf, (size_t)n);
    }
    runtime::sys::close((int)fd);
    return data;
}

// Go's lookupStaticHost: the addresses /etc/hosts gives name, the first of
// the wanted family (wantV4 / wantV6) in file order.
bool lookupStaticHost(std::string_view name, bool wantV4, bool wantV6, IP* out) {
    std::string hosts = readSmallFile("/etc/hosts");
    std::string_view rest = hosts;
    while (!rest.empty()) {
        size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        if (size_t h = line.find('#'); h != std::string_view::npos) line = line.substr(0, h);
        std::string_view fields[16];
        int nf = 0;
        while (nf < 16) {
            size_t b = line.find_first_not_of(" \t\r");
            if (b == std::string_view::npos) break;
            line.remove_prefix(b);
            size_t e = line.find_first_of(" \t\r");
            fields[nf++] = line.substr(0, e);
            line = e == std::string_view::npos ? std::string_view{} : line.substr(e);
        }
        if (nf < 2) continue;
        IP ip;
        if (!parseIP(fields[0], &ip)) continue;
        if ((ip.v4 && !wantV4) || (!ip.v4 && !wantV6)) continue;
        for (int i = 1; i < nf; i++) {
            if (equalFold(fields[i], name)) {
                *out = ip;
                return true;
            }
        }
    }
    return false;
}

}  // namespace

std::string sockAddr::String() const {
    if (len == 0) return "<nil>";
    if (sa.family == syscall::AF_UNIX) {
        size_t max = len > 2 ? len - 2 : 0;
        size_t n = 0;
        while (n < max && sa.un.path[n] != 0) n++;
        return std::string(sa.un.path, n);
    }
    std::string s;
    int port;
    if (sa.family == syscall::AF_INET) {
        s = ipString(sa.in4.addr, true);
        port = htons(sa.in4.port);
    } else {
        s = "[" + ipString(sa.in6.addr, false) + "]";
        port = htons(sa.in6.port);
    }
    return s + ":" + std::to_string(port);
}

error resolveTCPAddr(std::string_view network, std::string_view address, bool listen, sockAddr* out) {
    std::string_view host, portStr;
    if (error err = splitHostPort(address, &host, &portStr)) return err;
    int port;
    if (!parsePort(portStr, &port)) return addrError("invalid port", address);
    bool wantV4 = network != "tcp6", wantV6 = network != "tcp4";
    IP ip{};
    if (host.empty()) {
        // The wildcard: Go listens dual-stack on [::] for "tcp" (and dials
        // the local system).
        if (!listen) {
            ip.v4 = wantV4;
            if (ip.v4) ip.b[0] = 127;
            else ip.b[15] = 1;
        } else {
            ip.v4 = !wantV6;
        }
    } else if (parseIP(host, &ip)) {
        if ((ip.v4 && !wantV4) || (!ip.v4 && !wantV6))
            return errors::New("address " + std::string(host) + ": no suitable address found");
    } else if (!lookupStaticHost(host, wantV4, false, &ip) && !lookupStaticHost(host, false, wantV6, &ip)) {
        if (equalFold(host, "localhost")) {
            // Go's resolver answers localhost itself when /etc/hosts does not.
            ip = IP{};
            ip.v4 = wantV4;
            if (ip.v4) ip.b[0] = 127;
            else ip.b[15] = 1;
        } else {
            return errors::New("lookup " + std::string(host) + ": no such host");
        }
    }
    out->sa = {};
    if (ip.v4) {
        out->sa.in4.family = syscall::AF_INET;
        out->sa.in4.port = htons((uint16_t)port);
        memcpy(out->sa.in4.addr, ip.b, 4);
        out->len = sizeof(syscall::sockaddr_in);
    } else {
        out->sa.in6.family = syscall::AF_INET6;
        out->sa.in6.port = htons((uint16_t)port);
        memcpy(out->sa.in6.addr, ip.b, 16);
        out->len = sizeof(syscall::sockaddr_in6);
    }
    return error();
}

error resolveUnixAddr(std::string_view address, sockAddr* out) {
    out->sa = {};
    if (address.size() >= sizeof out->sa.un.path) return syscall::Errno(EINVAL);
    out->sa.un.family = syscall::AF_UNIX;
    memcpy(out->sa.un.path, address.data(), address.size());
    out->len = (uint32_t)(2 + address.size() + 1);
    return error();
}

}  // namespace go::net::detail
