// proc.cpp — the goroutine scheduler. Read beside Go's src/runtime/proc.go,
// which this file and its parts split by concept: proc.cpp (bootstrap, Ms,
// spinning), proc_schedule.cpp (findRunnable, schedule, park, ready, yield,
// exit), proc_newproc.cpp (creating goroutines, sudogs), proc_syscall.cpp
// (entersyscall/exitsyscall), proc_stw.cpp (stop-the-world, for GOMAXPROCS),
// proc_main.cpp (runtime.main, checkdead), procresize.cpp (the Ps).
//
// Goroutine scheduler
// The scheduler's job is to distribute ready-to-run goroutines over worker
// threads. The main concepts are:
//   G - goroutine.
//   M - worker thread, or machine.
//   P - processor, a resource that is required to execute Go code.
//       M must have an associated P to execute Go code, however it can be
//       blocked or in a syscall w/o an associated P.
//
// Worker thread parking/unparking.
// We need to balance between keeping enough running worker threads to
// utilize available hardware parallelism and parking excessive running worker
// threads to conserve CPU resources and power. The approach (Go's): we unpark
// an additional thread when we ready a goroutine if (1) there is an idle P
// and (2) there are no "spinning" worker threads. A worker thread is spinning
// if it is out of local work and did not find work in the global run queue
// or timers; a spinning thread looks for work in other Ps' queues (stealing).
// If a spinning thread finds work, it takes itself out of the spinning state
// and proceeds to execution; if it finds nothing, it releases its P and
// parks. If there is at least one spinning M, we do not unpark new threads
// when readying goroutines. To compensate, if the last spinning thread finds
// work and stops spinning, it must unpark a new spinning thread. This
// approach smooths out unjustified spikes of thread unparking while
// eventually guaranteeing maximal CPU parallelism. The tricky part is the
// transition from spinning to non-spinning ("Delicate dance" in
// findRunnable): a spinning M must recheck every queue after decrementing
// nmspinning and before parking, or a G submitted meanwhile could be lost.
//
// What differs from Go, because this is C++:
//   - Goroutine stacks are segmented (stack.cpp), not copied.
//   - There is no garbage collector: memory is freed explicitly. gcenable
//     starts nothing; see docs/startup.md.
#include "print.h"
#include "proc.h"
#include "runtime.h"
#include "runtime1.h"
#include "sys_linux.h"
#include "trace.h"

