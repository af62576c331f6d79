// signal_linux.cpp — signals, as Go 1.19's sigtable says: faults become
// Go's panics and fatal errors, SIGQUIT, SIGABRT and the other _SigThrow
// signals dump every goroutine and exit 2, SIGURG carries asynchronous
// preemption, and the _SigNotify-only signals (SIGUSR1, SIGPIPE, SIGALRM,
// SIGPROF...) are caught and ignored, as in a Go program that never called
// signal.Notify. Read beside Go's signal_unix.go, sigtab_linux_generic.go,
// signal_amd64.go and preempt.go.
//
// Every M has a gsignal goroutine whose stack is the thread's alternate
// signal stack (sigaltstack). The kernel enters sigtramp there; sigtramp
// makes gsignal the running g (so the split-stack check compares against the
// signal stack's limit, not the interrupted goroutine's) and calls sighandler.
#include "print.h"
#include "runtime.h"
#include "trace.h"
#include "sys_linux.h"

// CPU state save area for asyncPreempt: xsave when the OS enabled it (AVX and
// AVX-512 state included), fxsave otherwise (qemu-user's CPU model). Read by
// asyncPreempt in asm_amd64.S. [immutable after initsig]
extern "C" uint32_t xsaveSize;
uint32_t xsaveSize;

