// trace.cpp — the execution tracer's recording side (Go's trace.go:
// traceEvent, traceBuf, traceFlush, StartTrace/StopTrace).
//
// Divergences from Go 1.19, and why:
//  - Events are fixed 32-byte records in memory, converted to Chrome
//    trace-event JSON (trace_json.cpp) once tracing stops, rather than a
//    varint stream read by a goroutine while tracing runs: the file is for
//    Perfetto and our own SVG renderer, not `go tool trace`. Full buffers
//    are queued, not written, so no event ever waits for the disk.
//  - Steals, sysmon's preemption requests, timers firing and boot steps are
//    events of ours; Go has no such events.
#include "trace.h"

#include "proc.h"
#include "print.h"
#include "sys_linux.h"

namespace runtime {

traceState trace;

static spinmutex traceLock;
static traceBuf* traceGlobal;        // [traceLock] events of Ms without a P
static uint64_t traceLost;           // [atomic] events the file refused
static uint32_t traceWriters;        // [atomic] Ms writing a full buffer to the file now
static int traceFd = -1;             // [written before enabled is set] the file: raw buffers, then JSON
static uint64_t traceTicks0;         // [written before enabled is set] cputicks at Start
static int64_t traceNanos0;          // nanotime at Start

__attribute__((always_inline)) static inline uint64_t cputicks() {
    uint32_t lo, hi;
    asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

// Append b's events to the file as one record (its header, then pos
// events; trace_json.cpp reads them back). O_APPEND makes each write one
// record even when several Ms flush at once.
static void traceWriteBuf(traceBuf* b) {
    const char* p = (const char*)b;
    size_t n = (size_t)((const char*)&b->ev[atomic::LoadAcq(&b->pos)] - p);
    while (n > 0) {
        long r = sys::write(traceFd, p, n);
        if (r <= 0) {
            atomic::Xadd(&traceLost, (uint64_t)b->pos);
            return;
        }
        p += r, n -= (size_t)r;
    }
}

// Write *bp out if it is full and give it back emptied, or a new one (Go's
// traceFlush). A buffer is reused, not kept: on a virtual machine the first
// touch of a fresh page costs tens of microseconds (docs/trace.md), far more
// than the write of the 64 KB it holds. nullptr when tracing stopped meanwhile
// or no memory.
static traceBuf* traceFlush(traceBuf** bp) {
    // Counted before enabled is checked: traceFlushAtExit clears enabled,
    // then waits for the count to drop, so no record is written twice.
    atomic::Xadd(&traceWriters, 1);
    traceBuf* b = nullptr;
    if (atomic::Load(&trace.enabled)) {
        b = *bp;
        if (b != nullptr && b->pos == traceBufEvents) {
            traceWriteBuf(b);
            atomic::StoreRel(&b->pos, 0u);
        }
        if (b == nullptr) b = *bp = (traceBuf*)sysAlloc(sizeof(traceBuf));
    }
    atomic::Xadd(&traceWriters, -1);
    return b;
}

__attribute__((always_inline)) static inline void put(traceBuf* b, traceEv type, uint8_t reason, uint16_t pid, int32_t mid, int64_t goid,
                       uint64_t arg) {
    traceEvent* e = &b->ev[b->pos];
    // One clock reading per scheduling step: a goroutine started from the
    // local run queue right after the previous one stopped shares its stop's
    // time (rdtsc traps on a virtual machine: 25-56 ns here). Any other event
    // in between, or findRunnable looking further (traceFindRunnableSlow),
    // makes the start read the clock.
    uint64_t t = type == traceEvGoStart && b->step != 0 ? b->step : cputicks();
    bool stop = type == traceEvGoBlock || type == traceEvGoSched || type == traceEvGoEnd || type == traceEvGoPreempt;
    b->step = stop ? t : 0;
    e->ticks = t;
    e->type = type;
    e->reason = reason;
    e->pid = pid;
    e->mid = mid;
    e->g = goid;
    e->arg = arg;
    // Published after the fields: traceFlushAtExit may read another M's
    // buffer while it records, and must see only whole events.
    atomic::StoreRel(&b->pos, b->pos + 1);
}

// (The functions marked cold run once a trace or once a buffer: GCC
// optimises them for size.)
//
// Record an event about pid (traceNoP: none) from the calling M, when its
// P's buffer is missing or full, or it has no P. As in Go's traceEvent, the
// M is pinned (acquirem) while it writes: a goroutine preempted halfway
// could otherwise finish its event after Stop collected the buffer. Stop
// changes trace.enabled with the world stopped, which waits for a pinned M,
// so the check under the pin is exact.
__attribute__((noinline, cold)) static void traceRecordSlow(traceEv type, uint8_t reason, uint16_t pid, int64_t goid,
                                                      uint64_t arg) {
    m* mp = acquirem();
    if (p* pp = mp->p; pp != nullptr) {
        if (trace.enabled) {
            traceBuf* b = traceFlush(&pp->tracebuf);
            if (b != nullptr) put(b, type, reason, pid, (int32_t)mp->id, goid, arg);
            else atomic::Xadd(&traceLost, 1);
        }
        releasem(mp);
        return;
    }
    releasem(mp);
    lock(&traceLock);
    // Checked again under the lock: Stop may have collected the buffers.
    if (trace.enabled) {
        traceBuf* b = traceGlobal;
        if (b == nullptr || b->pos == traceBufEvents) b = traceFlush(&traceGlobal);
        if (b != nullptr) put(b, type, reason, pid, (int32_t)mp->id, goid, arg);
        else atomic::Xadd(&traceLost, 1);
    }
    unlock(&traceLock);
}


// The common case, inlined into every hook: room in the P's buffer. Hooks
// and this path are no_split_stack (trace.h): a hook adds no frame that
// could push a goroutine across a stack segment boundary (a pingpong
// goroutine sits near one), and, with no prologue check, there is no
// preemption point between the check of trace.enabled and the store, so
// Stop (which stops the world) never finds an event half written.
__attribute__((always_inline)) static inline void traceRecordP(traceEv type, uint8_t reason, uint16_t pid,
                                                               int64_t goid, uint64_t arg) {
    m* mp = getg()->m;
    p* pp = mp->p;
    traceBuf* b = pp != nullptr ? pp->tracebuf : nullptr;
    if (__builtin_expect(b != nullptr && b->pos < traceBufEvents, 1)) {
        if (trace.enabled) put(b, type, reason, pid, (int32_t)mp->id, goid, arg);
        return;
    }
    traceRecordSlow(type, reason, pid, goid, arg);
}

__attribute__((always_inline)) static inline uint16_t curpid() {
    p* pp = getg()->m->p;
    return pp ? (uint16_t)pp->id : traceNoP;
}

__attribute__((always_inline)) static inline void traceRecord(traceEv type, uint8_t reason, int64_t goid, uint64_t arg) {
    traceRecordP(type, reason, curpid(), goid, arg);
}

__attribute__((always_inline)) static inline int64_t curgoid() {
    g* gp = getg()->m->curg;
    return gp ? gp->goid : 0;
}

// The rare events share one out-of-line copy of the recording path, which
// keeps every binary a few KB smaller (the tracer is in all of them); the
// frequent ones (a goroutine's life, a channel handoff) inline it.
TRACE_HOOK __attribute__((noinline)) static void traceRecordCold(traceEv type, uint8_t reason, int64_t goid,
                                                                 uint64_t arg, p* pp);
static void traceRecordCold(traceEv type, uint8_t reason, int64_t goid, uint64_t arg, p* pp) {
    traceRecordP(type, reason, pp ? (uint16_t)pp->id : curpid(), goid, arg);
}

void traceFindRunnableSlow() {
    if (p* pp = getg()->m->p; pp != nullptr && pp->tracebuf != nullptr) pp->tracebuf->step = 0;
}

void traceGoCreate(g* newg, uintptr startpc) { traceRecord(traceEvGoCreate, 0, newg->goid, startpc); }
void traceGoStart() { traceRecord(traceEvGoStart, 0, curgoid(), 0); }
void traceGoPark(waitReason reason) { traceRecord(traceEvGoBlock, (uint8_t)reason, curgoid(), 0); }
void traceGoUnpark(g* gp) { traceRecord(traceEvGoUnblock, 0, gp->goid, (uint64_t)curgoid()); }
void traceGoSched() { traceRecord(traceEvGoSched, 0, curgoid(), 0); }
void traceGoEnd() { traceRecord(traceEvGoEnd, 0, curgoid(), 0); }

void traceBoot(const char* step) { traceRecordCold(traceEvBoot, 0, 0, (uint64_t)step, nullptr); }
void traceGoSysCall() { traceRecordCold(traceEvGoSysCall, 0, curgoid(), 0, nullptr); }
void traceGoSysExit() { traceRecordCold(traceEvGoSysExit, 0, curgoid(), 0, nullptr); }
void traceProcStart() { traceRecordCold(traceEvProcStart, 0, 0, 0, nullptr); }
void traceProcStop(p* pp) { traceRecordCold(traceEvProcStop, 0, 0, 0, pp); }
void traceGoSysBlock(p* pp) { traceRecordCold(traceEvGoSysBlock, 0, 0, 0, pp); }
void traceGoPreempt(uint8_t how) { traceRecordCold(traceEvGoPreempt, how, curgoid(), 0, nullptr); }
void traceSteal(p* from, g* gp) { traceRecordCold(traceEvSteal, 0, gp->goid, (uint64_t)from->id, nullptr); }
void tracePreemptReq(p* pp, g* gp, uint8_t how) { traceRecordCold(traceEvPreemptReq, how, gp->goid, (uint64_t)pp->id, nullptr); }
void traceTimer(uintptr fn) { traceRecordCold(traceEvTimer, 0, 0, fn, nullptr); }
void traceGomaxprocs(int32_t n) { traceRecordCold(traceEvGomaxprocs, 0, 0, (uint64_t)n, nullptr); }

// ---- Starting and stopping -----------------------------------------------------

__attribute__((cold)) static int traceOpen(const char* path) {
    // Read and write: trace_json.cpp reads the raw records back.
    constexpr int O_RDWR = 2, O_CREAT = 0x40, O_TRUNC = 0x200, O_APPEND = 0x400;
    return (int)sys::syscall4(sys::SYS_openat, sys::AT_FDCWD, (long)path,
                              O_RDWR | O_CREAT | O_TRUNC | O_APPEND | sys::O_CLOEXEC, 0644);
}

static void traceBegin(int fd) {
    traceFd = fd;
    traceLost = 0;
    traceNanos0 = nanotime();
    traceTicks0 = cputicks();
    trace.enabled = true;
}

// GODEBUG=tracefile=PATH, looked up by args as soon as the environment is
// known; the boot is single-threaded, so no world to stop.
__attribute__((cold)) void traceStartFromEnv() {
    const char* s = gogetenv("GODEBUG");
    while (s != nullptr && *s) {
        const char* key = "tracefile=";
        const char* k = key;
        const char* v = s;
        while (*k && *v == *k) k++, v++;
        if (*k == 0) {
            static char path[4096];
            size_t n = 0;
            while (v[n] && v[n] != ',' && n + 1 < sizeof(path)) path[n] = v[n], n++;
            path[n] = 0;
            int fd = traceOpen(path);
            if (fd < 0) {
                print("runtime: GODEBUG=tracefile=", (const char*)path, ": cannot create the file\n");
                return;
            }
            trace.path = path;
            traceBegin(fd);
            return;
        }
        while (*s && *s != ',') s++;
        if (*s == ',') s++;
    }
}

// Record the goroutines that exist already, as Go's StartTrace does (world stopped).
__attribute__((cold)) static void traceExisting(g* gp, void* self) {
    uint32_t s = readgstatus(gp);
    if (s == _Gdead || gp->isSystem) return;
    traceGoCreate(gp, gp->startpc);
    if (s == _Gwaiting) traceRecord(traceEvGoWaiting, (uint8_t)gp->waitreason, gp->goid, 0);
    if (gp == self) traceGoStart();
}

__attribute__((cold)) bool traceStart(const char* path) {
    int fd = traceOpen(path);
    if (fd < 0) return false;
    stopTheWorld("start tracing");
    bool ok = !trace.enabled && !trace.shutdown;
    if (ok) {
        traceBegin(fd);
        traceProcStart();
        traceGomaxprocs(gomaxprocs);
        forEachG(traceExisting, getg()->m->curg);
    }
    startTheWorld();
    if (!ok) sys::close(fd);
    return ok;
}

// Write the buffers still in memory to the file; free them unless the
// program is exiting (then another M may still be storing into its buffer).
__attribute__((cold)) static void traceWriteBuffers(bool global, bool exiting) {
    auto done = [exiting](traceBuf** bp) {
        if (traceBuf* b = *bp) {
            *bp = nullptr;
            traceWriteBuf(b);
            if (!exiting) sysFree(b, sizeof(traceBuf));
        }
    };
    for (int32_t i = 0; i < MaxGomaxprocs && allp[i] != nullptr; i++) done(&allp[i]->tracebuf);
    if (global) done(&traceGlobal);
}

// Turn the file's raw records into JSON; ticks1/nanos1: the end of the trace.
__attribute__((cold)) static bool traceWriteFile(uint64_t ticks1, int64_t nanos1) {
    if (uint64_t lost = atomic::Load(&traceLost)) print("runtime: execution trace lost ", lost, " events (write failed)\n");
    bool ok = traceWriteJSON(traceFd, traceTicks0, traceNanos0, ticks1, nanos1);
    sys::close(traceFd);
    traceFd = -1;
    return ok;
}

// Stop recording and write the file (Go's StopTrace + the trace reader).
__attribute__((cold)) bool traceStop() {
    stopTheWorld("stop tracing");
    uint64_t ticks1 = cputicks();
    int64_t nanos1 = nanotime();
    lock(&traceLock);
    bool ok = trace.enabled && !trace.shutdown;
    if (ok) {
        trace.enabled = false;
        trace.shutdown = true;
        // With the world stopped no M holds a P but this one: every P's
        // buffer is quiet.
        traceWriteBuffers(true, false);
    }
    unlock(&traceLock);
    startTheWorld();
    if (!ok) return false;
    // Written by the goroutine that stopped tracing, while the others run.
    ok = traceWriteFile(ticks1, nanos1);
    lock(&traceLock);
    trace.shutdown = false;
    unlock(&traceLock);
    return ok;
}

// main returned while tracing (GODEBUG=tracefile, or Start without Stop).
__attribute__((cold)) void traceStopAtExit() {
    if (!traceStop()) print("runtime: writing the execution trace failed\n");
}

// The program is exiting some other way (os::Exit, a panic, a fatal error)
// while tracing: write what was recorded, without stopping the world (a
// crashing program cannot). Divergence from Go 1.19, which loses its trace
// then: a user tracing a crash needs the file. Nothing here waits without
// bound, since the crash may have happened anywhere: traceLock is tried a
// bounded number of times (its holder may be the crashed M; the global
// buffer is then left out), other Ms are told to stop (enabled = false) and
// their flushes waited for at most 100 ms, and memory comes from mmap, not
// the heap. Events other Ms record at that instant may be missing. Once
// only: a crash while writing the trace exits without trying again.
__attribute__((cold)) void traceFlushAtExit() {
    static uint32_t once;  // [atomic]
    if (!atomic::Cas(&once, 0u, 1u)) return;
    // On a system stack (fixed size), writing needs some of it: a fatal
    // "morestack on g0" has none left, and then no trace is written.
    g* gp = getg();
    if ((gp == gp->m->g0 || gp == gp->m->gsignal) && (uintptr)__builtin_frame_address(0) - gp->stack.lo < 16 * 1024)
        return;
    bool locked = false;  // kept to the end: the process exits
    for (int i = 0; i < 100 && !(locked = atomic::Xchg(&traceLock.key, 1u) == 0); i++) usleep(10);
    if (!atomic::Load(&trace.enabled) || trace.shutdown) return;  // Stop is writing the file
    atomic::Store(&trace.enabled, false);
    uint64_t ticks1 = cputicks();
    int64_t nanos1 = nanotime();
    for (int i = 0; i < 1000 && atomic::Load(&traceWriters) != 0; i++) usleep(100);
    traceWriteBuffers(locked, true);
    traceWriteFile(ticks1, nanos1);
}

}  // namespace runtime
