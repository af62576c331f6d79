// panic.cpp — fatal errors and panics, as Go's panic.go prints them:
//
//   panic: send on closed channel            fatal error: all goroutines are asleep - deadlock!
//
//   goroutine 1 [running]:                   goroutine 1 [chan receive]:
//   main()                                   main()
//           user/main.cpp:7 +0x2a                    user/main.cpp:12 +0x36
//
// and exit status 2. There is no recover in C++ without exceptions, so every
// panic is an unrecovered one: it prints and exits. Nothing here allocates:
// the messages are constant strings, the output goes through print.cpp's
// fixed buffer, and the tracebacks run on the M's system stack.
#include "print.h"
#include "runtime.h"
#include "sys_linux.h"
#include "trace.h"

namespace runtime {

static mutex paniclk;   // serializes the printing of concurrent panics
static mutex deadlock;  // an M that loses the race to panic waits here forever
static bool didothers;  // [paniclk] tracebackothers already ran

// os::Exit, a panic and a fatal error end here: a trace still on is written
// first (trace.cpp's traceFlushAtExit says why that is safe).
[[noreturn]] void exit(int code) {
    if (traceOn()) traceFlushAtExit();
    sys::exit_group(code);
}

[[noreturn]] void abort() {
    writeErr("fatal error: runtime: abort\n", 28);
    sys::exit_group(2);
}

// Prepare for an unrecoverable panic (Go's startpanic_m).
void startpanic_m() {
    m* mp = getg()->m;
    // Disallow preemption: we are about to take paniclk and print.
    mp->locks++;
    mp->mallocing++;
    switch (mp->dying) {
    case 0:
        mp->dying = 1;
        atomic::Xadd(&panicking, 1);
        lock(&paniclk);
        return;
    case 1:
        // Something failed while panicking. Just print a stack trace and exit.
        mp->dying = 2;
        print("panic during panic\n");
        exit(3);
    case 2:
        // This is a genuine bug in the runtime, we couldn't even print the
        // stack trace successfully.
        mp->dying = 3;
        print("stack trace unavailable\n");
        exit(4);
    default:
        // Can't even print! Just exit.
        exit(5);
    }
}

struct panicState {
    g* gp;       // the goroutine (or g0/gsignal) that failed
    uintptr pc;  // where: the first frame to print
    uintptr sp;
    uintptr bp;
};

// Print the tracebacks GOTRACEBACK asks for, then exit 2, or abort at
// GOTRACEBACK=crash (Go's dopanic_m and the end of fatalpanic).
[[noreturn]] static void dopanic_m(void* arg) {
    auto* st = (panicState*)arg;
    g* gp = st->gp;
    m* mp = getg()->m;
    if (gp->sig != 0) printSignalLine(gp);
    int32_t level;
    bool all, docrash;
    gotraceback(&level, &all, &docrash);
    if (level > 0) {
        if (gp != mp->curg) all = true;
        if (gp != mp->g0 && gp != mp->gsignal) {
            print("\n");
            goroutineheader(gp);
            traceback(st->pc, st->sp, st->bp, gp);
        } else if (level >= 2 || mp->throwing >= throwTypeRuntime) {
            print("\nruntime stack:\n");
            traceback(st->pc, st->sp, st->bp, gp);
        }
        if (!didothers && all) {
            didothers = true;
            tracebackothers(gp);
        }
    }
    printunlock();
    unlock(&paniclk);
    if (atomic::Xadd(&panicking, -1) != 0) {
        // Some other M is panicking too. Let it print what it needs to
        // print. Wait forever without chewing up CPU; it will exit when done.
        lock(&deadlock);
        lock(&deadlock);
    }
    if (docrash) dieFromSignal(sigAbort);
    exit(2);
}

// The common path of throw_, fatal and panics: the caller has printed its
// first line inside printlock; pc/bp locate the frame to start the traceback at.
[[noreturn]] static void die(int32_t throwType, uintptr pc, uintptr bp) {
    g* gp = getg();
    if (gp->m->throwing == throwTypeNone) gp->m->throwing = throwType;
    panicState st{gp, pc, bp, bp};
    systemstack(
        [](void* a) {
            startpanic_m();
            dopanic_m(a);
        },
        &st);
    __builtin_unreachable();
}

static inline uintptr herepc() {
    uintptr pc;
    asm volatile("lea 0(%%rip), %0" : "=r"(pc));
    return pc;
}

// Go's throw: a runtime invariant failed. "fatal error: s", every frame
// (runtime ones too), exit 2.
[[noreturn]] __attribute__((noinline)) void throw_(const char* s) {
    printlock();
    print("fatal error: ", s, "\n");
    die(throwTypeRuntime, herepc(), (uintptr)__builtin_frame_address(0));
}

// Go's fatal: the program did something unrecoverable (deadlock, unlock of
// an unlocked mutex). Like throw_, but runtime frames stay hidden.
[[noreturn]] __attribute__((noinline)) void fatal(const char* s) {
    printlock();
    print("fatal error: ", s, "\n");
    die(throwTypeUser, herepc(), (uintptr)__builtin_frame_address(0));
}

// A panic with a runtime-defined message ("send on closed channel",
// "runtime error: ..."): Go's panic(plainError(s)), unrecovered.
[[noreturn]] __attribute__((noinline)) void panicmsg(const char* s) {
    printlock();
    print("panic: ", s, "\n");
    die(throwTypeNone, herepc(), (uintptr)__builtin_frame_address(0));
}

// A panic or fatal error caused by a signal (nil dereference, ...), from the
// signal handler on gsignal: the traceback is gp's, from the faulting
// instruction (Go reaches the same output through sigpanic).
[[noreturn]] void panicAtG(g* gp, const char* s, uintptr pc, uintptr sp, uintptr bp, bool isThrow) {
    printlock();
    print(isThrow ? "fatal error: " : "panic: ", s, "\n");
    getg()->m->throwing = isThrow ? throwTypeRuntime : throwTypeNone;
    panicState st{gp, pc, sp, bp};
    startpanic_m();
    dopanic_m(&st);
}


}  // namespace runtime

namespace go {

// panic(msg): prints "panic: msg", the goroutine's traceback, exits 2.
[[noreturn]] __attribute__((noinline)) void panic(const char* msg) {
    runtime::printlock();
    runtime::print("panic: ", msg, "\n");
    runtime::die(runtime::throwTypeNone, runtime::herepc(), (runtime::uintptr)__builtin_frame_address(0));
}

}  // namespace go