namespace runtime {

namespace {

enum : int {
    SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7, SIGFPE = 8,
    SIGKILL = 9, SIGSEGV = 11, SIGPIPE = 13, SIGTERM = 15, SIGURG = 23, NSIG = 65,
};
constexpr int sigPreempt = SIGURG;  // Go's choice: rarely used by programs, ignored by default

// Go's sigtable flags (runtime2.go).
enum : uint8_t {
    SigNotify = 1,     // let signal.Notify have it (there is no signal.Notify here)
    SigKill = 2,       // if not notified, die by the signal
    SigThrow = 4,      // if not notified, dump every goroutine and exit 2
    SigPanic = 8,      // a fault: becomes a panic when it hits user code
    SigDefault = 16,   // leave the default action unless notified
    SigIgn = 32,       // ignored by default
    SigSetStack = 64,  // only add SA_ONSTACK to an existing handler (libc's signals)
    SigUnblock = 128,  // always unblocked on every thread
};
struct sigTabT {
    uint8_t flags;
    const char* name;
};
// Go 1.19's sigtab_linux_generic.go.
constexpr sigTabT sigtable[NSIG] = {
    /* 0 */ {0, "SIGNONE: no trap"},
    /* 1 */ {SigNotify + SigKill, "SIGHUP: terminal line hangup"},
    /* 2 */ {SigNotify + SigKill, "SIGINT: interrupt"},
    /* 3 */ {SigNotify + SigThrow, "SIGQUIT: quit"},
    /* 4 */ {SigThrow + SigUnblock, "SIGILL: illegal instruction"},
    /* 5 */ {SigThrow + SigUnblock, "SIGTRAP: trace trap"},
    /* 6 */ {SigNotify + SigThrow, "SIGABRT: abort"},
    /* 7 */ {SigPanic + SigUnblock, "SIGBUS: bus error"},
    /* 8 */ {SigPanic + SigUnblock, "SIGFPE: floating-point exception"},
    /* 9 */ {0, "SIGKILL: kill"},
    /* 10 */ {SigNotify, "SIGUSR1: user-defined signal 1"},
    /* 11 */ {SigPanic + SigUnblock, "SIGSEGV: segmentation violation"},
    /* 12 */ {SigNotify, "SIGUSR2: user-defined signal 2"},
    /* 13 */ {SigNotify, "SIGPIPE: write to broken pipe"},
    /* 14 */ {SigNotify, "SIGALRM: alarm clock"},
    /* 15 */ {SigNotify + SigKill, "SIGTERM: termination"},
    /* 16 */ {SigThrow + SigUnblock, "SIGSTKFLT: stack fault"},
    /* 17 */ {SigNotify + SigUnblock + SigIgn, "SIGCHLD: child status has changed"},
    /* 18 */ {SigNotify + SigDefault + SigIgn, "SIGCONT: continue"},
    /* 19 */ {0, "SIGSTOP: stop, unblockable"},
    /* 20 */ {SigNotify + SigDefault + SigIgn, "SIGTSTP: keyboard stop"},
    /* 21 */ {SigNotify + SigDefault + SigIgn, "SIGTTIN: background read from tty"},
    /* 22 */ {SigNotify + SigDefault + SigIgn, "SIGTTOU: background write to tty"},
    /* 23 */ {SigNotify + SigIgn, "SIGURG: urgent condition on socket"},
    /* 24 */ {SigNotify, "SIGXCPU: cpu limit exceeded"},
    /* 25 */ {SigNotify, "SIGXFSZ: file size limit exceeded"},
    /* 26 */ {SigNotify, "SIGVTALRM: virtual alarm clock"},
    /* 27 */ {SigNotify + SigUnblock, "SIGPROF: profiling alarm clock"},
    /* 28 */ {SigNotify + SigIgn, "SIGWINCH: window size change"},
    /* 29 */ {SigNotify, "SIGIO: i/o now possible"},
    /* 30 */ {SigNotify, "SIGPWR: power failure restart"},
    /* 31 */ {SigThrow, "SIGSYS: bad system call"},
    /* 32 */ {SigSetStack + SigUnblock, "signal 32"},  // SIGCANCEL; see Go issue 6997
    /* 33 */ {SigSetStack + SigUnblock, "signal 33"},  // SIGSETXID; see Go issues 3871, 9400, 12498
    /* 34 */ {SigSetStack + SigUnblock, "signal 34"},  // musl SIGSYNCCALL; see Go issue 39343
    {SigNotify, "signal 35"}, {SigNotify, "signal 36"}, {SigNotify, "signal 37"}, {SigNotify, "signal 38"},
    {SigNotify, "signal 39"}, {SigNotify, "signal 40"}, {SigNotify, "signal 41"}, {SigNotify, "signal 42"},
    {SigNotify, "signal 43"}, {SigNotify, "signal 44"}, {SigNotify, "signal 45"}, {SigNotify, "signal 46"},
    {SigNotify, "signal 47"}, {SigNotify, "signal 48"}, {SigNotify, "signal 49"}, {SigNotify, "signal 50"},
    {SigNotify, "signal 51"}, {SigNotify, "signal 52"}, {SigNotify, "signal 53"}, {SigNotify, "signal 54"},
    {SigNotify, "signal 55"}, {SigNotify, "signal 56"}, {SigNotify, "signal 57"}, {SigNotify, "signal 58"},
    {SigNotify, "signal 59"}, {SigNotify, "signal 60"}, {SigNotify, "signal 61"}, {SigNotify, "signal 62"},
    {SigNotify, "signal 63"}, {SigNotify, "signal 64"},
};

enum : unsigned long {
    SA_SIGINFO = 0x4,
    SA_ONSTACK = 0x08000000,
    SA_RESTART = 0x10000000,
    SA_RESTORER = 0x04000000,
};
enum : int { SI_USER = 0, SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRERR = 2, FPE_INTDIV = 1, FPE_INTOVF = 2 };

struct kernel_sigaction {
    void (*handler)(int, void*, void*);
    unsigned long flags;
    void (*restorer)();
    uint64_t mask;
};
struct stack_t {
    void* ss_sp;
    int ss_flags;
    size_t ss_size;
};

// siginfo_t and ucontext_t, only the fields used (x86-64 kernel layout).
struct siginfo {
    int32_t si_signo, si_errno, si_code, pad;
    uintptr si_addr;
};
enum { REG_R8 = 0, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15, REG_RDI, REG_RSI, REG_RBP,
       REG_RBX, REG_RDX, REG_RAX, REG_RCX, REG_RSP, REG_RIP, REG_EFL, REG_CSGSFS };
struct ucontext {
    unsigned long uc_flags;
    ucontext* uc_link;
    stack_t uc_stack;
    uintptr gregs[23];
};
static_assert(offsetof(ucontext, gregs) == 40, "uc_mcontext starts at byte 40");

struct sigctxt {
    siginfo* info;
    ucontext* ctx;
    uintptr& reg(int r) { return ctx->gregs[r]; }
    uintptr sigpc() { return ctx->gregs[REG_RIP]; }
    uintptr sigsp() { return ctx->gregs[REG_RSP]; }
    uintptr sigbp() { return ctx->gregs[REG_RBP]; }
    // As Go's sigctxt.sigcode: si_code sign-extended to 64 bits, so tgkill's
    // SI_TKILL (-6) prints as 18446744073709551610.
    uint64_t sigcode() { return (uint64_t)(int64_t)info->si_code; }
    uintptr fault() { return info->si_addr; }
};

const char* signame(int sig) { return sig > 0 && sig < NSIG ? sigtable[sig].name : nullptr; }

constexpr uintptr SIG_DFL = 0;

void setsig(int sig, void (*fn)(int, void*, void*)) {
    kernel_sigaction sa{};
    sa.handler = fn;
    sa.flags = SA_SIGINFO | SA_ONSTACK | SA_RESTORER | SA_RESTART;
    sa.restorer = sigreturn__sigaction;
    sa.mask = ~0ull;  // block every signal while a handler runs
    long r = sys::syscall4(sys::SYS_rt_sigaction, sig, (long)&sa, 0, 8);
    // As Go's sysSigaction: qemu's user mode rejects SIGCANCEL (32) and
    // SIGSETXID (33) (libc reserves them) and SIGRTMAX (64), and so does
    // valgrind for 64; nothing can be done about it, so only others are fatal.
    if (r < 0 && sig != 32 && sig != 33 && sig != 64) throw_("sigaction failed");
}

// ---- Asynchronous preemption (Go's preempt.go) ------------------------------

bool xsaveProbed;

void probeXsave() {
    xsaveProbed = true;
    uint32_t a, b, c, d;
    asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
    bool osxsave = (c >> 27) & 1;
    if (!osxsave) return;
    asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0xd), "c"(0));
    xsaveSize = b;  // size for the features enabled in XCR0
}

