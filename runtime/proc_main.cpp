// proc_main.cpp — Go's proc.go, part 6: runtime.main, the main goroutine
// (static constructors as package init, then main, then exit), and the
// deadlock detector checkdead.
#include "print.h"
#include "proc.h"
#include "runtime.h"
#include "runtime1.h"
#include "sys_linux.h"

namespace runtime {

// ---- Deadlock detection --------------------------------------------------------------

void incidlelocked(int32_t v) {
    lock(&sched.lock);
    sched.nmidlelocked += v;
    if (v > 0) checkdead();
    unlock(&sched.lock);
}

// Check for deadlock situation (Go's checkdead). The check is based on the
// number of running Ms: if 0, we have a deadlock. sched.lock must be held.
void checkdead() {
    // If we are dying because of a signal caught on an already idle thread,
    // the runtime will exit soon.
    if (atomic::Load(&panicking) > 0) return;
    int32_t run = mcount() - sched.nmidle - sched.nmidlelocked - sched.nmsys;
    if (run > 0) return;
    if (run < 0) {
        print("runtime: checkdead: nmidle=", sched.nmidle, " nmidlelocked=", sched.nmidlelocked, " mcount=", mcount(),
              " nmsys=", sched.nmsys, "\n");
        throw_("checkdead: inconsistent counts");
    }
    int32_t grunning = 0;
    for (g* gp = atomic::LoadAcq(&allgs_head); gp; gp = gp->alllink) {
        if (gp->isSystem) continue;
        uint32_t s = readgstatus(gp);
        switch (s) {
        case _Gwaiting: grunning++; break;
        case _Grunnable:
        case _Grunning:
        case _Gsyscall:
            print("runtime: checkdead: find g ", gp->goid, " in status ", s, "\n");
            throw_("checkdead: runnable g");
        }
    }
    if (grunning == 0) {  // possible if main goroutine calls runtime·Goexit()
        unlock(&sched.lock);
        fatal("no goroutines (main called runtime.Goexit) - deadlock!");
    }
    // There are no goroutines running, so we can look at the Ps.
    for (int32_t i = 0; i < allplen; i++)
        if (allp[i]->timersLen > 0) return;
    unlock(&sched.lock);
    fatal("all goroutines are asleep - deadlock!");
}

// ---- runtime.main ---------------------------------------------------------------

extern "C" {
typedef void (*initfn)(int, char**, char**);
extern initfn __init_array_start[] __attribute__((weak));
extern initfn __init_array_end[] __attribute__((weak));
int main(int, char**, char**);
}

void (*runExitHooks)() = nullptr;  // [atomic]

static void startSysmon(void*) { newm(sysmon, nullptr, -1); }

// Stand-in for Go's gcenable: there is no collector to start. Memory is freed
// explicitly (delete, channel handles' reference counts); the allocator
// returns freed spans to the OS itself (malloc.cpp).
static void gcenable() {}

// The main goroutine (Go's runtime.main).
extern "C" void runtime_main(void*) {
    g* gp = getg();
    // Max stack size is 1 GB on 64-bit. Using decimal instead of binary GB
    // and MB because they look nicer in the stack overflow failure message.
    maxstacksize = debug.maxstack > 0 ? (uintptr)debug.maxstack : 1000000000;
    // Allow newproc to start new Ms.
    mainStarted = true;
    systemstack(startSysmon, nullptr);
    if (gp->m != &m0) throw_("runtime.main not on m0");
    if (boottraceEnabled()) {
        // Wait (briefly) for sysmon's thread to report its tid.
        int32_t tid = 0;
        for (int i = 0; i < 1000 && tid == 0; i++) {
            for (m* mp = atomic::LoadAcq(&allm); mp; mp = mp->alllink)
                if (mp->mstartfn == sysmon) tid = atomic::Load(&mp->procid);
            if (tid == 0) usleep(100);
        }
        print("boot: [9] runtime.main: maxstacksize=", maxstacksize, " mainStarted=true; sysmon started on a new M (tid ",
              tid, ", own g0 stack and TLS)\n");
    }
    gcenable();
    boottraceStep("boot: [9] runtime.main: gcenable: no collector; memory is freed explicitly (see docs/startup.md)\n");
    // Run the C++ static constructors: the program's package initialisation.
    int n = (int)(__init_array_end - __init_array_start);
    if (boottraceEnabled())
        print("boot: [9] runtime.main: doInit: running ", n, " static constructor", n == 1 ? "" : "s",
              " (.init_array) on g", gp->goid, "\n");
    for (int i = 0; i < n; i++) __init_array_start[i](argc, argv, envp);
    isrunning = true;
    if (boottraceEnabled()) print("boot: [9] runtime.main: calling main(argc=", argc, ", argv) on g", gp->goid, "\n");
    int code = main(argc, argv, envp);
    // Make racy client program work: if panicking on another goroutine at
    // the same time as main returns, let the other goroutine finish printing
    // the panic trace. Once it does, it will exit.
    if (atomic::Load(&panicking) != 0) gopark(nullptr, nullptr, waitReason::zero);
    // Divergence from Go 1.19 (which has no exit hooks): the C++ static
    // destructors, in reverse order of construction (pkg/cxx/atexit.cpp).
    // Only here: os.Exit, a panic and a fatal error skip them.
    if (void (*hooks)() = atomic::LoadAcq(&runExitHooks)) hooks();
    if (debug.schedtracefinal > 0) schedtrace(true);
    exit(code);
}

}  // namespace runtime
