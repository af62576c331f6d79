// signal_linux.cpp — signals: faults become Go's panics and fatal errors,
// SIGQUIT dumps every goroutine, and SIGURG carries asynchronous preemption.
// Read beside Go's signal_unix.go, signal_amd64.go and preempt.go.
//
// Every M has a gsignal goroutine whose stack is the thread's alternate
// signal stack (sigaltstack). The kernel enters sigtramp there; sigtramp
// makes gsignal the running g (so the split-stack check compares against the
// signal stack's limit, not the interrupted goroutine's) and calls sighandler.
#include "print.h"
#include "runtime.h"
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
    SIGKILL = 9, SIGSEGV = 11, SIGPIPE = 13, SIGTERM = 15, SIGURG = 23,
};
constexpr int sigPreempt = SIGURG;  // Go's choice: rarely used by programs, ignored by default

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
       REG_RBX, REG_RDX, REG_RAX, REG_RCX, REG_RSP, REG_RIP, REG_EFL };
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
    int32_t sigcode() { return info->si_code; }
    uintptr fault() { return info->si_addr; }
};

const char* signame(int sig) {
    switch (sig) {
    case SIGHUP: return "SIGHUP: terminal line hangup";
    case SIGINT: return "SIGINT: interrupt";
    case SIGQUIT: return "SIGQUIT: quit";
    case SIGILL: return "SIGILL: illegal instruction";
    case SIGTRAP: return "SIGTRAP: trace trap";
    case SIGABRT: return "SIGABRT: abort";
    case SIGBUS: return "SIGBUS: bus error";
    case SIGFPE: return "SIGFPE: floating-point exception";
    case SIGSEGV: return "SIGSEGV: segmentation violation";
    case SIGTERM: return "SIGTERM: termination";
    case SIGURG: return "SIGURG: urgent I/O condition";
    }
    return nullptr;
}

void setsig(int sig, void (*fn)(int, void*, void*)) {
    kernel_sigaction sa{};
    sa.handler = fn;
    sa.flags = SA_SIGINFO | SA_ONSTACK | SA_RESTORER | SA_RESTART;
    sa.restorer = sigreturn__sigaction;
    sa.mask = ~0ull;  // block every signal while a handler runs
    long r = sys::syscall4(sys::SYS_rt_sigaction, sig, (long)&sa, 0, 8);
    if (r < 0) throw_("runtime: rt_sigaction failed");
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
        panicAtG(gp, "unexpected signal during runtime execution", c.sigpc(), c.sigbp(), true);
    }
    switch (sig) {
    case SIGBUS:
        if (gp->sigcode0 == BUS_ADRERR && gp->sigcode1 < 0x1000)
            panicAtG(gp, "runtime error: invalid memory address or nil pointer dereference", c.sigpc(), c.sigbp(), false);
        print("unexpected fault address ", hex(gp->sigcode1), "\n");
        panicAtG(gp, "fault", c.sigpc(), c.sigbp(), true);
    case SIGSEGV:
        if ((gp->sigcode0 == 0 || gp->sigcode0 == SEGV_MAPERR || gp->sigcode0 == SEGV_ACCERR) && gp->sigcode1 < 0x1000)
            panicAtG(gp, "runtime error: invalid memory address or nil pointer dereference", c.sigpc(), c.sigbp(), false);
        print("unexpected fault address ", hex(gp->sigcode1), "\n");
        panicAtG(gp, "fault", c.sigpc(), c.sigbp(), true);
    case SIGFPE:
        if (gp->sigcode0 == FPE_INTDIV)
            panicAtG(gp, "runtime error: integer divide by zero", c.sigpc(), c.sigbp(), false);
        if (gp->sigcode0 == FPE_INTOVF)
            panicAtG(gp, "runtime error: integer overflow", c.sigpc(), c.sigbp(), false);
        panicAtG(gp, "runtime error: floating point error", c.sigpc(), c.sigbp(), false);
    }
    panicAtG(gp, signame(sig), c.sigpc(), c.sigbp(), false);
}

// SIGQUIT, or a fatal signal sent by another process: dump every goroutine
// and exit 2, as Go does.
[[noreturn]] void sigdump(int sig, g* gp, m* mp, sigctxt& c) {
    printlock();
    const char* name = signame(sig);
    if (name) print(name, "\n");
    else print("Signal ", sig, "\n");
    print("PC=", hex(c.sigpc()), " m=", mp->id, " sigcode=", c.sigcode(), "\n");
    tracebackAll = true;
    dieSignal(gp, c.sigpc(), c.sigbp());
}

void sighandler(int sig, siginfo* info, ucontext* ctx, g* gp) {
    m* mp = getg()->m;
    sigctxt c{info, ctx};
    if (sig == sigPreempt) {
        if (debug.asyncpreemptoff == 0) doSigPreempt(gp, mp, c);
        return;
    }
    // A write to a socket or pipe whose reader is gone: Go's table says
    // _SigNotify only, so with nobody notified the handler ignores it and
    // the write returns EPIPE. os dies of it only on fds 1 and 2 (sigpipe).
    if (sig == SIGPIPE) return;
    if (sig == SIGQUIT) sigdump(sig, gp, mp, c);
    if (c.sigcode() != SI_USER && (sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL || sig == SIGTRAP))
        sigpanic(sig, gp, mp, c);
    // A fault signal sent with kill: Go dies with the dump too.
    sigdump(sig, gp, mp, c);
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
    mcall(gopreempt_m);
    gp->asyncSafePoint = false;
}

// Install the handlers (Go's initsig), on m0 before the scheduler starts.
void initsig() {
    probeXsave();
    setsig(SIGQUIT, (void (*)(int, void*, void*))sigtramp);
    setsig(SIGILL, (void (*)(int, void*, void*))sigtramp);
    setsig(SIGTRAP, (void (*)(int, void*, void*))sigtramp);
    setsig(SIGBUS, (void (*)(int, void*, void*))sigtramp);
    setsig(SIGFPE, (void (*)(int, void*, void*))sigtramp);
    setsig(SIGSEGV, (void (*)(int, void*, void*))sigtramp);
    setsig(sigPreempt, (void (*)(int, void*, void*))sigtramp);
    setsig(SIGPIPE, (void (*)(int, void*, void*))sigtramp);
    // SIGINT, SIGTERM, SIGHUP keep their default meaning.
}

// A write to standard output or error failed with EPIPE: die of SIGPIPE, as
// a C program would and as Go's os package does (Go's sigpipe and
// dieFromSignal): default action, then the signal to this thread.
void sigpipe() {
    kernel_sigaction sa{};  // SIG_DFL
    sys::syscall4(sys::SYS_rt_sigaction, SIGPIPE, (long)&sa, 0, 8);
    sys::tgkill((int)sys::getpid(), (int)sys::gettid(), SIGPIPE);
    // The signal is blocked on this thread (a handler is running): exit as
    // Go does when it cannot die of the signal.
    exit(2);
}

// Per-thread signal setup (part of Go's minit): the alternate signal stack
// is gsignal's, and every signal is unblocked.
void minitSignals() {
    m* mp = getg()->m;
    stack_t st{};
    st.ss_sp = (void*)mp->gsignal->stack.lo;
    st.ss_size = mp->gsignal->stack.hi - mp->gsignal->stack.lo;
    st.ss_flags = 0;
    sys::syscall2(sys::SYS_sigaltstack, (long)&st, 0);
    uint64_t none = 0;
    sys::syscall4(sys::SYS_rt_sigprocmask, 2 /*SIG_SETMASK*/, (long)&none, 0, 8);
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