// Is it safe to suspend gp, interrupted at ctx, right here (Go's
// wantAsyncPreempt and isAsyncSafePoint)? Only in user code, never in the
// runtime, never with runtime locks held, and only with enough stack below
// SP for asyncPreempt's frame (the red zone is skipped).
bool isAsyncSafePoint(g* gp, m* mp, sigctxt& c) {
    if (gp != mp->curg || gp == nullptr) return false;
    if (!atomic::Load(&gp->preempt) && !atomic::Load(&sched.gcwaiting)) return false;
    if (mp->locks != 0 || mp->mallocing != 0 || mp->dying != 0 || mp->p == nullptr) return false;
    if (atomic::Load(&mp->p->status) != _Prunning || readgstatus(gp) != _Grunning) return false;
    uintptr pc = c.sigpc(), sp = c.sigsp();
    if (inRuntimeText(pc)) return false;
    if (sp < gp->stack.lo + 512 || sp >= gp->stack.hi) return false;
    return true;
}

// Arrange for the interrupted goroutine to call asyncPreempt as if the
// instruction at the signal PC had been "call asyncPreempt" (Go's pushCall).
// The return address goes below the red zone, which leaf code may be using;
// asyncPreempt returns with ret $128 to skip it again.
void pushCallAsyncPreempt(sigctxt& c) {
    uintptr sp = c.sigsp() - 128 - 8;
    *(uintptr*)sp = c.sigpc();
    c.reg(REG_RSP) = sp;
    c.reg(REG_RIP) = (uintptr)asyncPreempt;
}

void doSigPreempt(g* gp, m* mp, sigctxt& c) {
    if (isAsyncSafePoint(gp, mp, c)) {
        if (!xsaveProbed) probeXsave();
        if (gp->asyncsave == nullptr) {
            // Safe: the interrupted code is user code holding no runtime
            // locks, so the allocator is not in use on this M.
            uintptr n = (xsaveSize ? xsaveSize : 512) + 64;
            gp->asyncsave = (asyncsave*)mallocAligned(n, 64, true);
        }
        // The preemption is being honoured: un-poison the guard so that
        // asyncPreempt2's own calls don't also take the morestack path.
        atomic::Store(&gp->stackguard0, gp->stack.lo + StackGuard);
        pushCallAsyncPreempt(c);
        atomic::Xadd(&mp->preemptGen, 1);
    }
    atomic::Store(&mp->signalPending, 0);
}

