// runtime.h — declarations shared between the runtime's files: what Go gets
// from all of package runtime being one package. Each group names the file
// that defines it (inline functions are defined here, next to the file whose
// concept they belong to); read that file for the why.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "runtime2.h"

// A weak reference to a function of an optional part (the network poller,
// the timer heap): calling it does not pull its object out of
// libruntime.a, so a program that never uses the part does not link it.
// Every call is guarded, as in Go, by a condition that only the part's own
// strongly referenced entry point can make true (netpollinited() after
// netpollGenericInit; a timer in a heap after addtimer), so the function is
// linked whenever the call is reached. Divergence from Go 1.19, which links
// every part into every program; docs/performance.md, "What ./hello links".
#define RUNTIME_WEAK __attribute__((weak))

namespace runtime {

// ---- panic.cpp: fatal errors and panics -----------------------------------
// throw_ is Go's throw: "fatal error: s", a traceback, exit 2. It never
// allocates. (C++ reserves `throw`.)
[[noreturn]] void throw_(const char* s);
// fatal is Go's fatal: like throw_ but for errors the user caused; the
// traceback omits runtime frames.
[[noreturn]] void fatal(const char* s);
// A runtime error that becomes a panic: "panic: runtime error: ..." in Go; we
// have no recover, so it prints and exits 2 like an unrecovered panic.
[[noreturn]] void panicmsg(const char* s);
[[noreturn]] void exit(int code);
[[noreturn]] void abort();
// A panic or fatal error caused by a signal, from the signal handler: the
// traceback is gp's, from the faulting pc.
[[noreturn]] void panicAtG(g* gp, const char* s, uintptr pc, uintptr sp, uintptr bp, bool isThrow);
// Prepare for an unrecoverable panic (Go's startpanic_m): a signal's dump
// starts with it too.
void startpanic_m();

// ---- print.cpp: Go's print, unbuffered by the heap, safe in fatal paths ----
void printlock();
void printunlock();
void printstring(const char* s);
void printbytes(const char* s, size_t n);
void printint(int64_t v);
void printuint(uint64_t v);
void printhex(uint64_t v);
void printpointer(const void* p);
void printbool(bool b);
void printnl();
// Write straight to fd 2, bypassing the print buffer.
void writeErr(const char* s, size_t n);

// ---- lock_futex.cpp: mutexes, notes, futexes --------------------------------
void lockSlow(mutex* l, uint32_t v);   // contended lock
void unlockSlow(mutex* l, uint32_t v); // errors and wakeups

// In files optimised for size (-Os: cold code), lock and unlock are calls to
// one out-of-line copy instead of being expanded at every call site.
#ifdef __OPTIMIZE_SIZE__
#define RUNTIME_HOT_INLINE __attribute__((noinline)) inline
#else
#define RUNTIME_HOT_INLINE static inline
#endif

// Acquire l (Go's lock). The fast path, inline: the M counts the lock (no
// preemption while it holds any) and one exchange takes a free mutex.
RUNTIME_HOT_INLINE void lock(mutex* l) {
    m* mp = getg()->m;
    mp->locks++;
    uint32_t v = __atomic_exchange_n(&l->key, 1u, __ATOMIC_ACQUIRE);
    if (__builtin_expect(v != 0, 0)) lockSlow(l, v);
}

// Release l (Go's unlock).
RUNTIME_HOT_INLINE void unlock(mutex* l) {
    uint32_t v = __atomic_exchange_n(&l->key, 0u, __ATOMIC_RELEASE);
    if (__builtin_expect(v != 1, 0)) unlockSlow(l, v);  // 2: wake a sleeper; 0: not locked
    g* gp = getg();
    m* mp = gp->m;
    // Restore a preemption request that newstack deferred because of the lock.
    if (--mp->locks == 0 && __builtin_expect(atomic::LoadRelaxed(&gp->preempt), 0)) rearmPreempt(gp);
}
// Acquire a spinmutex: the same counting as lock, one exchange when free.
void lockSlow(spinmutex* l);
RUNTIME_HOT_INLINE void lock(spinmutex* l) {
    m* mp = getg()->m;
    mp->locks++;
    if (__builtin_expect(__atomic_exchange_n(&l->key, 1u, __ATOMIC_ACQUIRE) != 0, 0)) lockSlow(l);
}

// Release a spinmutex: a release store (x86 keeps it after every access of
// the critical section). Nobody sleeps on it, so there is nobody to wake.
RUNTIME_HOT_INLINE void unlock(spinmutex* l) {
    if (__builtin_expect(__atomic_load_n(&l->key, __ATOMIC_RELAXED) != 1, 0)) throw_("unlock of unlocked lock");
    __atomic_store_n(&l->key, 0u, __ATOMIC_RELEASE);
    g* gp = getg();
    m* mp = gp->m;
    if (--mp->locks == 0 && __builtin_expect(atomic::LoadRelaxed(&gp->preempt), 0)) rearmPreempt(gp);
}
void noteclear(note* n);
void notewakeup(note* n);
void notesleep(note* n);
bool notetsleep(note* n, int64_t ns);     // false on timeout
bool notetsleepg(note* n, int64_t ns);    // from a user goroutine: enters a syscall
void futexsleep(uint32_t* addr, uint32_t val, int64_t ns);
void futexwakeup(uint32_t* addr, uint32_t cnt);
void osyield();
void usleep(uint32_t usec);

// ---- inline: pinning to the M, prefetching Gs ----------------------------------
// acquirem/releasem: pin the goroutine to its M (no preemption) while held.
static inline m* acquirem() {
    m* mp = getg()->m;
    mp->locks++;
    return mp;
}
// Start moving the three cache lines of gp that creating, scheduling and
// exiting touch (see struct g) into this CPU's cache, for writing. Used a G or two
// ahead on queues whose Gs were last touched by another CPU, so the transfer
// overlaps the work on the current G instead of stalling the next one.
static inline void prefetchG(const g* gp) {
    __builtin_prefetch((const char*)gp, 1, 3);
    __builtin_prefetch((const char*)gp + 64, 1, 3);
    __builtin_prefetch((const char*)gp + 128, 1, 3);
}

// The same for the top of a dead G's stack (its base segment), where a new
// goroutine's closure and first frame go. Reads gp->stack.hi: call it only
// once gp's own lines have been prefetched, or it stalls.
static inline void prefetchStackTop(const g* gp) {
    __builtin_prefetch((const char*)gp->stack.hi - 64, 1, 3);
}

// The same for where a runnable G resumes: the words at its saved sp. A
// thief may take gp meanwhile, so the read is atomic; a stale sp costs only
// a useless prefetch.
static inline void prefetchResume(const g* gp) {
    __builtin_prefetch((const char*)atomic::LoadRelaxed(&gp->sched.sp), 1, 3);
}

static inline void releasem(m* mp) {
    g* gp = getg();
    if (--mp->locks == 0 && __builtin_expect(atomic::LoadRelaxed(&gp->preempt), 0)) rearmPreempt(gp);
}

// ---- os_linux.cpp: boot-time facts, the clock, threads ------------------------
extern "C" void args(int32_t argc, char** argv);
extern "C" void osinit();
extern int32_t argc;
extern char** argv;
extern char** envp;
extern uintptr physPageSize;
extern uintptr physHugePageSize;
extern uint64_t startupRandSeed;   // from AT_RANDOM
extern uint64_t cpuHwcap;          // AT_HWCAP
int64_t nanotime();                // monotonic, vDSO when available
int64_t walltime();                // CLOCK_REALTIME: nanoseconds since 1970, vDSO when available
int32_t getproccount();
void mpreinit(m* mp);
void minit();
void newosproc(m* mp);

// ---- mem_linux.cpp: memory from the OS ---------------------------------------
void* sysAlloc(uintptr n);         // mmap fresh zeroed memory, nullptr on failure
void* sysAllocOrDie(uintptr n, const char* what);
void* sysAllocChunk(uintptr n, uint32_t* chunks, const char* what);  // first lazily, then populated
void sysFree(void* v, uintptr n);
void sysUnused(void* v, uintptr n); // MADV_DONTNEED: give the pages back, keep the range
void* sysReserve(uintptr n);       // PROT_NONE reservation
bool sysMap(void* v, uintptr n);   // make part of a reservation usable

// ---- arch/amd64/sys_linux_amd64.S ----------------------------------------------
extern "C" int32_t clone(int32_t flags, void* stk, m* mp, g* gp, void (*fn)());
extern "C" void settls(uintptr* tls);
extern "C" void sigreturn__sigaction();  // sa_restorer of every handler

// ---- vdso_linux.cpp ------------------------------------------------------------
bool vdsoInit(uintptr ehdr);       // false if the vDSO has no clock_gettime
extern void* vdsoClockgettimeSym;

// ---- runtime1.cpp: arguments, environment, GODEBUG ------------------------
void goargs();
void goenvs();
void parsedebugvars();
const char* gogetenv(const char* key);  // nullptr when unset
// Parse a decimal int; false if s is not one (Go's atoi with ok).
bool atoi(const char* s, int64_t* out);
struct dbgVars {
    int32_t boottrace;        // ours: print each boot step
    int32_t schedtrace;       // ms between SCHED lines
    int32_t scheddetail;
    int32_t asyncpreemptoff;
    int32_t schedtracefinal;  // ours: one SCHED line (with scheddetail) at exit
    int64_t maxstack;         // ours: per-goroutine stack limit in bytes (0: default)
};
extern dbgVars debug;
// GOTRACEBACK, parsed as Go's setTraceback. [immutable after parsedebugvars]
extern int32_t tracebackLevel;   // 0 none, 1 single/all, 2 system/crash, or the number given
extern bool tracebackAll;        // every goroutine (all, system, crash, a number, or garbage)
extern bool tracebackCrash;      // crash: abort with SIGABRT after the dump
// m.throwing: what kind of fatal error this M is in (Go's throwType).
enum : int32_t { throwTypeNone = 0, throwTypeUser = 1, throwTypeRuntime = 2 };
extern const char* const* goArgv;  // os.Args
extern int32_t goArgc;

// ---- malloc.cpp: the allocator (Go's mheap/mcentral/mcache, simplified) ----
void mallocinit();
// Allocate n bytes (8-byte aligned; 16 for n >= 16). Zeroed if needzero.
// Never returns nullptr: out of memory is "fatal error: out of memory".
void* mallocgc(size_t n, bool needzero);
// Allocate with a stricter alignment (a power of two up to the page size).
void* mallocAligned(size_t n, size_t align, bool needzero);
// Free what mallocgc returned. nullptr is ignored.
void mfree(void* p);
// The usable size of an allocation (its size class).
size_t mallocUsableSize(void* p);

// ---- mcache.cpp ----------------------------------------------------------------
mcache* allocmcache();
void freemcache(mcache* c);

// ---- stack.cpp: goroutine stacks -----------------------------------------
void stackinit();
constexpr uintptr StackMin = 2048;       // a new goroutine's first segment (Go's _StackMin)
constexpr uintptr FixedStack0 = StackMin;
// A new base segment for a G of at least n bytes; the header is inside it.
stkseg* stackalloc(uintptr n);
void stackfreeall(g* gp);      // every segment but the base: for a dead G
void shrinkstack(g* gp);       // a parking G gives back its cached segments but one (on g0)
void stackcacheflush(p* pp);   // a P is destroyed: its cached segments go back to the pool
extern "C" void newstack(g* gp);

// ---- proc.cpp: the scheduler's bootstrap, Gs, Ms and spinning -------------------
extern int32_t panicking;  // [atomic] panics in progress (panic.cpp reads it)
extern "C" void schedinit();
extern "C" void mstart();
// The legal G status transitions: bit n of gstatusValid[o] allows o -> n.
//   _Gidle     -> _Gdead                        malg: allocated, not yet used
//   _Gdead     -> _Grunnable                    newproc
//   _Grunnable -> _Grunning                     execute
//   _Grunning  -> _Grunnable, _Gwaiting,        preempted/yield, park,
//                 _Gsyscall, _Gdead             system call, exit
//   _Gsyscall  -> _Grunning, _Grunnable         exitsyscall fast / slow path
//   _Gwaiting  -> _Grunnable                    ready
constexpr uint8_t gstatusValid[8] = {
    1 << _Gdead,                                                      // _Gidle
    1 << _Grunning,                                                   // _Grunnable
    (1 << _Grunnable) | (1 << _Gwaiting) | (1 << _Gsyscall) | (1 << _Gdead),  // _Grunning
    (1 << _Grunning) | (1 << _Grunnable),                             // _Gsyscall
    1 << _Grunnable,                                                  // _Gwaiting
    0,                                                                // (5, unused)
    1 << _Grunnable,                                                  // _Gdead
    0,
};
[[noreturn]] void casgstatusFail(g* gp, uint32_t oldval, uint32_t newval);

static inline uint32_t readgstatus(g* gp) { return atomic::Load(&gp->atomicstatus); }

// Every status change goes through here (Go's casgstatus). It aborts on a
// transition the design does not allow (decided at compile time for the
// usual constant arguments), and on a status other than the one the caller
// believes it owns. Only a G's owner changes its status (runtime2.h), so a
// checked store is enough.
__attribute__((always_inline)) static inline void casgstatus(g* gp, uint32_t oldval, uint32_t newval) {
    bool legal = oldval < 8 && newval < 8 && oldval != newval && ((gstatusValid[oldval] >> newval) & 1);
    if (__builtin_expect(!legal || atomic::LoadRelaxed(&gp->atomicstatus) != oldval, 0))
        casgstatusFail(gp, oldval, newval);
    atomic::StoreRel(&gp->atomicstatus, newval);
}
g* malg(uintptr stacksize);
m* allocm(p* pp, void (*fn)(), int64_t id);
void newm(void (*fn)(), p* pp, int64_t id);
void mcommoninit(m* mp, int64_t id);
void startm(p* pp, bool spinning);
void stopm();
// Tries to add one more P to execute Gs. Called when a G is made runnable
// (newproc, ready). Go 1.21's wakep; the first check is inline because it
// usually ends it: no idle P, nobody to wake (the racy read is fine: a P
// going idle right now re-checks the queues before it parks).
void wakepSlow();
static inline void wakep() {
    if (atomic::LoadRelaxed(&sched.npidle) == 0) return;
    wakepSlow();
}
void handoffp(p* pp);
void mput(m* mp);
m* mget();
void checkmcount();  // sched.maxmcount exceeded: fatal error [sched.lock]
int32_t gcount();
int32_t mcount();
void forEachG(void (*fn)(g*, void*), void* arg);
extern bool isrunning;  // runtime.main has started the user's program
// Random numbers from the M's state (Go's fastrand: wyrand).
static inline uint32_t fastrand() {
    m* mp = getg()->m;
    mp->fastrand += 0xa0761d6478bd642full;
    __uint128_t r = (__uint128_t)mp->fastrand * (mp->fastrand ^ 0xe7037ed1a0b428dbull);
    return (uint32_t)((uint64_t)(r >> 64) ^ (uint64_t)r);
}
// A random number in [0, n) (Go's fastrandn).
static inline uint32_t fastrandn(uint32_t n) { return (uint32_t)(((uint64_t)fastrand() * n) >> 32); }

// ---- proc_newproc.cpp: creating goroutines, free Gs, sudogs --------------------
extern "C" void newproc_main(void (*fn)(void*), void* arg);
g* newproc1(void (*fn)(void*), void* arg, g* callergp, uintptr callerpc);
void newproc(void (*fn)(void*), void* arg);
void gfput(p* pp, g* gp);
void gfpurge(p* pp);
g* gfget(p* pp);
sudog* acquireSudog();
void releaseSudog(sudog* s);

// ---- proc_schedule.cpp: schedule, park and ready, yielding, exit ---------------
[[noreturn]] void schedule();
void execute(g* gp, bool inheritTime);
void gopark(bool (*unlockf)(g*, void*), void* lock, waitReason reason);
void goparkunlock(mutex* l, waitReason reason);
void goready(g* gp);
void ready(g* gp, bool next);
void Gosched();
void goyield();  // like Gosched, but onto the local run queue (Go's goyield)
[[noreturn]] void Goexit();
extern "C" void goexit1();
void gopreempt_m(g* gp);  // the continuation of a preemption: like Gosched
void wakeNetPoller(int64_t when);

// ---- proc_syscall.cpp ------------------------------------------------------------
void entersyscall();
void entersyscallblock();
void exitsyscall();

// ---- proc_stw.cpp: stopping the world ----------------------------------------
void stopTheWorld(const char* reason);
void startTheWorld();
bool preemptall();
// GOMAXPROCS(n): set when n >= 1 (stopping the world), return the previous value.
int32_t setGOMAXPROCS(int32_t n);

// ---- proc_main.cpp: runtime.main, deadlock detection --------------------------
extern "C" void runtime_main(void*);
// Run by runtime.main when main returns, before it exits: the C++ static
// destructors. Set by pkg/cxx/atexit.cpp on the first registration, so a
// program with none links nothing (Go 1.20's runExitHooks).
extern void (*runExitHooks)();
// Set when main has returned, before the exit hooks run: from then on what
// the destructors release only has to be let go, not checked (freechan).
extern bool mainReturned;
void checkdead();
void incidlelocked(int32_t v);

// ---- procresize.cpp: Ps ------------------------------------------------------
p* procresize(int32_t nprocs);
void acquirep(p* pp);
p* releasep();
p* pidleget();
void pidleput(p* pp);

// ---- sysmon.cpp --------------------------------------------------------------------
void sysmon();
bool preemptone(p* pp);
void schedtrace(bool detail);

// ---- arch/amd64/asm_amd64.S: switching stacks ------------------------------------
extern "C" void goexit();
extern "C" void mcall(void (*fn)(g*));
extern "C" void gogo(gobuf* buf);
extern "C" void systemstack(void (*fn)(void*), void* arg);
extern "C" void asyncPreempt();  // where a preempting signal resumes a goroutine (signal_linux.cpp)

// ---- runq.cpp: per-P run queues -------------------------------------------
void runqput(p* pp, g* gp, bool next);
g* runqget(p* pp, bool* inheritTime);
uint32_t runqgrab(p* pp, g** batch, uint32_t batchHead, bool stealRunNextG);
g* runqsteal(p* pp, p* p2, bool stealRunNextG);
bool runqempty(p* pp);
bool runqputslow(p* pp, g* gp, uint32_t h, uint32_t t);
int32_t runqlen(p* pp);
void globrunqput(g* gp);
void globrunqputhead(g* gp);
void globrunqputbatch(g* const* batch, int32_t n);
g* globrunqget(p* pp, int32_t max);

// ---- sema.cpp --------------------------------------------------------------
void semacquire(uint32_t* addr, bool lifo, waitReason reason);
void semrelease(uint32_t* addr, bool handoff);

// ---- time.cpp, time_add.cpp (timeSleep) ---------------------------------------
// runTimers and moveTimers are called only for a P that holds timers
// (timer0When != 0, timersLen > 0): weak, so that a program that arms no
// timer links no timer heap (RUNTIME_WEAK; addtimer's use of the heap
// links it).
RUNTIME_WEAK int64_t runTimers(p* pp, int64_t now, int64_t next, int64_t* rnow, bool* ran);
RUNTIME_WEAK void moveTimers(p* pp, p* from);

// Run pp's timers that are due; the time of its next timer, 0 if none (Go's
// checkTimers). now is 0 or the current time; *rnow receives the time used.
// Its first test inline, so that a P without timers calls nothing.
inline int64_t checkTimers(p* pp, int64_t now, int64_t* rnow, bool* ran) {
    *ran = false;
    // If it's not yet time for the first timer, there is nothing to do.
    int64_t next = atomic::Load(&pp->timer0When);
    if (next == 0) {
        *rnow = now;
        return 0;
    }
    return runTimers(pp, now, next, rnow, ran);
}
void timeSleep(int64_t ns);

// The earliest time pp's timers want to run, 0 if none (Go's nobarrierWakeTime).
inline int64_t nobarrierWakeTime(p* pp) { return atomic::Load(&pp->timer0When); }

// The earliest time any timer wants to run, INT64_MAX if none (Go's
// timeSleepUntil). Here, not in time.cpp: sysmon calls it timers or not.
inline int64_t timeSleepUntil() {
    int64_t next = INT64_MAX;
    for (int32_t i = 0; i < atomic::Load(&allplen); i++) {
        p* pp = atomic::LoadAcq(&allp[i]);
        if (pp == nullptr) continue;
        int64_t w = atomic::Load(&pp->timer0When);
        if (w != 0 && w < next) next = w;
    }
    return next;
}

// ---- signal_linux.cpp -------------------------------------------------------
void initsig();
void minitSignals();
void preemptM(m* mp);
void printSignalLine(g* gp);
constexpr int sigAbort = 6;                 // SIGABRT
[[noreturn]] void dieFromSignal(int sig);  // die by sig's default action (Go's dieFromSignal)
[[noreturn]] void sigpipe();  // EPIPE on fd 1 or 2: die of SIGPIPE

// ---- traceback.cpp ---------------------------------------------------------
void traceback(uintptr pc, uintptr sp, uintptr bp, g* gp);
void tracebackothers(g* me);
void goroutineheader(g* gp);
void gotraceback(int32_t* level, bool* all, bool* crash);

// ---- symtab.cpp ------------------------------------------------------------
// The source position of pc from .gosymtab's pcfile and pcln tables (Go's
// funcline); *line is 0 where the line table has none.
bool funcline(uintptr pc, char* file, size_t n, int32_t* line);
bool funcname(uintptr pc, char* buf, size_t n, uintptr* entry);  // name written to buf
// The inline tree (Go's _FUNCDATA_InlTree): the innermost inlined call at
// pc (-1: none), and a node's function name, call position and parent.
int32_t funcInlIndex(uintptr pc);
int32_t inlinedCallAt(int32_t ix, char* name, size_t nname, char* file, size_t nfile, int32_t* line);
bool inRuntimeText(uintptr pc);

// ---- runtime1.cpp: the boot trace ---------------------------------------------
// One line per boot step on stderr when GODEBUG=boottrace=1.
bool boottraceEnabled();

}  // namespace runtime
