// 10,000 connections open at once, each with a server goroutine blocked in
// Read: the goroutines wait in the poller, not in threads, so the process
// keeps fewer than GOMAXPROCS + 8 threads (/proc/self/status). Then every
// client closes and every server goroutine sees EOF. The program raises the
// open-file hard limit to fit 20,000 sockets; when the kernel refuses (no
// CAP_SYS_RESOURCE, as in some containers even for root) it opens as many
// connections as the limit allows and says so; any other shortfall fails.
//! runs: ; GOMAXPROCS=1
//! stdout-regex: ^opened (10000 connections|[0-9]+ connections: the open-file hard limit is [0-9]+ and raising it needs CAP_SYS_RESOURCE)$
//! stdout-regex: ^threads < GOMAXPROCS \+ 8: true$
//! stdout-regex: ^every server goroutine saw EOF: true$
//! timeout: 60
//! qemu-timeout: 300
#include "testutil.h"

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

struct rlimit {
    uint64_t cur, max;
};

static uint64_t hardLimit;
static long raiseErr;  // prlimit64's result when the limit had to be raised

static int connectionsAllowed(int want) {
    constexpr long SYS_prlimit64 = 302, RLIMIT_NOFILE = 7;
    rlimit lim{};
    t::syscall6(SYS_prlimit64, 0, RLIMIT_NOFILE, 0, (long)&lim);
    uint64_t need = 2 * (uint64_t)want + 256;
    if (lim.cur < need) {
        rlimit more{need, need > lim.max ? need : lim.max};
        raiseErr = t::syscall6(SYS_prlimit64, 0, RLIMIT_NOFILE, (long)&more, 0);
        if (raiseErr == 0) lim = more;
    }
    hardLimit = lim.max;
    if (lim.cur >= need) return want;
    return (int)((lim.cur - 256) / 2);
}

int main() {
    const int n = connectionsAllowed(10000);
    auto [ln, err] = go::net::Listen("tcp", "127.0.0.1:0");
    CHECK_MSG(!err, err.Error().c_str());
    static int eofs = 0;
    go::sync::WaitGroup served;
    served.Add(n);
    go::go([ln, n, &served] {
        for (int i = 0; i < n; i++) {
            auto [c, err] = ln.Accept();
            CHECK_MSG(!err, err.Error().c_str());
            go::go([c, &served] {
                char b[8];
                auto [k, err] = c.Read(b, sizeof b);
                if (err == go::io::ErrEOF) ATOMIC_ADD(&eofs, 1);
                c.Close();
                served.Done();
            });
        }
    });
    static go::net::Conn* conns = new go::net::Conn[10000];
    std::string addr = ln.Addr();
    constexpr int dialers = 100;
    go::sync::WaitGroup dialed;
    dialed.Add(dialers);
    for (int d = 0; d < dialers; d++) {
        go::go([d, n, addr, &dialed] {
            for (int i = d; i < n; i += dialers) {
                auto [c, err] = go::net::Dial("tcp", addr);
                CHECK_MSG(!err, err.Error().c_str());
                conns[i] = c;
            }
            dialed.Done();
        });
    }
    dialed.Wait();
    go::time::Sleep(100 * go::time::Millisecond);  // let the server goroutines block in Read
    if (n == 10000 || raiseErr != -EPERM)
        go::fmt::Println("opened", n, "connections");
    else
        go::fmt::Printf("opened %d connections: the open-file hard limit is %d and raising it needs CAP_SYS_RESOURCE\n", n, (long)hardLimit);
    int th = threads();
    int procs = go::GOMAXPROCS(0);
    if (!(th > 0 && th < procs + 8)) go::fmt::Println("threads:", th, "GOMAXPROCS:", procs);
    go::fmt::Println("threads < GOMAXPROCS + 8:", th > 0 && th < procs + 8);
    for (int i = 0; i < n; i++) conns[i].Close();
    served.Wait();
    go::fmt::Println("every server goroutine saw EOF:", eofs == n);
}