// ---- Fatal signals -----------------------------------------------------------

// Can a fault at ctx become an ordinary panic of gp (Go's canpanic)?
bool canpanic(g* gp, m* mp, sigctxt& c) {
    if (gp == nullptr || gp != mp->curg) return false;
    if (mp->locks != 0 || mp->mallocing != 0 || mp->throwing != 0 || mp->dying != 0) return false;
    if (readgstatus(gp) != _Grunning) return false;
    return !inRuntimeText(c.sigpc());
}

[[noreturn]] void sigpanic(int sig, g* gp, m* mp, sigctxt& c) {
    gp->sig = (uint32_t)sig;
    gp->sigcode0 = (uintptr)c.sigcode();
    gp->sigcode1 = c.fault();
    gp->sigpc = c.sigpc();
    if (!canpanic(gp, mp, c)) {
        panicAtG(gp, "unexpected signal during runtime execution", c.sigpc(), c.sigsp(), c.sigbp(), true);
    }
    switch (sig) {
    case SIGBUS:
        if (gp->sigcode0 == BUS_ADRERR && gp->sigcode1 < 0x1000)
            panicAtG(gp, "runtime error: invalid memory address or nil pointer dereference", c.sigpc(), c.sigsp(), c.sigbp(), false);
        print("unexpected fault address ", hex(gp->sigcode1), "\n");
        panicAtG(gp, "fault", c.sigpc(), c.sigsp(), c.sigbp(), true);
    case SIGSEGV:
        if ((gp->sigcode0 == 0 || gp->sigcode0 == SEGV_MAPERR || gp->sigcode0 == SEGV_ACCERR) && gp->sigcode1 < 0x1000)
            panicAtG(gp, "runtime error: invalid memory address or nil pointer dereference", c.sigpc(), c.sigsp(), c.sigbp(), false);
        print("unexpected fault address ", hex(gp->sigcode1), "\n");
        panicAtG(gp, "fault", c.sigpc(), c.sigsp(), c.sigbp(), true);
    case SIGFPE:
        if (gp->sigcode0 == FPE_INTDIV)
            panicAtG(gp, "runtime error: integer divide by zero", c.sigpc(), c.sigsp(), c.sigbp(), false);
        if (gp->sigcode0 == FPE_INTOVF)
            panicAtG(gp, "runtime error: integer overflow", c.sigpc(), c.sigsp(), c.sigbp(), false);
        panicAtG(gp, "runtime error: floating point error", c.sigpc(), c.sigsp(), c.sigbp(), false);
    }
    panicAtG(gp, signame(sig), c.sigpc(), c.sigsp(), c.sigbp(), false);
}

// Go's dumpregs.
void dumpregs(sigctxt& c) {
    static const char* const names[] = {"rax    ", "rbx    ", "rcx    ", "rdx    ", "rdi    ", "rsi    ",
                                        "rbp    ", "rsp    ", "r8     ", "r9     ", "r10    ", "r11    ",
                                        "r12    ", "r13    ", "r14    ", "r15    ", "rip    ", "rflags "};
    static const int regs[] = {REG_RAX, REG_RBX, REG_RCX, REG_RDX, REG_RDI, REG_RSI, REG_RBP, REG_RSP, REG_R8,
                               REG_R9,  REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15, REG_RIP, REG_EFL};
    for (int i = 0; i < 18; i++) print(names[i], hex(c.reg(regs[i])), "\n");
    uintptr csgsfs = c.reg(REG_CSGSFS);
    print("cs     ", hex(csgsfs & 0xffff), "\n");
    print("fs     ", hex((csgsfs >> 32) & 0xffff), "\n");
    print("gs     ", hex((csgsfs >> 16) & 0xffff), "\n");
}

