// os_linux.cpp — what the runtime asks of Linux: the process's arguments and
// auxiliary vector, the CPU count, time, and threads. Go's os_linux.go and
// runtime1.go (args), read beside them.
#include "print.h"
#include "runtime.h"
#include "runtime1.h"
#include "sys_linux.h"
#include "trace.h"

namespace runtime {

int32_t argc;
char** argv;
char** envp;
uintptr physPageSize;
uintptr physHugePageSize;
uint64_t startupRandSeed;
uint64_t cpuHwcap;
int32_t ncpu;
static uintptr vdsoEhdr;   // AT_SYSINFO_EHDR, 0 when absent (qemu-user)
static bool haveRandom;

// Read the auxiliary vector (Go's sysauxv; the parsing is runtime1.cpp's).
static void sysauxv(const uintptr* auxv) {
    auxvInfo ai{};
    parseAuxv(auxv, &ai);
    if (ai.pagesz) physPageSize = ai.pagesz;
    cpuHwcap = ai.hwcap;
    vdsoEhdr = ai.sysinfoEhdr;
    haveRandom = ai.haveRandom;
    if (ai.haveRandom) startupRandSeed = ai.randomSeed;
}

// Steps 1-3 of the boot happen in assembly before anything can print; once
// args knows the environment, the boot trace reports them from the state they
// left behind.
static void boottraceEntry() {
    unsigned long fsbase = 0;
    sys::arch_prctl(sys::ARCH_GET_FS, (unsigned long)&fsbase);
    print("boot: [1] _rt0_amd64_linux -> _rt0_amd64: argc=", argc, " argv=", (void*)argv, " (from the kernel's stack)\n");
    print("boot: [2] rt0_go: g0 stack=[", hex(g0.stack.lo), ", ", hex(g0.stack.hi), ") (",
          (g0.stack.hi - g0.stack.lo), " bytes carved from the OS stack) stackguard0=", hex(g0.stackguard0),
          " stackguard1=", hex(g0.stackguard1), "\n");
    print("boot: [3] settls: arch_prctl(ARCH_SET_FS) FS base=", hex(fsbase), " = &m0.tls[1] (", hex((uintptr)&m0.tls[1]),
          "), 0x123 through -8(FS) read back via m0.tls[0]: ok; m0.g0=&g0 g0.m=&m0\n");
}

// Step 4 of the boot: Go's args(c, v) — argc, argv, envp, then the auxv
// that follows envp's terminating NULL.
extern "C" void args(int32_t c, char** v) {
    argc = c;
    argv = v;
    envp = v + c + 1;
    int n = 0;
    while (envp[n] != nullptr) n++;
    sysauxv((const uintptr*)(envp + n + 1));
    if (physPageSize == 0) physPageSize = 4096;
    bool vdso = vdsoInit(vdsoEhdr);
    if (!haveRandom) startupRandSeed = (uint64_t)nanotime() ^ (uint64_t)(uintptr)&c;
    // GODEBUG=tracefile: steps 1-3 ran before the environment was known; they are recorded now, in order.
    traceStartFromEnv();
    if (traceOn()) traceBoot("_rt0_amd64_linux"), traceBoot("rt0_go"), traceBoot("settls"), traceBoot("args");

    if (boottraceEnabled()) {
        boottraceEntry();
        print("boot: [4] args: argc=", argc, " envc=", n, " physPageSize=", physPageSize,
              " AT_RANDOM=", haveRandom ? "yes" : "no", " AT_HWCAP=", hex(cpuHwcap),
              " AT_SYSINFO_EHDR=", hex(vdsoEhdr), " nanotime via ",
              vdso ? "vDSO __vdso_clock_gettime" : "clock_gettime system call (no vDSO)", "\n");
    }
}

// The number of CPUs this process may run on: bits set in its affinity mask.
int32_t getproccount() {
    uint64_t buf[128];  // room for 8192 CPUs
    long r = sys::sched_getaffinity(0, sizeof(buf), buf);
    if (r < 0) return 1;
    int32_t n = 0;
    for (long i = 0; i < r / 8; i++)
        for (uint64_t w = buf[i]; w != 0; w &= w - 1) n++;  // no popcnt in baseline x86-64, no libgcc
    return n > 0 ? n : 1;
}

// The transparent huge page size, or 0 when the kernel has none (or it is not
// a power of two). Go's getHugePageSize.
static uintptr getHugePageSize() {
    long fd = sys::openat(sys::AT_FDCWD, "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size",
                          sys::O_RDONLY | sys::O_CLOEXEC);
    if (fd < 0) return 0;
    char buf[24];
    long n = sys::read((int)fd, buf, sizeof(buf) - 1);
    sys::close((int)fd);
    if (n <= 0) return 0;
    n--;  // remove the trailing newline
    buf[n] = 0;
    int64_t v;
    if (!atoi(buf, &v) || v <= 0 || (v & (v - 1)) != 0) return 0;
    return (uintptr)v;
}

// Step 5 of the boot.
extern "C" void osinit() {
    ncpu = getproccount();
    physHugePageSize = getHugePageSize();
    if (traceOn()) traceBoot("osinit");
    if (boottraceEnabled())
        print("boot: [5] osinit: ncpu=", ncpu, " (sched_getaffinity) physHugePageSize=", physHugePageSize, "\n");
}

// ---- Time -------------------------------------------------------------------

static inline int64_t clockgettime(int clock) {
    sys::timespec ts;
    if (vdsoClockgettimeSym) {
        auto fn = (int (*)(int, sys::timespec*))vdsoClockgettimeSym;
        fn(clock, &ts);
    } else {
        sys::syscall2(sys::SYS_clock_gettime, clock, (long)&ts);
    }
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int64_t nanotime() { return clockgettime(sys::CLOCK_MONOTONIC); }
// Go's walltime; package cxx's system_clock reads it.
int64_t walltime() { return clockgettime(sys::CLOCK_REALTIME); }

// ---- Threads ------------------------------------------------------------------

// Create a thread for mp, starting at mstart on mp->g0's stack.
void newosproc(m* mp) {
    void* stk = (void*)mp->g0->stack.hi;
    constexpr unsigned long cloneFlags = sys::CLONE_VM | sys::CLONE_FS | sys::CLONE_FILES | sys::CLONE_SIGHAND |
                                         sys::CLONE_SYSVSEM | sys::CLONE_THREAD;
    // Block signals during clone so the new thread starts with signals
    // disabled; it enables them in minit.
    uint64_t oset = 0, all = ~0ull;
    sys::syscall4(sys::SYS_rt_sigprocmask, 2 /*SIG_SETMASK*/, (long)&all, (long)&oset, 8);
    int32_t ret = clone((int32_t)cloneFlags, stk, mp, mp->g0, mstart);
    sys::syscall4(sys::SYS_rt_sigprocmask, 2, (long)&oset, 0, 8);
    if (ret < 0) {
        print("runtime: failed to create new OS thread (have ", mcount(), " already; errno=", -ret, ")\n");
        if (ret == -sys::EAGAIN) print("runtime: may need to increase max user processes (ulimit -u)\n");
        throw_("newosproc");
    }
}

// Called to initialize a new m (including the bootstrap m) on the parent
// thread: allocate the signal-handling goroutine and its stack.
void mpreinit(m* mp) {
    mp->gsignal = malg(32 * 1024);
    mp->gsignal->m = mp;
}

// Called to initialize a new m (including the bootstrap m) on the new thread.
void minit() {
    m* mp = getg()->m;
    mp->procid = (int32_t)sys::gettid();
    minitSignals();
}

}  // namespace runtime
