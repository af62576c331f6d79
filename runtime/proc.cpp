// proc.cpp — the goroutine scheduler. Read beside Go's src/runtime/proc.go.
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
//   - There is no network poller. Its role in findRunnable — one M sleeping
//     until the earliest timer while nothing else is runnable — is played by
//     the "timer wait" (timerpoll below), woken early by netpollBreak.
#include "print.h"
#include "proc.h"
#include "runtime.h"
#include "runtime1.h"
#include "sys_linux.h"

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
static int32_t newprocs;      // [sched.lock] GOMAXPROCS requested, applied by startTheWorld
static constinit mutex worldLock{};  // serializes stop-the-world (Go's worldsema)
int32_t panicking;            // [atomic] panics in progress (panic.cpp)

// Go's forcePreemptNS: a G running longer than this is preempted.
constexpr int64_t forcePreemptNS = 10 * 1000 * 1000;
constexpr uint64_t goidCacheBatch = 16;

static void boottraceStep(const char* s) {
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
// transitions).
void casgstatusFail(g* gp, uint32_t oldval, uint32_t newval) {
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
static void allgadd(g* gp) {
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
    // Add to allm so garbage collector doesn't free g->m when it is just in a
    // register or thread-local storage.
    mp->alllink = allm;
    atomic::StoreRel(&allm, mp);
    unlock(&sched.lock);
}

// ---- Bootstrap -----------------------------------------------------------------

// Step 6 of the boot: Go's schedinit.
extern "C" void schedinit() {
    g* gp = getg();
    // Locks need no initialisation (a zero mutex is unlocked).
    sched.maxmcount = 10000;
    if (boottraceEnabled()) print("boot: [6] schedinit: sched.maxmcount=", sched.maxmcount, "\n");
    stackinit();
    boottraceStep("boot: [6] schedinit: stackinit: goroutine stack segments ready\n");
    mallocinit();
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
    if (boottraceEnabled()) {
        print("boot: [6] schedinit: GOMAXPROCS=", procs);
        if (fromEnv) print(" (from the environment)\n");
        else if (env) print(" (ncpu; GOMAXPROCS=\"", env, "\" ignored: not a positive integer)\n");
        else print(" (ncpu)\n");
    }
    if (procresize(procs) != nullptr) throw_("unknown runnable goroutine during bootstrap");
    unlock(&sched.lock);
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
    acquirem();  // disable GC-style preemption because it can be called from sysmon
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
        pp = pidleget(0);
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
    pidleput(pp, 0);
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
    p* pp = pidlegetSpinning(0);
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

static void becomeSpinning() {
    m* mp = getg()->m;
    mp->spinning = true;
    atomic::Xadd(&sched.nmspinning, 1);
    atomic::Store(&sched.needspinning, 0);
}

static void resetspinning() {
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
static void gcstopm() {
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

// ---- The timer wait (netpoll stand-in) ------------------------------------------

// Wake the M sleeping in the timer wait, if any (Go's netpollBreak).
static void netpollBreak() {
    atomic::Xadd(&sched.pollSeq, 1);
    futexwakeup(&sched.pollSeq, 1);
}

// Sleep until pollUntil (or netpollBreak). Go's netpoll(delay), minus network.
static void timerpoll(int64_t delay) {
    uint32_t seq = atomic::Load(&sched.pollSeq);
    if (delay <= 0) return;
    getg()->m->blocked = true;
    futexsleep(&sched.pollSeq, seq, delay);
    getg()->m->blocked = false;
}

// A new timer at when was added: make sure someone will run it in time
// (Go's wakeNetPoller).
void wakeNetPoller(int64_t when) {
    if (atomic::Load(&sched.lastpoll) == 0) {
        // An M is in the timer wait. pollUntil is either zero or the time it
        // will wake: a spurious wakeup is possible, a missed one is not.
        int64_t pollerPollUntil = atomic::Load(&sched.pollUntil);
        if (pollerPollUntil == 0 || pollerPollUntil > when) netpollBreak();
    } else {
        // No M is waiting for timers: get one there so it can handle new timers.
        wakep();
    }
}

// ---- Finding work ----------------------------------------------------------------

// Try to steal a runnable goroutine or timer from any P (Go's stealWork).
static g* stealWork(int64_t* now, bool* inheritTime, int64_t* pollUntil, bool* newWork) {
    p* pp = getg()->m->p;
    bool ranTimer = false;
    constexpr int stealTries = 4;
    *newWork = false;
    for (int i = 0; i < stealTries; i++) {
        bool stealTimersOrRunNextG = i == stealTries - 1;
        for (randomEnum e = stealStart(fastrand()); !e.done(); e.next()) {
            if (atomic::Load(&sched.gcwaiting)) {
                *newWork = true;  // GC work may be available
                return nullptr;
            }
            p* p2 = allp[e.position()];
            if (pp == p2) continue;
            // Steal timers from p2. This is the only place where we might
            // hold a lock on a different P's timers.
            if (stealTimersOrRunNextG && timerpMask.read(e.position())) {
                bool ran = false;
                int64_t w = checkTimers(p2, *now, now, &ran);
                if (w != 0 && (*pollUntil == 0 || w < *pollUntil)) *pollUntil = w;
                if (ran) {
                    // Running the timers may have made an arbitrary number
                    // of Gs ready and added them to this P's local run queue.
                    if (g* gp = runqget(pp, inheritTime)) {
                        *newWork = ranTimer;
                        return gp;
                    }
                    ranTimer = true;
                }
            }
            // Don't bother to attempt to steal if p2 is idle.
            if (!idlepMask.read(e.position())) {
                if (g* gp = runqsteal(pp, p2, stealTimersOrRunNextG)) {
                    *inheritTime = false;
                    *newWork = ranTimer;
                    return gp;
                }
            }
        }
    }
    // No goroutines found to steal. Regardless, running a timer may have made
    // some goroutine ready that we missed.
    *newWork = ranTimer;
    return nullptr;
}

// The sum of the other Ps' runnexttick: it moves while any of them is
// handing Gs back and forth through runnext (a ping-pong: each G readies
// the other and blocks, every microsecond or so).
static uint64_t runnextTicks(p* pp) {
    uint64_t sum = 0;
    for (int32_t id = 0; id < allplen; id++)
        if (allp[id] != pp) sum += atomic::LoadRelaxed(&allp[id]->runnexttick);
    return sum;
}

// Whether a spinning M should keep its P and go on looking instead of giving
// it up (ours, not Go's): another P is handing off. Each G such a P readies
// calls wakep, and with this M parked and its P idle, wakep would wake an M
// (a futex system call) on that P's critical path, again and again: in a
// ping-pong, thousands of times a second. Kept spinning, this M naps in
// usleep between looks and its P is not idle, so wakep returns at once.
static bool keepSpinning(p* pp) {
    uint64_t ticks = runnextTicks(pp);
    for (int i = 0; i < 8; i++) {
        atomic::procyield(30);
        if (runnextTicks(pp) != ticks) return true;
    }
    return false;
}

// Check all Ps for a runnable G to steal (Go's checkRunqsNoP): returns an
// idle P to go and steal it with, or nullptr.
static p* checkRunqsNoP() {
    for (int32_t id = 0; id < allplen; id++) {
        p* p2 = allp[id];
        if (!idlepMask.read(id) && !runqempty(p2)) {
            lock(&sched.lock);
            p* pp = pidlegetSpinning(0);
            if (pp == nullptr) {
                // Can't get a P, don't bother checking remaining Ps.
                unlock(&sched.lock);
                return nullptr;
            }
            unlock(&sched.lock);
            return pp;
        }
    }
    return nullptr;
}

// Check all Ps for a timer expiring sooner than pollUntil.
static int64_t checkTimersNoP(int64_t pollUntil) {
    for (int32_t id = 0; id < allplen; id++) {
        if (timerpMask.read(id)) {
            int64_t w = nobarrierWakeTime(allp[id]);
            if (w != 0 && (pollUntil == 0 || w < pollUntil)) pollUntil = w;
        }
    }
    return pollUntil;
}

// Finds a runnable goroutine to execute (Go's findRunnable): local queue,
// global queue, timers, stealing; otherwise gives up the P and parks this M.
// Tries to steal from other Ps, get from the global queue, run timers.
static g* findRunnable(bool* inheritTime, bool* tryWakeP) {
    m* mp = getg()->m;
    *tryWakeP = false;
top:
    p* pp = mp->p;
    if (atomic::Load(&sched.gcwaiting)) {
        gcstopm();
        goto top;
    }
    {
        // now and pollUntil are saved for work stealing so that the steal
        // loop doesn't repeatedly call nanotime.
        int64_t now = 0, pollUntil = 0;
        bool ran = false;
        if (atomic::LoadRelaxed(&pp->timer0When) != 0) pollUntil = checkTimers(pp, 0, &now, &ran);

        // Check the global runnable queue once in a while to ensure fairness.
        // Otherwise two goroutines can completely occupy the local runqueue
        // by constantly respawning each other.
        if (pp->schedtick % 61 == 0 && atomic::LoadRelaxed(&sched.runqsize) > 0) {
            lock(&sched.lock);
            g* gp = globrunqget(pp, 1);
            unlock(&sched.lock);
            if (gp != nullptr) {
                *inheritTime = false;
                return gp;
            }
        }

        // local runq
        if (g* gp = runqget(pp, inheritTime)) return gp;

        // global runq
        if (atomic::Load(&sched.runqsize) != 0) {
            lock(&sched.lock);
            g* gp = globrunqget(pp, 0);
            unlock(&sched.lock);
            if (gp != nullptr) {
                *inheritTime = false;
                return gp;
            }
        }

        // Spinning Ms: steal work from other Ps.
        //
        // Limit the number of spinning Ms to half the number of busy Ps. This
        // is necessary to prevent excessive CPU consumption when GOMAXPROCS>>1
        // but the program parallelism is low.
        int32_t procs = atomic::Load(&gomaxprocs);
        if (mp->spinning || 2 * (int32_t)atomic::Load(&sched.nmspinning) < procs - (int32_t)atomic::Load(&sched.npidle)) {
            if (!mp->spinning) becomeSpinning();
            bool newWork = false;
            int64_t w = 0;
            g* gp = stealWork(&now, inheritTime, &w, &newWork);
            if (gp != nullptr) return gp;  // successfully stole
            if (newWork) goto top;           // there may be new timer or GC work; restart to discover
            if (w != 0 && (pollUntil == 0 || w < pollUntil)) pollUntil = w;
        }

        if (mp->spinning && keepSpinning(pp)) {
            usleep(3);
            goto top;
        }

        // Return P and block.
        lock(&sched.lock);
        if (atomic::Load(&sched.gcwaiting)) {
            unlock(&sched.lock);
            goto top;
        }
        if (sched.runqsize != 0) {
            g* gp = globrunqget(pp, 0);
            unlock(&sched.lock);
            *inheritTime = false;
            return gp;
        }
        if (!mp->spinning && atomic::Load(&sched.needspinning) == 1) {
            // See "Delicate dance" below.
            becomeSpinning();
            unlock(&sched.lock);
            goto top;
        }
        if (releasep() != pp) throw_("findrunnable: wrong p");
        pidleput(pp, now);
        unlock(&sched.lock);

        // Delicate dance: the thread transitions from spinning to non-spinning
        // state, potentially concurrently with submission of new work. We
        // must drop nmspinning first and then check all sources again (with a
        // #StoreLoad barrier in between). If we do it the other way around,
        // another thread can submit work after we've checked all sources but
        // before we drop nmspinning; as a result nobody will unpark a thread
        // to run the work.
        //
        // This applies to the following sources of work: goroutines added to
        // a per-P run queue, and new/modified-earlier timers on a per-P timer
        // heap. For the global queue, sched.lock serializes with readiers; and
        // wakep's needspinning flag covers the rest.
        bool wasSpinning = mp->spinning;
        if (mp->spinning) {
            mp->spinning = false;
            if ((int32_t)atomic::Xadd(&sched.nmspinning, -1) < 0) throw_("findrunnable: negative nmspinning");
            // Note the for correctness, only the last M transitioning from
            // spinning to non-spinning must perform these rechecks to ensure
            // no missed work. We are performing it on every M that transitions
            // as a conservative change to monitor effects on latency.
            if (p* np = checkRunqsNoP()) {
                acquirep(np);
                becomeSpinning();
                goto top;
            }
            // Finally, check for timer creation or expiry concurrently with
            // transitioning from spinning to non-spinning.
            pollUntil = checkTimersNoP(pollUntil);
        }

        // Wait for the earliest timer, if any, as Go waits in netpoll.
        if (pollUntil != 0 && atomic::Xchg(&sched.lastpoll, (int64_t)0) != 0) {
            atomic::Store(&sched.pollUntil, pollUntil);
            if (mp->p != nullptr) throw_("findrunnable: netpoll with p");
            if (mp->spinning) throw_("findrunnable: netpoll with spinning");
            int64_t delay = pollUntil - nanotime();
            timerpoll(delay);
            atomic::Store(&sched.pollUntil, (int64_t)0);
            now = nanotime();
            atomic::Store(&sched.lastpoll, now);
            lock(&sched.lock);
            p* np = pidleget(now);
            unlock(&sched.lock);
            if (np != nullptr) {
                acquirep(np);
                if (wasSpinning) becomeSpinning();
                goto top;
            }
        } else if (pollUntil != 0) {
            int64_t pollerPollUntil = atomic::Load(&sched.pollUntil);
            if (pollerPollUntil == 0 || pollerPollUntil > pollUntil) netpollBreak();
        }
        stopm();
        goto top;
    }
}

// One round of scheduler: find a runnable goroutine and execute it. Never
// returns.
[[noreturn]] void schedule() {
    m* mp = getg()->m;
    if (mp->locks != 0) throw_("schedule: holding locks");
top:
    p* pp = mp->p;
    pp->preempt = false;
    // Safety check: if we are spinning, the run queue should be empty.
    if (mp->spinning && (pp->runnext != nullptr || pp->runqhead != pp->runqtail))
        throw_("schedule: spinning with local work");
    bool inheritTime = false, tryWakeP = false;
    g* gp = findRunnable(&inheritTime, &tryWakeP);  // blocks until work is available
    // This thread is going to run a goroutine and is not spinning anymore, so
    // if it was marked as spinning we need to reset it now and potentially
    // start a new spinning M.
    if (mp->spinning) resetspinning();
    if (tryWakeP) wakep();
    if (gp == nullptr) goto top;
    execute(gp, inheritTime);
    __builtin_unreachable();
}

// Schedules gp to run on the current M (Go's execute). If inheritTime is
// true, gp inherits the remaining time in the current time slice. Never returns.
void execute(g* gp, bool inheritTime) {
    m* mp = getg()->m;
    mp->curg = gp;
    gp->m = mp;
    casgstatus(gp, _Grunnable, _Grunning);
    // Plain (release) stores: a racing preemptone can only make the next
    // check fail spuriously, which newstack handles.
    atomic::StoreRel(&gp->preempt, false);
    atomic::StoreRel(&gp->stackguard0, gp->stack.lo + StackGuard);
    if (!inheritTime) mp->p->schedtick++;
    static bool g1started;  // [only the first execute of g1 reads and sets it]
    if (gp->goid == 1 && !g1started) {
        g1started = true;
        if (boottraceEnabled())
            print("boot: [8] mstart -> mstart1 -> schedule -> execute -> gogo: M", mp->id, " on P", mp->p->id,
                  " switches to g1's stack at sp=", hex(gp->sched.sp), " pc=", hex(gp->sched.pc), "\n");
    }
    gogo(&gp->sched);
}

// dropg removes the association between m and the current goroutine m->curg.
static void dropg() {
    g* gp = getg();
    gp->m->curg->m = nullptr;
    gp->m->curg = nullptr;
}

// ---- Parking and readying ------------------------------------------------------

// park continuation on g0.
static void park_m(g* gp) {
    m* mp = getg()->m;
    casgstatus(gp, _Grunning, _Gwaiting);
    dropg();
    if (auto fn = mp->waitunlockf) {
        bool ok = fn(gp, (void*)mp->waitlock);
        mp->waitunlockf = nullptr;
        mp->waitlock = 0;
        if (!ok) {
            casgstatus(gp, _Gwaiting, _Grunnable);
            execute(gp, true);  // schedule it back, never returns
        }
    }
    schedule();
}

// Puts the current goroutine into a waiting state and calls unlockf on the
// system stack. If unlockf returns false, the goroutine is resumed. unlockf
// must not access this G's stack, as it may be moved between the call to
// gopark and the call to unlockf. Reason explains why the goroutine has been
// parked; tracebacks show it.
void gopark(bool (*unlockf)(g*, void*), void* lk, waitReason reason) {
    m* mp = acquirem();
    g* gp = mp->curg;
    uint32_t status = readgstatus(gp);
    if (status != _Grunning) throw_("gopark: bad g status");
    mp->waitlock = (uintptr)lk;
    mp->waitunlockf = unlockf;
    gp->waitreason = reason;
    releasem(mp);
    // Can't do anything that might move the G between Ms here.
    mcall(park_m);
}

static bool parkunlock_c(g*, void* lk) {
    unlock((mutex*)lk);
    return true;
}

// Puts the current goroutine into a waiting state and unlocks the lock. The
// goroutine can be made runnable again by calling goready(gp).
void goparkunlock(mutex* l, waitReason reason) { gopark(parkunlock_c, l, reason); }

// Mark gp ready to run (Go's ready). next: put it in runnext, so it runs as
// soon as the current G yields, inheriting its time slice.
void ready(g* gp, bool next) {
    // Mark runnable (casgstatus checks that gp was waiting).
    m* mp = acquirem();  // disable preemption because it can be holding p in a local var
    casgstatus(gp, _Gwaiting, _Grunnable);
    runqput(mp->p, gp, next);
    wakep();
    releasem(mp);
}

void goready(g* gp) { ready(gp, true); }

// ---- Yielding and exiting ----------------------------------------------------------

static void goschedImpl(g* gp) {
    casgstatus(gp, _Grunning, _Grunnable);  // checks that gp was running
    dropg();
    p* pp = getg()->m->p;
    // When schedule would look at the global queue next anyway — no local
    // work, no timers, no stop-the-world, not spinning — take its head in
    // the same critical section that puts gp at its tail: one trip through
    // sched.lock instead of two. The order of execution is the same.
    if (runqempty(pp) && atomic::LoadRelaxed(&pp->timer0When) == 0 && !atomic::Load(&sched.gcwaiting) &&
        !getg()->m->spinning) {
        lock(&sched.lock);
        globrunqput(gp);
        g* next = globrunqget(pp, 1);
        unlock(&sched.lock);
        if (mainStarted) wakep();
        execute(next, false);
    }
    lock(&sched.lock);
    globrunqput(gp);
    unlock(&sched.lock);
    if (mainStarted) wakep();
    schedule();
}

// Gosched continuation on g0.
static void gosched_m(g* gp) { goschedImpl(gp); }

// Yields the processor, allowing other goroutines to run. It does not suspend
// the current goroutine, so execution resumes automatically (Go's Gosched:
// the G goes to the global queue).
//
// Fast path (ours, not Go's): when this P has no local work and no timers and
// the global queue is empty, Go's schedule() would take gp straight back off
// the global queue (findRunnable looks at the local queue, then the global
// one, before it ever steals). So skip the round trip through g0 and
// sched.lock, and count the scheduler tick sysmon watches, as execute would.
// A pending preemption or stop-the-world takes the full path, which clears
// or honours it. The reads of other CPUs' state are racy hints, as they are
// in Go's findRunnable: a G that appears just after we looked is no worse
// off than one that appears just after Go's schedule chose gp.
void Gosched() {
    m* mp = acquirem();
    p* pp = mp->p;
    g* gp = getg();
    // We are pp's owner, the only one who adds to its queue, and thieves only
    // take: so a queue seen empty here stays empty (runqempty's retry loop
    // guards against the owner's own runqput, which cannot run meanwhile).
    if (atomic::LoadRelaxed(&pp->runnext) == nullptr &&
        atomic::LoadAcq(&pp->runqhead) == atomic::LoadRelaxed(&pp->runqtail) && mp->locks == 1 &&
        !atomic::LoadRelaxed(&gp->preempt) && atomic::LoadRelaxed(&sched.runqsize) == 0 &&
        atomic::LoadRelaxed(&pp->timer0When) == 0 && !atomic::LoadRelaxed(&sched.gcwaiting)) {
        atomic::StoreRelaxed(&pp->schedtick, pp->schedtick + 1);
        releasem(mp);
        return;
    }
    releasem(mp);
    mcall(gosched_m);
}

// goyield continuation on g0: like Gosched, but the G goes to the tail of
// the local run queue rather than the global one.
static void goyield_m(g* gp) {
    p* pp = gp->m->p;
    casgstatus(gp, _Grunning, _Grunnable);
    dropg();
    runqput(pp, gp, false);
    schedule();
}

void goyield() { mcall(goyield_m); }

// Preemption continuation (Go's gopreempt_m): like Gosched.
void gopreempt_m(g* gp) { goschedImpl(gp); }

// goexit continuation on g0.
static void goexit0(g* gp) {
    m* mp = getg()->m;
    p* pp = mp->p;
    casgstatus(gp, _Grunning, _Gdead);
    gp->m = nullptr;
    atomic::StoreRel(&gp->preempt, false);
    gp->waitreason = waitReason::zero;
    gp->param = nullptr;
    gp->entryarg = nullptr;
    dropg();
    gfput(pp, gp);
    schedule();
}

// Finishes execution of the current goroutine (Go's goexit1): called when its
// function returns (through goexit) or from Goexit.
extern "C" void goexit1() { mcall(goexit0); }

// Terminates the goroutine that calls it. No other goroutine is affected.
// Unlike Go, C++ destructors of the goroutine's frames do not run (there are
// no exceptions to unwind with): Goexit is like longjmp out of every frame.
void Goexit() { goexit1(); __builtin_unreachable(); }

// ---- sudogs ---------------------------------------------------------------------

// Get a sudog, from the P's cache when possible (Go's acquireSudog).
sudog* acquireSudog() {
    // Delicate dance: the semaphore implementation calls acquireSudog, and
    // acquireSudog may allocate; acquirem keeps us on this P meanwhile.
    m* mp = acquirem();
    p* pp = mp->p;
    if (pp->sudogcount == 0) {
        lock(&sched.sudoglock);
        // First, try to grab a batch from central cache.
        while (pp->sudogcount < 64 && sched.sudogcache != nullptr) {
            sudog* s = sched.sudogcache;
            sched.sudogcache = s->next;
            s->next = nullptr;
            pp->sudogcache[pp->sudogcount++] = s;
        }
        unlock(&sched.sudoglock);
        // If the central cache is empty, allocate a new one.
        if (pp->sudogcount == 0) pp->sudogcache[pp->sudogcount++] = (sudog*)mallocgc(sizeof(sudog), true);
    }
    sudog* s = pp->sudogcache[--pp->sudogcount];
    if (s->elem != nullptr) throw_("acquireSudog: found s.elem != nil in cache");
    releasem(mp);
    return s;
}

void releaseSudog(sudog* s) {
    if (s->elem != nullptr) throw_("runtime: sudog with non-nil elem");
    if (s->isSelect) throw_("runtime: sudog with non-false isSelect");
    if (s->next != nullptr) throw_("runtime: sudog with non-nil next");
    if (s->prev != nullptr) throw_("runtime: sudog with non-nil prev");
    if (s->waitlink != nullptr) throw_("runtime: sudog with non-nil waitlink");
    if (s->c != nullptr) throw_("runtime: sudog with non-nil c");
    m* mp = acquirem();  // avoid rescheduling to another P
    p* pp = mp->p;
    constexpr int32_t cap = sizeof(pp->sudogcache) / sizeof(pp->sudogcache[0]);
    if (pp->sudogcount == cap) {
        // Transfer half of local cache to the central cache.
        sudog *first = nullptr, *last = nullptr;
        while (pp->sudogcount > cap / 2) {
            sudog* p2 = pp->sudogcache[--pp->sudogcount];
            if (first == nullptr) first = p2;
            else last->next = p2;
            last = p2;
        }
        lock(&sched.sudoglock);
        last->next = sched.sudogcache;
        sched.sudogcache = first;
        unlock(&sched.sudoglock);
    }
    s->g = nullptr;
    pp->sudogcache[pp->sudogcount++] = s;
    releasem(mp);
}

// ---- Creating goroutines ---------------------------------------------------------

// Dead Gs move between a P's cache and sched.gFree this many at a time.
constexpr int32_t gFreeBatch = 32;
constexpr int32_t gFreeCap = sizeof(((p*)nullptr)->gFree) / sizeof(g*);
static_assert(gFreeCap == 2 * gFreeBatch);

// Move the n oldest Gs of pp's cache to sched.gFree (its lock held).
static void gfputglobal(p* pp, int32_t n) {
    if (sched.gFree.n + n > sched.gFree.cap) {
        int32_t ncap = sched.gFree.cap ? sched.gFree.cap * 2 : 4 * gFreeCap;
        auto** ns = (g**)mallocgc(sizeof(g*) * (size_t)ncap, false);
        for (int32_t i = 0; i < sched.gFree.n; i++) ns[i] = sched.gFree.stack[i];
        mfree(sched.gFree.stack);
        sched.gFree.stack = ns;
        sched.gFree.cap = ncap;
    }
    for (int32_t i = 0; i < n; i++) sched.gFree.stack[sched.gFree.n + i] = pp->gFree[i];
    for (int32_t i = n; i < pp->gFreeCount; i++) pp->gFree[i - n] = pp->gFree[i];
    atomic::StoreRelaxed(&sched.gFree.n, sched.gFree.n + n);
    pp->gFreeCount -= n;
}

// Put on gfree list. If local list is too long, transfer a batch to the global list.
void gfput(p* pp, g* gp) {
    if (readgstatus(gp) != _Gdead) throw_("gfput: bad status (not Gdead)");
    // Keep the base segment for reuse; give back any others.
    stackfreeall(gp);
    if (pp->gFreeCount == gFreeCap) {
        lock(&sched.gFree.lock);
        gfputglobal(pp, gFreeBatch);
        unlock(&sched.gFree.lock);
    }
    pp->gFree[pp->gFreeCount++] = gp;
}

// Move every G of pp's cache to the global one (pp is being destroyed).
void gfpurge(p* pp) {
    lock(&sched.gFree.lock);
    gfputglobal(pp, pp->gFreeCount);
    unlock(&sched.gFree.lock);
}

// Get from gfree list. If local list is empty, grab a batch from global list.
g* gfget(p* pp) {
    if (pp->gFreeCount == 0) {
        if (atomic::LoadRelaxed(&sched.gFree.n) == 0) return nullptr;
        lock(&sched.gFree.lock);
        int32_t n = sched.gFree.n < gFreeBatch ? sched.gFree.n : gFreeBatch;
        for (int32_t i = 0; i < n; i++) pp->gFree[i] = sched.gFree.stack[sched.gFree.n - n + i];
        atomic::StoreRelaxed(&sched.gFree.n, sched.gFree.n - n);
        unlock(&sched.gFree.lock);
        pp->gFreeCount = n;
        if (n == 0) return nullptr;
        prefetchG(pp->gFree[n - 1]);
        if (n > 1) prefetchG(pp->gFree[n - 2]);
    }
    // Prefetch two ahead: the G after next gets its lines, and the next one,
    // whose lines were requested by the previous call, the top of its stack,
    // where goPrepare and newgInit write the closure and the first frame.
    int32_t n = --pp->gFreeCount;
    g* gp = pp->gFree[n];
    if (n > 0) prefetchStackTop(pp->gFree[n - 1]);
    if (n > 1) prefetchG(pp->gFree[n - 2]);
    return gp;
}

// A dead G with a stack, from the free lists or newly made (the first half
// of Go's newproc1). Owned by the caller until newprocStart.
static g* newgAlloc() {
    m* mp = acquirem();  // disable preemption because we hold M and P in local vars.
    g* newg = gfget(mp->p);
    if (newg == nullptr) {
        newg = malg(StackMin);
        casgstatus(newg, _Gidle, _Gdead);
        allgadd(newg);
    }
    releasem(mp);
    if (newg->stack.hi == 0) throw_("newproc1: newg missing stack");
    if (readgstatus(newg) != _Gdead) throw_("newproc1: new g is not Gdead");
    return newg;
}

// Make newg start at fn(arg), with its first frame below sptop, and mark it
// _Grunnable (the second half of Go's newproc1). The caller then puts it on
// a run queue.
static void newgInit(g* newg, void (*fn)(void*), void* arg, uintptr sptop, uintptr callerpc) {
    if (fn == nullptr) fatal("go of nil func value");
    // The goroutine's first frame "returns" to goexit+1 (see asm_amd64.S):
    // sp points at that return address, and sp+8 is 16-byte aligned as the
    // C ABI requires at a function's entry.
    uintptr sp = (sptop & ~(uintptr)15) - 8;
    *(uintptr*)sp = (uintptr)&goexit + 1;
    newg->sched = gobuf{};
    newg->sched.sp = sp;
    newg->sched.pc = (uintptr)fn;
    newg->sched.g = newg;
    newg->sched.ctxt = (uintptr)arg;
    newg->entryarg = arg;
    newg->gopc = callerpc;
    newg->startpc = (uintptr)fn;
    g* curg = getg()->m->curg;
    newg->parentGoid = curg != nullptr ? curg->goid : 0;
    newg->isSystem = false;
    newg->waiting = nullptr;
    newg->waitreason = waitReason::zero;
    newg->stackguard0 = newg->stack.lo + StackGuard;
    m* mp = acquirem();
    p* pp = mp->p;
    if (pp->goidcache == pp->goidcacheend) {
        // sched.goidgen is the last allocated id; this batch must be
        // [sched.goidgen+1, sched.goidgen+goidCacheBatch]. At startup
        // sched.goidgen=0, so the main goroutine receives goid=1.
        pp->goidcache = atomic::Xadd(&sched.goidgen, goidCacheBatch) - (goidCacheBatch - 1);
        pp->goidcacheend = pp->goidcache + goidCacheBatch;
    }
    newg->goid = (int64_t)pp->goidcache;
    pp->goidcache++;
    releasem(mp);
    casgstatus(newg, _Gdead, _Grunnable);
}

// Create a new g in state _Grunnable, starting at fn(arg) (Go's newproc1).
// callerpc is the address of the go statement that created this. The caller
// is responsible for adding the new g to the scheduler.
g* newproc1(void (*fn)(void*), void* arg, g* callergp, uintptr callerpc) {
    (void)callergp;
    g* newg = newgAlloc();
    newgInit(newg, fn, arg, newg->stack.hi, callerpc);
    return newg;
}

// Put a new runnable G in runnext: it runs as soon as the creator yields.
static void newprocReady(g* newg) {
    m* mp = acquirem();
    runqput(mp->p, newg, true);
    if (mainStarted) wakep();
    releasem(mp);
}

// Create a new g running fn(arg), put it on the queue of gs waiting to run
// (runnext: it runs soon), and wake a P for it if one is idle.
void newproc(void (*fn)(void*), void* arg) {
    newprocReady(newproc1(fn, arg, getg(), (uintptr)__builtin_return_address(0)));
}

}  // namespace runtime

namespace go::detail {
using namespace runtime;

// go::go places small closures at the top of the new goroutine's own stack,
// which saves an allocation per goroutine: goPrepare returns that room (and
// the G, as an opaque token), the template constructs the closure there, and
// goStart makes the G runnable with its first frame below the closure.
void* goPrepare(size_t size, size_t align, void** token) {
    g* newg = newgAlloc();
    uintptr top = (newg->stack.hi - size) & ~(uintptr)(align - 1);
    *token = newg;
    return (void*)top;
}

void goStart(void* token, void (*fn)(void*), void* arg, uintptr callerpc) {
    g* newg = (g*)token;
    uintptr top = (uintptr)arg;
    if (top < newg->stack.lo || top >= newg->stack.hi) top = newg->stack.hi;  // a heap closure
    newgInit(newg, fn, arg, top, callerpc);
    newprocReady(newg);
}

}  // namespace go::detail

namespace runtime {

// Step 7 of the boot: rt0_go's newproc(runtime.main).
extern "C" void newproc_main(void (*fn)(void*), void* arg) {
    g* newg = newproc1(fn, arg, getg(), (uintptr)__builtin_return_address(0));
    runqput(getg()->m->p, newg, true);
    if (boottraceEnabled())
        print("boot: [7] newproc(runtime.main): g", newg->goid, " stack=[", hex(newg->stack.lo), ", ",
              hex(newg->stack.hi), ") sched.pc=runtime_main (", hex(newg->sched.pc),
              ") return address=goexit+1 status=_Grunnable in P0.runnext\n");
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
    if (gp->m == &m0 && boottraceEnabled())
        print("boot: [8] mstart: m0 g0.sched.sp=", hex(gp->sched.sp), "; minit (tid ", gp->m->procid,
              ", signal stack), initsig; schedule()\n");
    schedule();
}

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
        p* pp = pidleget(0);
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
    p* pp = pidleget(0);
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

// ---- Stopping the world (for GOMAXPROCS) -----------------------------------------------

// Preempt every running goroutine. Returns true if it asked at least one.
bool preemptall() {
    bool res = false;
    for (int32_t i = 0; i < allplen; i++) {
        p* pp = allp[i];
        if (pp->status != _Prunning) continue;
        if (preemptone(pp)) res = true;
    }
    return res;
}

static void stopTheWorldWithSema(void*) {
    g* gp = getg();
    // If we hold a lock, then we won't be able to stop another M that is
    // blocked trying to acquire the lock.
    if (gp->m->locks > 0) throw_("stopTheWorld: holding locks");
    lock(&sched.lock);
    sched.stopwait = gomaxprocs;
    atomic::Store(&sched.gcwaiting, 1);
    preemptall();
    // Stop current P.
    gp->m->p->status = _Pgcstop;  // Pgcstop is only diagnostic.
    sched.stopwait--;
    // Try to retake all Ps in Psyscall status.
    for (int32_t i = 0; i < allplen; i++) {
        p* pp = allp[i];
        uint32_t s = atomic::Load(&pp->status);
        if (s == _Psyscall && atomic::Cas(&pp->status, s, _Pgcstop)) {
            pp->syscalltick++;
            sched.stopwait--;
        }
    }
    // Stop idle Ps.
    int64_t now = nanotime();
    for (;;) {
        p* pp = pidleget(now);
        if (pp == nullptr) break;
        pp->status = _Pgcstop;
        sched.stopwait--;
    }
    bool wait = sched.stopwait > 0;
    unlock(&sched.lock);
    // Wait for remaining Ps to stop voluntarily.
    if (wait) {
        for (;;) {
            // Wait for 100us, then try to re-preempt in case of any races.
            if (notetsleep(&sched.stopnote, 100 * 1000)) {
                noteclear(&sched.stopnote);
                break;
            }
            preemptall();
        }
    }
    // Sanity checks.
    if (sched.stopwait != 0) throw_("stopTheWorld: not stopped (stopwait != 0)");
    for (int32_t i = 0; i < allplen; i++)
        if (allp[i]->status != _Pgcstop) throw_("stopTheWorld: not stopped (status != _Pgcstop)");
}

// Stop all Ps from running goroutines, leaving only the caller's.
void stopTheWorld(const char* reason) {
    (void)reason;
    lock(&worldLock);  // released by startTheWorld
    getg()->m->locks--;  // worldLock is held across goroutine code; don't count it as a runtime lock
    systemstack(stopTheWorldWithSema, nullptr);
}

static void startTheWorldWithSema(void*) {
    m* mp = acquirem();  // disable preemption because it can be holding p in a local var
    lock(&sched.lock);
    int32_t procs = gomaxprocs;
    if (newprocs != 0) {
        procs = newprocs;
        newprocs = 0;
    }
    p* p1 = procresize(procs);
    atomic::Store(&sched.gcwaiting, 0);
    if (atomic::Load(&sched.sysmonwait)) {
        atomic::Store(&sched.sysmonwait, 0);
        notewakeup(&sched.sysmonnote);
    }
    unlock(&sched.lock);
    while (p1 != nullptr) {
        p* pp = p1;
        p1 = p1->link;
        if (pp->m != nullptr) {
            m* nmp = pp->m;
            pp->m = nullptr;
            if (nmp->nextp != nullptr) throw_("startTheWorld: inconsistent mp->nextp");
            nmp->nextp = pp;
            notewakeup(&nmp->park);
        } else {
            // Start M to run P.
            newm(nullptr, pp, -1);
        }
    }
    // Wakeup an additional proc in case we have excessive runnable goroutines
    // in local queues or in the global queue.
    wakep();
    releasem(mp);
}

void startTheWorld() {
    systemstack(startTheWorldWithSema, nullptr);
    getg()->m->locks++;
    unlock(&worldLock);
}

// GOMAXPROCS(n): set when n >= 1 (stopping the world to resize), return the previous value.
int32_t setGOMAXPROCS(int32_t n) {
    lock(&sched.lock);
    int32_t ret = gomaxprocs;
    unlock(&sched.lock);
    if (n <= 0 || n == ret) return ret;
    if (n > MaxGomaxprocs) n = MaxGomaxprocs;
    stopTheWorld("GOMAXPROCS");
    // newprocs will be processed by startTheWorld.
    newprocs = n;
    startTheWorld();
    return ret;
}

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