// A _SigThrow signal (SIGQUIT, SIGABRT, ...), or a fault sent with kill:
// the end of Go's sighandler. Name, PC line, the interrupted goroutine
// ("goroutine 0 [idle]" when the signal hit an idle M's g0), every other
// goroutine, the registers, exit 2 (abort at GOTRACEBACK=crash).
[[noreturn]] void sigthrow(int sig, g* gp, m* mp, sigctxt& c) {
    mp->throwing = throwTypeRuntime;
    printlock();
    startpanic_m();
    const char* name = signame(sig);
    if (name) print(name, "\n");
    else print("Signal ", sig, "\n");
    print("PC=", hex(c.sigpc()), " m=", mp->id, " sigcode=", c.sigcode(), "\n");
    if (sig == SIGILL || sig == SIGFPE) {
        // 16 bytes cover most instructions; never cross into the next page.
        uintptr pc = c.sigpc(), n = 16;
        if (n > physPageSize - pc % physPageSize) n = physPageSize - pc % physPageSize;
        print("instruction bytes:");
        for (uintptr i = 0; i < n; i++) print(" ", hex(((const uint8_t*)pc)[i]));
        print("\n");
    }
    print("\n");
    int32_t level;
    bool all, docrash;
    gotraceback(&level, &all, &docrash);
    if (level > 0) {
        goroutineheader(gp);
        traceback(c.sigpc(), c.sigsp(), c.sigbp(), gp);
        tracebackothers(gp);
        print("\n");
        dumpregs(c);
    }
    printunlock();
    // (At crash, Go first relays SIGQUIT to every other M so that each dumps
    // its own stack; the other Ms' goroutines are listed above already.)
    if (docrash) dieFromSignal(SIGABRT);
    exit(2);
}

void sighandler(int sig, siginfo* info, ucontext* ctx, g* gp) {
    m* mp = getg()->m;
    sigctxt c{info, ctx};
    if (sig == sigPreempt) {
        if (debug.asyncpreemptoff == 0) doSigPreempt(gp, mp, c);
        // SIGURG is also _SigNotify + _SigIgn: nothing more to do.
        return;
    }
    uint8_t flags = sig < NSIG ? sigtable[sig].flags : (uint8_t)SigThrow;
    if (c.sigcode() != (uint64_t)SI_USER && (flags & SigPanic)) sigpanic(sig, gp, mp, c);
    // SIGHUP, SIGINT and SIGTERM keep their default action (see initsig),
    // so a _SigKill signal never reaches here.
    if ((flags & (SigThrow | SigPanic)) == 0) return;  // not notified: ignored, as in Go
    sigthrow(sig, gp, mp, c);
}

}  // namespace

// The kernel enters here on the M's signal stack. Runs before the split-stack
// guard is right for this stack, so it has no prologue check itself: it makes
// gsignal the running g, calls the handler, and puts back the interrupted g
// and its guard (which the handler may have changed: a preemption).
// (gcc 12 accepts no_split_stack only on a declaration that precedes the definition.)
extern "C" void sigtramp(int sig, void* info, void* ctx) __attribute__((no_split_stack));
extern "C" void sigtramp(int sig, void* info, void* ctx) {
    g* gp;
    asm volatile("movq %%fs:-8, %0" : "=r"(gp));
    if (gp == nullptr) return;  // a thread the runtime does not own: nothing safe to do
    m* mp = gp->m;
    g* gsignal = mp->gsignal;
    asm volatile("movq %0, %%fs:-8" : : "r"(gsignal) : "memory");
    asm volatile("movq %0, %%fs:%c1" : : "r"(gsignal->stackguard0), "i"(TLS_STACKGUARD) : "memory");
    sighandler(sig, (siginfo*)info, (ucontext*)ctx, gp);
    asm volatile("movq %0, %%fs:-8" : : "r"(gp) : "memory");
    uintptr guard = atomic::Load(&gp->stackguard0);
    asm volatile("movq %0, %%fs:%c1" : : "r"(guard), "i"(TLS_STACKGUARD) : "memory");
}

// Called by asyncPreempt (asm_amd64.S) once every register is saved: give
// the P to another goroutine; asyncPreempt restores everything when gp runs again.
extern "C" void asyncPreempt2() __attribute__((no_split_stack));
extern "C" void asyncPreempt2() {
    g* gp = getg();
    gp->asyncSafePoint = true;
    if (traceOn()) traceGoPreempt(tracePreemptSignal);
    mcall(gopreempt_m);
    gp->asyncSafePoint = false;
}

