// A small address-space limit (ulimit -v): the program starts (its .bss is
// small: the heap's arena index is mapped at the first allocation, not part
// of the binary) and fails with Go's "fatal error: out of memory", naming
// the reservation that failed, exit status 2. Before, a 16 MB limit killed
// it with a bare SIGSEGV before its first instruction (16 MB of .bss), and
// larger limits below ~145 MB blamed an 8 KB block.
//
// The program re-executes itself with RLIMIT_AS set (fork, setrlimit,
// execve), and checks the child's exit status and stderr.
//! stdout: ok
//! qemu: skip RLIMIT_AS would limit qemu itself, and the re-executed child would run natively
#include "go.h"
#include "testutil.h"

constexpr long SYS_dup2 = 33, SYS_fork = 57, SYS_execve = 59, SYS_wait4 = 61, SYS_setrlimit = 160;
constexpr long RLIMIT_AS = 9;

static char errbuf[4096];

// Run this program with an address-space limit of kb KB; return its exit
// status (128+signal if killed) and its stderr in errbuf.
static int runLimited(long kb) {
    int fds[2];
    CHECK_EQ(go::os::Pipe(fds), 0);
    const char* self = go::os::Args()[0];
    long pid = t::syscall6(SYS_fork);
    if (pid == 0) {  // the child: raw system calls only
        t::syscall6(SYS_dup2, fds[1], 2);
        struct { unsigned long cur, max; } rl{(unsigned long)kb * 1024, (unsigned long)kb * 1024};
        t::syscall6(SYS_setrlimit, RLIMIT_AS, (long)&rl);
        const char* argv[] = {self, nullptr};
        const char* envp[] = {"OOM_CHILD=1", nullptr};
        t::syscall6(SYS_execve, (long)self, (long)argv, (long)envp);
        t::exit_group(99);
    }
    CHECK(pid > 0);
    go::os::Close(fds[1]);
    long n = 0;
    for (;;) {
        long r = go::os::Read(fds[0], errbuf + n, sizeof errbuf - 1 - n);
        if (r <= 0) break;
        n += r;
    }
    errbuf[n] = 0;
    go::os::Close(fds[0]);
    int status = 0;
    CHECK_EQ(t::syscall6(SYS_wait4, pid, (long)&status, 0, 0), pid);
    return (status & 0x7f) != 0 ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
}

static bool contains(const char* s, const char* sub) {
    for (; *s; s++)
        if (t::hasPrefix(s, sub)) return true;
    return false;
}

int main() {
    if (go::os::Getenv("OOM_CHILD") != nullptr) {
        char* p = new char[100];
        p[99] = 1;
        go::fmt::Fprintln(2, "child ran");
        return 0;
    }
    int st = runLimited(16384);
    CHECK_MSG(st == 2, errbuf);
    CHECK_MSG(contains(errbuf, "fatal error: out of memory"), errbuf);
    CHECK_MSG(contains(errbuf, "heap arena index"), errbuf);

    st = runLimited(64 * 1024);
    CHECK_MSG(st == 2, errbuf);
    CHECK_MSG(contains(errbuf, "runtime: out of memory: cannot allocate 134217728-byte block (0 in use): cannot reserve address space for a heap arena"), errbuf);
    CHECK_MSG(contains(errbuf, "fatal error: out of memory"), errbuf);

    st = runLimited(1024 * 1024);
    CHECK_MSG(st == 0, errbuf);
    CHECK_MSG(contains(errbuf, "child ran"), errbuf);
    t::ok();
    return 0;
}