namespace runtime {

// Runtime globals must be constant-initialized (constinit): a dynamic
// initializer would run from .init_array in runtime.main, after schedinit
// has already used the object.
extern "C" {
constinit m m0{};
constinit g g0{};
}
m* allm;
constinit schedt sched{};
bool mainStarted;
bool isrunning;
uintptr maxstacksize = 1 << 20;  // enough until runtime.main sets the real limit
g* allgs_head;
constinit mutex allglock{};
int32_t panicking;            // [atomic] panics in progress (panic.cpp)


void boottraceStep(const char* s) {
    if (boottraceEnabled()) print(s);
}

// ---- Goroutine status --------------------------------------------------------

static const char* gstatusName(uint32_t s) {
    switch (s) {
    case _Gidle: return "_Gidle";
    case _Grunnable: return "_Grunnable";
    case _Grunning: return "_Grunning";
    case _Gsyscall: return "_Gsyscall";
    case _Gwaiting: return "_Gwaiting";
    case _Gdead: return "_Gdead";
    }
    return "???";
}


// casgstatus found an illegal transition, or a status other than the caller
// believed it owned (runtime.h has the fast path and the table of legal
// transitions). Cold (optimised for size, kept apart from the hot code): a
// fatal path.
[[gnu::cold]] void casgstatusFail(g* gp, uint32_t oldval, uint32_t newval) {
    if (oldval == newval || oldval >= 8 || newval >= 8 || !((gstatusValid[oldval] >> newval) & 1)) {
        print("runtime: casgstatus: oldval=", gstatusName(oldval), " newval=", gstatusName(newval), "\n");
        throw_("casgstatus: bad incoming values");
    }
    print("runtime: casgstatus ", gstatusName(oldval), "->", gstatusName(newval), " goid=", gp->goid,
          " but status is ", gstatusName(readgstatus(gp)), "\n");
    throw_("casgstatus: g is not in the expected status");
}

// ---- All Gs and Ms --------------------------------------------------------------

static g* allgs_tail;  // [allglock]

// Append gp to allgs. Gs are never freed, so readers may walk the list
// without the lock (Go's forEachGRace).
void allgadd(g* gp) {
    lock(&allglock);
    gp->alllink = nullptr;
    if (allgs_tail == nullptr) atomic::StoreRel(&allgs_head, gp);
    else atomic::StoreRel(&allgs_tail->alllink, gp);
    allgs_tail = gp;
    unlock(&allglock);
}

void forEachG(void (*fn)(g*, void*), void* arg) {
    lock(&allglock);
    for (g* gp = allgs_head; gp; gp = gp->alllink) fn(gp, arg);
    unlock(&allglock);
}

int32_t gcount() {
    // Go counts allglen minus free Gs minus system Gs; we count live user Gs.
    int32_t n = 0;
    for (g* gp = atomic::LoadAcq(&allgs_head); gp; gp = gp->alllink) {
        uint32_t s = readgstatus(gp);
        if (s != _Gdead && s != _Gidle && !gp->isSystem) n++;
    }
    return n;
}

// Ms never exit (Go frees them only for LockOSThread'd goroutines), so every
// M ever created counts.
int32_t mcount() { return (int32_t)sched.mnext; }

void checkmcount() {
    // sched.lock must be held.
    if (mcount() > sched.maxmcount) {
        print("runtime: program exceeds ", sched.maxmcount, "-thread limit\n");
        throw_("thread exhaustion");
    }
}

// Reserve an M ID (sched.lock held); the M must be created right after.
static int64_t mReserveID() {
    if (sched.mnext + 1 < sched.mnext) throw_("runtime: thread ID overflow");
    int64_t id = sched.mnext;
    sched.mnext++;
    checkmcount();
    return id;
}

void mcommoninit(m* mp, int64_t id) {
    lock(&sched.lock);
    mp->id = id >= 0 ? id : mReserveID();
    mp->fastrand = startupRandSeed ^ ((uint64_t)mp->id * 0x9E3779B97F4A7C15ull) ^ (uint64_t)nanotime();
    if (mp->fastrand == 0) mp->fastrand = 0x49f6428a;
    mpreinit(mp);
    // Publish on allm, which schedtrace's detail and the boot trace walk.
    mp->alllink = allm;
    atomic::StoreRel(&allm, mp);
    unlock(&sched.lock);
}

// ---- Bootstrap -----------------------------------------------------------------

// Step 6 of the boot: Go's schedinit. Cold (optimised for size): it runs once.
extern "C" [[gnu::cold]] void schedinit() {
    g* gp = getg();
    if (traceOn()) traceBoot("schedinit");
    // Locks need no initialisation (a zero mutex is unlocked).
    sched.maxmcount = 10000;
    if (boottraceEnabled()) print("boot: [6] schedinit: sched.maxmcount=", sched.maxmcount, "\n");
    stackinit();
    if (traceOn()) traceBoot("schedinit: stackinit");
    boottraceStep("boot: [6] schedinit: stackinit: goroutine stack segments ready\n");
    mallocinit();
    if (traceOn()) traceBoot("schedinit: mallocinit");
    boottraceStep("boot: [6] schedinit: mallocinit: size classes, arenas, central lists ready\n");
    mcommoninit(gp->m, -1);
    if (boottraceEnabled())
        print("boot: [6] schedinit: mcommoninit(m0): id=", gp->m->id, " gsignal stack=[", hex(gp->m->gsignal->stack.lo),
              ", ", hex(gp->m->gsignal->stack.hi), ")\n");
    goargs();
    goenvs();
    parsedebugvars();
    if (boottraceEnabled())
        print("boot: [6] schedinit: goargs goenvs parsedebugvars: GODEBUG schedtrace=", debug.schedtrace,
              " scheddetail=", debug.scheddetail, " asyncpreemptoff=", debug.asyncpreemptoff,
              " GOTRACEBACK level=", tracebackLevel, "\n");

    lock(&sched.lock);
    sched.lastpoll = nanotime();
    int32_t procs = ncpu;
    int32_t n;
    const char* env = gogetenv("GOMAXPROCS");
    bool fromEnv = parseGomaxprocs(env, &n);
    if (fromEnv) procs = n;
    if (procs > MaxGomaxprocs) {
        // Go 1.19 would allocate them; see MaxGomaxprocs for why we do not.
        print("runtime: GOMAXPROCS=", procs, " is above this runtime's limit of ", MaxGomaxprocs, " Ps; using ",
              MaxGomaxprocs, "\n");
        procs = MaxGomaxprocs;
    }
    if (boottraceEnabled()) {
        print("boot: [6] schedinit: GOMAXPROCS=", procs);
        if (fromEnv) print(" (from the environment)\n");
        else if (env) print(" (ncpu; GOMAXPROCS=\"", env, "\" ignored: not a positive integer)\n");
        else print(" (ncpu)\n");
    }
    if (procresize(procs) != nullptr) throw_("unknown runnable goroutine during bootstrap");
    unlock(&sched.lock);
    if (traceOn()) traceBoot("schedinit: procresize");
    if (boottraceEnabled()) {
        printlock();
        print("boot: [6] schedinit: procresize(", procs, "): allp built:");
        for (int32_t i = 0; i < allplen; i++) {
            p* pp = allp[i];
            print(" P", pp->id, "=", pp->status == _Prunning ? "_Prunning" : pp->status == _Pidle ? "_Pidle" : "?");
            if (pp->m) print("(m", pp->m->id, ")");
        }
        print(" idle list:");
        for (p* pp = sched.pidle; pp; pp = pp->link) print(" P", pp->id);
        print("\n");
        printunlock();
    }
}

// ---- Ms ---------------------------------------------------------------------------

// Put mp on the idle list (sched.lock held).
void mput(m* mp) {
    mp->schedlink = sched.midle;
    sched.midle = mp;
    sched.nmidle++;
    checkdead();
}

// Try to get an M from the idle list (sched.lock held).
m* mget() {
    m* mp = sched.midle;
    if (mp != nullptr) {
        sched.midle = mp->schedlink;
        sched.nmidle--;
    }
    return mp;
}

// A g with a fixed system stack (g0 or gsignal) from mmap, with a PROT_NONE
// guard page below it.
static g* malgSystem(uintptr size) {
    g* newg = (g*)mallocgc(sizeof(g), true);
    uintptr total = size + physPageSize;
    auto base = (uintptr)sysAllocOrDie(total, "system goroutine stack");
    sys::mprotect((void*)base, physPageSize, sys::PROT_NONE);
    newg->stack.lo = base + physPageSize;
    newg->stack.hi = base + total;
    newg->stackguard0 = newg->stack.lo + StackGuard;
    newg->stackguard1 = newg->stackguard0;
    newg->isSystem = true;
    newg->atomicstatus = _Gidle;
    return newg;
}

// Memory for user goroutines' Gs, which are never freed (dead ones wait on
// the gFree caches for reuse): carved from chunks like stack segments, each
// on its own cache lines (g's hot fields are its first three lines), with
// every chunk after the first mapped populated (sysAllocChunk).
constexpr uintptr gStride = (sizeof(g) + 63) & ~(uintptr)63;
constexpr uintptr gChunk = 256 * 1024;
static_assert(alignof(g) <= 64 && gChunk % gStride < gChunk);
static constinit spinmutex gallocLock{};
static uintptr gallocNext, gallocEnd;  // [gallocLock] the rest of the current chunk
static uint32_t gallocChunks;          // [gallocLock]

static g* galloc() {
    lock(&gallocLock);
    if (gallocEnd - gallocNext < gStride) {
        gallocNext = (uintptr)sysAllocChunk(gChunk, &gallocChunks, "goroutines");
        gallocEnd = gallocNext + gChunk;
    }
    auto* gp = (g*)gallocNext;  // zeroed: fresh from mmap, never used before
    gallocNext += gStride;
    unlock(&gallocLock);
    return gp;
}

// Allocate a new g with a stack big enough for stacksize bytes (Go's malg).
// System goroutines (g0, gsignal) get a fixed mmap'd stack; user goroutines
// a segment from the stack pool.
g* malg(uintptr stacksize) {
    if (stacksize >= 16 * 1024) return malgSystem(stacksize);
    g* newg = galloc();
    stkseg* s = stackalloc(stacksize);
    newg->stkseg = s;
    newg->stack.lo = s->lo;
    newg->stack.hi = s->hi;
    newg->stackguard0 = newg->stack.lo + StackGuard;
    newg->stackguard1 = ~(uintptr)0;  // C code on a user stack never checks this one
    newg->atomicstatus = _Gidle;
    return newg;
}

// Allocate a new M, not yet associated with a thread (Go's allocm).
m* allocm(p* pp, void (*fn)(), int64_t id) {
    g* gp = getg();
    acquirem();  // not preempted while building the new M (sysmon calls this too)
    m* mp = (m*)mallocgc(sizeof(m), true);
    mp->mstartfn = fn;
    mcommoninit(mp, id);
    mp->g0 = malg(64 * 1024);
    mp->g0->m = mp;
    (void)pp;
    releasem(gp->m);
    return mp;
}

// Create a new M that will start with fn (or schedule) and pp (Go's newm).
void newm(void (*fn)(), p* pp, int64_t id) {
    m* mp = allocm(pp, fn, id);
    mp->nextp = pp;
    mp->tls[1] = (uintptr)&mp->tls[1];  // TLS_SELF for the new thread's FS
    newosproc(mp);
}

// Stops execution of the current M until new work is available (Go's stopm).
void stopm() {
    g* gp = getg();
    if (gp->m->locks != 0) throw_("stopm holding locks");
    if (gp->m->p != nullptr) throw_("stopm holding p");
    if (gp->m->spinning) throw_("stopm spinning");
    lock(&sched.lock);
    mput(gp->m);
    unlock(&sched.lock);
    notesleep(&gp->m->park);
    noteclear(&gp->m->park);
    acquirep(gp->m->nextp);
    gp->m->nextp = nullptr;
}

static void mspinning() {
    // startm's caller incremented nmspinning. Set the new M's spinning.
    getg()->m->spinning = true;
}

// Schedule some M to run pp, creating an M if necessary (Go's startm). If pp
// is nullptr, try to get an idle P; if none, do nothing. If spinning, the
// caller has incremented nmspinning and the new M starts spinning.
void startm(p* pp, bool spinning) {
    m* mp = acquirem();
    lock(&sched.lock);
    if (pp == nullptr) {
        if (spinning) throw_("startm: P required for spinning=true");
        pp = pidleget();
        if (pp == nullptr) {
            unlock(&sched.lock);
            releasem(mp);
            return;
        }
    }
    m* nmp = mget();
    if (nmp == nullptr) {
        // No M is available: drop sched.lock and call newm. We already own a
        // P to give it, and reserving the ID keeps checkdead's counts right.
        int64_t id = mReserveID();
        unlock(&sched.lock);
        newm(spinning ? mspinning : nullptr, pp, id);
        releasem(mp);
        return;
    }
    unlock(&sched.lock);
    if (nmp->spinning) throw_("startm: m is spinning");
    if (nmp->nextp != nullptr) throw_("startm: m has p");
    if (spinning && !runqempty(pp)) throw_("startm: p has runnable gs");
    // The caller incremented nmspinning, so set m.spinning in the new M.
    nmp->spinning = spinning;
    nmp->nextp = pp;
    notewakeup(&nmp->park);
    releasem(mp);
}

// Hands off P from a syscall or locked M (Go's handoffp). Always runs without a P.
void handoffp(p* pp) {
    // If it has local work, start it straight away.
    if (!runqempty(pp) || atomic::Load(&sched.runqsize) != 0) {
        startm(pp, false);
        return;
    }
    // No local work: check that there are no spinning/idle Ms, otherwise our
    // help is not required.
    if (atomic::Load(&sched.nmspinning) + atomic::Load(&sched.npidle) == 0 && atomic::Cas(&sched.nmspinning, 0u, 1u)) {
        atomic::Store(&sched.needspinning, 0);
        startm(pp, true);
        return;
    }
    lock(&sched.lock);
    if (atomic::Load(&sched.gcwaiting)) {
        pp->status = _Pgcstop;
        sched.stopwait--;
        if (sched.stopwait == 0) notewakeup(&sched.stopnote);
        unlock(&sched.lock);
        return;
    }
    if (sched.runqsize != 0) {
        unlock(&sched.lock);
        startm(pp, false);
        return;
    }
    // If this is the last running P and nobody is waiting for timers, wake an
    // M to do it.
    if (atomic::Load(&sched.npidle) == (uint32_t)gomaxprocs - 1 && atomic::Load(&sched.lastpoll) != 0) {
        unlock(&sched.lock);
        startm(pp, false);
        return;
    }
    int64_t when = nobarrierWakeTime(pp);
    pidleput(pp);
    unlock(&sched.lock);
    if (when != 0) wakeNetPoller(when);
}

// The part of wakep (runtime.h) past its inline first check.
void wakepSlow() {
    // Be conservative about spinning threads: only start one if none exist already.
    if (atomic::Load(&sched.nmspinning) != 0 || !atomic::Cas(&sched.nmspinning, 0u, 1u)) return;
    // Disable preemption until ownership of pp transfers to the next M in
    // startm. Otherwise preemption here would leave pp stuck waiting to enter
    // _Pgcstop.
    m* mp = acquirem();
    lock(&sched.lock);
    p* pp = pidlegetSpinning();
    if (pp == nullptr) {
        if ((int32_t)atomic::Xadd(&sched.nmspinning, -1) < 0) throw_("wakep: negative nmspinning");
        unlock(&sched.lock);
        releasem(mp);
        return;
    }
    // Since we always have a P, the race in the "No M is available" comment
    // in startm doesn't apply during the small window between the unlock
    // here and lock in startm.
    unlock(&sched.lock);
    startm(pp, true);
    releasem(mp);
}

void becomeSpinning() {
    m* mp = getg()->m;
    mp->spinning = true;
    atomic::Xadd(&sched.nmspinning, 1);
    atomic::Store(&sched.needspinning, 0);
}

void resetspinning() {
    g* gp = getg();
    if (!gp->m->spinning) throw_("resetspinning: not a spinning m");
    gp->m->spinning = false;
    int32_t nmspinning = (int32_t)atomic::Xadd(&sched.nmspinning, -1);
    if (nmspinning < 0) throw_("findrunnable: negative nmspinning");
    // M wakeup policy is deliberately somewhat conservative, so check if we
    // need to wakeup another P here.
    wakep();
}

// Stops the current M for stopTheWorld; returns when the world is restarted.
void gcstopm() {
    g* gp = getg();
    if (!atomic::Load(&sched.gcwaiting)) throw_("gcstopm: not waiting for gc");
    if (gp->m->spinning) {
        gp->m->spinning = false;
        // OK to just drop nmspinning here: startTheWorld will unpark threads as necessary.
        if ((int32_t)atomic::Xadd(&sched.nmspinning, -1) < 0) throw_("gcstopm: negative nmspinning");
    }
    p* pp = releasep();
    lock(&sched.lock);
    pp->status = _Pgcstop;
    sched.stopwait--;
    if (sched.stopwait == 0) notewakeup(&sched.stopnote);
    unlock(&sched.lock);
    stopm();
}

// ---- Starting Ms -------------------------------------------------------------------

static void mstart1();

// mstart is the entry-point for new Ms, including m0 (Go's mstart/mstart0).
// It never returns.
extern "C" void mstart() {
    g* gp = getg();
    // Initialize stack guard so that we can start calling regular Go code.
    gp->stackguard0 = gp->stack.lo + StackGuard;
    // This is the g0, so we can also call C code with split-stack checks.
    gp->stackguard1 = gp->stackguard0;
#ifndef GO_HOSTED
    asm volatile("movq %0, %%fs:%c1" : : "r"(gp->stackguard0), "i"(TLS_STACKGUARD) : "memory");
#endif
    mstart1();
    throw_("mstart1 returned");
}

// The body of mstart. g0.sched records mstart1's caller's frame: every later
// mcall and systemstack starts g0's stack afresh from there.
__attribute__((noinline)) static void mstart1() {
    g* gp = getg();
    if (gp != gp->m->g0) throw_("bad runtime·mstart");
    // Set up m.g0.sched as a label returning to just after the mstart1 call
    // in mstart above, for use by mcall and systemstack.
    gp->sched.g = gp;
    gp->sched.pc = (uintptr)__builtin_return_address(0);
    gp->sched.sp = (uintptr)__builtin_frame_address(0) + 16;  // the caller's SP
    gp->sched.bp = 0;
    minit();
    // Install signal handlers; after minit so that minit can prepare the
    // thread to be able to handle the signals.
    if (gp->m == &m0) initsig();
    if (auto fn = gp->m->mstartfn) fn();
    if (gp->m != &m0) {
        acquirep(gp->m->nextp);
        gp->m->nextp = nullptr;
    }
    if (gp->m == &m0 && traceOn()) traceBoot("mstart");
    if (gp->m == &m0 && boottraceEnabled())
        print("boot: [8] mstart: m0 g0.sched.sp=", hex(gp->sched.sp), "; minit (tid ", gp->m->procid,
              ", signal stack), initsig; schedule()\n");
    schedule();
}

}  // namespace runtime