// The signal mask the process started with (Go's initSigmask): every M
// runs with it, minus the _SigUnblock signals. [immutable after initsig]
static uint64_t initSigmask;

// Install the handlers (Go's initsig), on m0 before the scheduler starts:
// every signal of sigtable with flags, except the _SigDefault ones and
// libc's (_SigSetStack), as Go does. Divergence: SIGHUP, SIGINT and SIGTERM
// (_SigKill) keep the default action instead of Go's handler, whose only
// effect without signal.Notify is to die by the same signal (dieFromSignal);
// keeping the default also keeps an inherited SIG_IGN, as Go's
// sigInstallGoHandler does for SIGHUP and SIGINT.
void initsig() {
    probeXsave();
    for (int i = 1; i < NSIG; i++) {
        uint8_t f = sigtable[i].flags;
        if (f == 0 || (f & (SigDefault | SigSetStack | SigKill))) continue;
        setsig(i, (void (*)(int, void*, void*))sigtramp);
    }
}

// A write to standard output or error failed with EPIPE: die of SIGPIPE, as
// Go's os package does (Go's sigpipe and dieFromSignal).
void sigpipe() {
    dieFromSignal(SIGPIPE);
}

// Per-thread signal setup (part of Go's minit): the alternate signal stack
// is gsignal's, and the mask is the one the process started with, with the
// _SigUnblock signals (the synchronous faults, SIGPROF) unblocked (Go's
// minitSignalMask).
void minitSignals() {
    m* mp = getg()->m;
    stack_t st{};
    st.ss_sp = (void*)mp->gsignal->stack.lo;
    st.ss_size = mp->gsignal->stack.hi - mp->gsignal->stack.lo;
    st.ss_flags = 0;
    sys::syscall2(sys::SYS_sigaltstack, (long)&st, 0);
    if (mp == &m0) {
        // m0 is the first M to get here, before any other thread exists: its
        // mask is still the one the process was started with (Go saves it in
        // schedinit).
        sys::syscall4(sys::SYS_rt_sigprocmask, 0 /*SIG_BLOCK*/, 0, (long)&initSigmask, 8);
    }
    uint64_t mask = initSigmask;
    for (int i = 1; i < NSIG; i++)
        if (sigtable[i].flags & SigUnblock) mask &= ~(1ull << (i - 1));
    sys::syscall4(sys::SYS_rt_sigprocmask, 2 /*SIG_SETMASK*/, (long)&mask, 0, 8);
}

// Die by sig itself, with its default action (Go's dieFromSignal): the
// parent sees the signal (GOTRACEBACK=crash ends in SIGABRT this way).
[[noreturn]] void dieFromSignal(int sig) {
    kernel_sigaction sa{};
    sa.handler = (void (*)(int, void*, void*))SIG_DFL;
    sa.flags = SA_RESTORER;
    sa.restorer = sigreturn__sigaction;
    sys::syscall4(sys::SYS_rt_sigaction, sig, (long)&sa, 0, 8);
    uint64_t set = 1ull << (sig - 1);
    sys::syscall4(sys::SYS_rt_sigprocmask, 1 /*SIG_UNBLOCK*/, (long)&set, 0, 8);
    sys::tgkill((int)sys::getpid(), (int)sys::gettid(), sig);
    // If we are still somehow running, just exit with the wrong status.
    exit(2);
}

// Send the preemption signal to mp's thread (Go's preemptM). At most one
// signal in flight per M.
void preemptM(m* mp) {
    if (mp->procid == 0) return;
    if (atomic::Cas(&mp->signalPending, 0u, 1u)) {
        static long pid;
        if (pid == 0) pid = sys::getpid();
        sys::tgkill((int)pid, mp->procid, sigPreempt);
    }
}

// "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x401136]"
void printSignalLine(g* gp) {
    const char* name = signame((int)gp->sig);
    if (name) print("[signal ", name);
    else print("[signal ", hex(gp->sig));
    print(" code=", hex(gp->sigcode0), " addr=", hex(gp->sigcode1), " pc=", hex(gp->sigpc), "]\n");
}

}  // namespace runtime
