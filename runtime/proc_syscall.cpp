// proc_syscall.cpp — Go's proc.go, part 4: system calls. entersyscall
// leaves the P for sysmon to retake (handoffp) if the call blocks;
// exitsyscall gets a P back, or parks the goroutine as runnable.
#include "print.h"
#include "proc.h"
#include "runtime.h"
#include "runtime1.h"
#include "sys_linux.h"

namespace runtime {

// ---- System calls --------------------------------------------------------------------

// Record where the goroutine entered the system call, for tracebacks: the
// caller's pc and frame pointer (fp is the entersyscall frame's).
static inline void saveSyscallCaller(g* gp, uintptr fp, uintptr pc) {
    gp->syscallsp = fp + 16;
    gp->syscallpc = pc;
    gp->sched.sp = gp->syscallsp;
    gp->sched.pc = pc;
    gp->sched.bp = *(uintptr*)fp;
}

// The goroutine is about to enter a system call that may block. Record that
// it no longer uses the CPU: its P goes to _Psyscall so sysmon can hand it to
// another M if the call takes long (Go's entersyscall / reentersyscall).
void entersyscall() {
    g* gp = getg();
    // Disable preemption because during this function g is in Gsyscall
    // status, but can have inconsistent g->sched.
    gp->m->locks++;
    saveSyscallCaller(gp, (uintptr)__builtin_frame_address(0), (uintptr)__builtin_return_address(0));
    casgstatus(gp, _Grunning, _Gsyscall);
    if (atomic::Load(&sched.sysmonwait)) {
        lock(&sched.lock);
        if (atomic::Load(&sched.sysmonwait)) {
            atomic::Store(&sched.sysmonwait, 0);
            notewakeup(&sched.sysmonnote);
        }
        unlock(&sched.lock);
    }
    p* pp = gp->m->p;
    gp->m->syscalltick = pp->syscalltick;
    pp->m = nullptr;
    gp->m->oldp = pp;
    gp->m->p = nullptr;
    atomic::Store(&pp->status, _Psyscall);
    if (atomic::Load(&sched.gcwaiting)) {
        // Stop the world is waiting for this P.
        lock(&sched.lock);
        if (sched.stopwait > 0 && atomic::Cas(&pp->status, _Psyscall, _Pgcstop)) {
            if (--sched.stopwait == 0) notewakeup(&sched.stopnote);
        }
        unlock(&sched.lock);
    }
    gp->m->locks--;
}

// The same, but the call is known to block: hand off the P at once.
void entersyscallblock() {
    g* gp = getg();
    gp->m->locks++;
    gp->m->p->syscalltick++;
    saveSyscallCaller(gp, (uintptr)__builtin_frame_address(0), (uintptr)__builtin_return_address(0));
    casgstatus(gp, _Grunning, _Gsyscall);
    systemstack([](void*) { handoffp(releasep()); }, nullptr);
    gp->m->locks--;
}

// Try to re-acquire a P after a system call without going through the scheduler.
static bool exitsyscallfast(p* oldp) {
    // Try to re-acquire the last P.
    if (oldp != nullptr && atomic::Load(&oldp->status) == _Psyscall && atomic::Cas(&oldp->status, _Psyscall, _Pidle)) {
        // There's a cpu for us, so we can run.
        acquirep(oldp);
        return true;
    }
    // Try to get any other idle P.
    if (sched.pidle != nullptr) {
        lock(&sched.lock);
        p* pp = pidleget();
        if (pp != nullptr && atomic::Load(&sched.sysmonwait)) {
            atomic::Store(&sched.sysmonwait, 0);
            notewakeup(&sched.sysmonnote);
        }
        unlock(&sched.lock);
        if (pp != nullptr) {
            acquirep(pp);
            return true;
        }
    }
    return false;
}

// exitsyscall slow path on g0: failed to acquire P, enqueue gp as runnable.
static void exitsyscall0(g* gp) {
    casgstatus(gp, _Gsyscall, _Grunnable);
    dropg();
    lock(&sched.lock);
    p* pp = pidleget();
    if (pp == nullptr) {
        globrunqput(gp);
    } else if (atomic::Load(&sched.sysmonwait)) {
        atomic::Store(&sched.sysmonwait, 0);
        notewakeup(&sched.sysmonnote);
    }
    unlock(&sched.lock);
    if (pp != nullptr) {
        acquirep(pp);
        execute(gp, false);  // never returns
    }
    stopm();
    schedule();  // never returns
}

// The goroutine g exited its system call. Arrange for it to run on a cpu again.
void exitsyscall() {
    g* gp = getg();
    gp->m->locks++;  // see comment in entersyscall
    p* oldp = gp->m->oldp;
    gp->m->oldp = nullptr;
    if (exitsyscallfast(oldp)) {
        gp->m->p->syscalltick++;
        // We need to cas the status before resuming.
        casgstatus(gp, _Gsyscall, _Grunning);
        gp->syscallsp = 0;
        gp->m->locks--;
        if (atomic::Load(&gp->preempt)) {
            // Restore the preemption request in case we've cleared it in newstack.
            rearmPreempt(gp);
        }
        return;
    }
    gp->m->locks--;
    // Call the scheduler.
    mcall(exitsyscall0);
    // Scheduler returned, so we're allowed to run now.
    gp->syscallsp = 0;
    gp->m->p->syscalltick++;
}

}  // namespace runtime
