// 10,000 connections open at once, each with a server goroutine blocked in
// Read: the goroutines wait in the poller, not in threads, so the process
// keeps fewer than GOMAXPROCS + 8 threads (/proc/self/status). Then every
// client goes away and every server goroutine sees EOF.
// The 10,000 client sockets live in a child process (a raw fork that only
// makes raw socket/connect calls, as Go's forkAndExecInChild uses only raw
// calls): both ends in one process need 20,000 descriptors, more than this
// machine's open-file hard limit, which a process may raise only with
// CAP_SYS_RESOURCE.
//! runs: ; GOMAXPROCS=1
//! stdout: accepted 10000 connections
//! stdout: threads < GOMAXPROCS + 8: true
//! stdout: every server goroutine saw EOF: true
//! timeout: 60
//! qemu-timeout: 300
#include "testutil.h"

constexpr int N = 10000;

static int threads() {
    char buf[4096];
    if (long r = t::readFile("/proc/self/status", buf, sizeof buf); r <= 0) return (int)r;
    for (const char* p = buf; *p; p++) {
        if ((p == buf || p[-1] == '\n') && t::hasPrefix(p, "Threads:")) {
            int n = 0;
            for (p += 8; *p == '\t' || *p == ' '; p++) {
            }
            for (; *p >= '0' && *p <= '9'; p++) n = n * 10 + (*p - '0');
            return n;
        }
    }
    return -1;
}

struct sockaddr_in4 {
    uint16_t family;
    uint16_t port;  // big-endian
    uint32_t addr;  // big-endian
    uint8_t zero[8];
};

constexpr long SYS_socket = 41, SYS_connect = 42, SYS_clone = 56, SYS_wait4 = 61, SYS_prctl = 157;
constexpr long SIGCHLD_ = 17, SIGKILL_ = 9, PR_SET_PDEATHSIG = 1;

// The child: N blocking connects to 127.0.0.1:port, then sleep until the
// parent kills it (or dies: PR_SET_PDEATHSIG). Exit codes 10+ say which
// call failed.
[[noreturn]] static void clientProcess(uint16_t port) {
    t::syscall6(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL_);
    sockaddr_in4 sa{2 /*AF_INET*/, (uint16_t)(port >> 8 | port << 8), 0x0100007f, {}};
    for (int i = 0; i < N; i++) {
        long fd = t::syscall6(SYS_socket, 2 /*AF_INET*/, 1 /*SOCK_STREAM*/, 0);
        if (fd < 0) t::exit_group(10);
        if (t::syscall6(SYS_connect, fd, (long)&sa, sizeof sa) < 0) t::exit_group(11);
    }
    for (;;) t::threadSleepMillis(1000);
}

static uint16_t portOf(const std::string& addr) {
    uint16_t port = 0;
    for (size_t i = addr.rfind(':') + 1; i < addr.size(); i++) port = (uint16_t)(port * 10 + (addr[i] - '0'));
    return port;
}

int main() {
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    CHECK_MSG(!err, err.Error().c_str());
    static int accepted = 0, eofs = 0;
    go::sync::WaitGroup served;
    served.Add(N);
    go::go([ln, &served] {
        for (int i = 0; i < N; i++) {
            auto [c, err] = ln.Accept();
            CHECK_MSG(!err, err.Error().c_str());
            ATOMIC_ADD(&accepted, 1);
            go::go([c, &served] {
                char b[8];
                auto [k, err] = c.Read(b, sizeof b);
                if (err == go::io::ErrEOF) ATOMIC_ADD(&eofs, 1);
                c.Close();
                served.Done();
            });
        }
    });
    long child = t::syscall6(SYS_clone, SIGCHLD_, 0, 0, 0, 0);  // fork
    CHECK_MSG(child >= 0, "fork failed");
    if (child == 0) clientProcess(portOf(ln.Addr()));
    for (int64_t deadline = t::monoMillis() + 50000; __atomic_load_n(&accepted, __ATOMIC_SEQ_CST) < N;) {
        int status = 0;
        if (t::syscall6(SYS_wait4, child, (long)&status, 1 /*WNOHANG*/, 0) == child)
            CHECK_MSG(false, "the client process exited early (exit code 10: socket, 11: connect)");
        CHECK_MSG(t::monoMillis() < deadline, "not every connection was accepted in 50 s");
        go::time::Sleep(10 * go::time::Millisecond);
    }
    go::time::Sleep(100 * go::time::Millisecond);  // let the server goroutines block in Read
    go::fmt::Println("accepted", accepted, "connections");
    int th = threads();
    int procs = go::GOMAXPROCS(0);
    if (!(th > 0 && th < procs + 8)) go::fmt::Println("threads:", th, "GOMAXPROCS:", procs);
    go::fmt::Println("threads < GOMAXPROCS + 8:", th > 0 && th < procs + 8);
    t::kill((int)child, SIGKILL_);  // the kernel closes its 10,000 sockets
    int status = 0;
    t::syscall6(SYS_wait4, child, (long)&status, 0, 0);
    served.Wait();
    go::fmt::Println("every server goroutine saw EOF:", eofs == N);
}
