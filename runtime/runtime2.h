// runtime2.h — the runtime's central data structures: g, m, p and schedt.
//
// Read beside Go's src/runtime/runtime2.go. The names are Go's; the fields are
// the subset this runtime needs, plus what C++ needs in place of what Go's
// compiler does for it (callee-saved registers in gobuf, segmented stacks).
//
// Every field that more than one thread can touch says what protects it:
//   [sched.lock]  the global scheduler lock
//   [owner]       only the M that holds this P / runs this G touches it
//   [atomic]      accessed only with atomic operations
//   [immutable]   written once before the structure is published
//
// There is no garbage collector: memory is freed explicitly (malloc.h).
// Go names its stop-the-world machinery after the collector, its main user:
// sched.gcwaiting, gcstopm, _Pgcstop. Those names are kept so the code reads
// beside Go's; here they serve the one stop-the-world there is, changing
// GOMAXPROCS (proc_stw.cpp).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "../arch/amd64/asm_offsets.h"
#include "atomic.h"
#include "stubs.h"

namespace go::detail {
struct Defer;
}

namespace runtime {

using uintptr = uintptr_t;

struct g;
struct m;
struct p;
struct sudog;
struct hchan;
struct mcache;
struct timer;
struct stkseg;
struct asyncsave;
struct traceBuf;

// ---------------------------------------------------------------------------
// Goroutine status (Go's _G* constants, same numbers).
//
// Ownership, as in Go: whoever moved a G into a state owns it there.
//   _Gidle      just allocated, not yet initialised; owned by its creator.
//   _Grunnable  on a run queue, not running; owned by the queue (stealable).
//   _Grunning   running user code on an M that holds a P; owned by that M.
//   _Gsyscall   in a system call; the M owns the G but not (for long) the P.
//   _Gwaiting   parked (chan, sleep, sema, select...); owned by whatever will
//               goready it (a channel's wait queue, a timer, a semaphore).
//   _Gdead      exited or never used; on a free list; owned by that list.
// All changes go through casgstatus(), which aborts on an illegal transition.
enum : uint32_t {
    _Gidle = 0,
    _Grunnable = 1,
    _Grunning = 2,
    _Gsyscall = 3,
    _Gwaiting = 4,
    _Gdead = 6,
};

// P status (Go's _P* constants).
//   _Pidle     on the idle list sched.pidle, owned by sched.lock.
//   _Prunning  owned by exactly one M (p.m), which is running G code or the scheduler.
//   _Psyscall  its M is in a system call; sysmon or a spinning M may take it (CAS).
//   _Pgcstop   held by the stop-the-world initiator (GOMAXPROCS changes).
//   _Pdead     no longer used (GOMAXPROCS shrank); kept so pointers stay valid.
enum : uint32_t {
    _Pidle = 0,
    _Prunning = 1,
    _Psyscall = 2,
    _Pgcstop = 3,
    _Pdead = 4,
};

// Why a goroutine is parked; printed by tracebacks as Go 1.19 prints it
// (sync.Mutex, RWMutex and WaitGroup all wait in "semacquire", as in 1.19;
// the sync.Mutex.Lock-style reasons are Go 1.20's).
enum class waitReason : uint8_t {
    zero = 0,
    chanReceiveNilChan,
    chanSendNilChan,
    selectNoCases,
    select_,
    chanReceive,
    chanSend,
    sleep,
    semacquire,
    panicWait,
    preempted,
    debugCall,
    IOWait,
    count_,
};
const char* waitReasonString(waitReason r);

// ---------------------------------------------------------------------------
// Runtime locks (lock_futex.cpp). key: 0 unlocked, 1 locked, 2 locked with sleepers.
struct mutex {
    uint32_t key = 0;  // [atomic]
};

// A lock that never sleeps in the kernel (lock_futex.cpp; ours, not Go's):
// for critical sections a few dozen instructions long that no thread can
// block inside, such as a channel's. key: 0 unlocked, 1 locked. With no
// sleepers to find, unlock is a plain store instead of a locked exchange.
struct spinmutex {
    uint32_t key = 0;  // [atomic]
};

// A one-shot event for parking Ms (lock_futex.cpp): notesleep / notewakeup.
struct note {
    uint32_t key = 0;  // [atomic] 0: not signalled, 1: signalled
};

// ---------------------------------------------------------------------------
struct stack {
    uintptr lo;  // lowest usable address of the current segment
    uintptr hi;  // one past its highest address
};

// The saved state of a goroutine that is not running. Only callee-saved
// registers are here: every switch happens at a call (mcall, morestack)
// where the C ABI lets the others die. An asynchronously preempted goroutine
// additionally keeps its other registers on its stack and its x87/SSE/AVX
// state in g.asyncsave (asyncPreempt, asm_amd64.S).
struct gobuf {
    uintptr sp;
    uintptr pc;
    struct g* g;
    uintptr ctxt;  // passed in %rdi on gogo: the argument of a goroutine's entry
    uintptr bp;
    uintptr rbx, r12, r13, r14, r15;
};

// A stack segment's header, at its lowest address (stack.cpp explains the design).
struct stkseg {
    stkseg* prev;   // older segment (the caller's); nullptr for the base segment
    stkseg* next;   // a newer segment kept after return, so a call at the boundary
                    // does not allocate every time (the "hot split")
    uintptr lo;     // usable bounds, as copied into g.stack
    uintptr hi;
    uintptr total;  // bytes of this segment and all older ones: the goroutine's stack size
};

// ---------------------------------------------------------------------------
// A g waiting on something: a channel (in a channel's send or receive queue)
// or a semaphore (in a semaRoot). One g may wait on many (select), and one
// channel may have many waiting gs, so the relation needs its own record
// (Go's sudog). sudogs are cached per P (acquireSudog/releaseSudog).
struct sudog {
    struct g* g;          // the waiting goroutine
    sudog* next;          // [queue's lock] wait queue links
    sudog* prev;
    void* elem;           // [queue's lock] the data element (may point into g's stack)
    uint32_t ticket;      // sema: handoff granted
    bool isSelect;        // waiting in a select: may be woken by another case
    bool success;         // channel: woken by a value (true) or by close (false)
    sudog* waitlink;      // g.waiting list (select), or the rest of a semaphore's queue
    sudog* waittail;      // semaphore: last of the queue
    struct hchan* c;      // channel
};

// ---------------------------------------------------------------------------
struct g {
    // The first three cache lines hold what creating, scheduling, parking and
    // exiting a goroutine touch; a goroutine's G often moves between CPUs, so
    // every line counts. Offsets read by assembly are in asm_offsets.h.
    struct stack stack;    // [owner] current segment
    uintptr stackguard0;   // [atomic] stack.lo+StackGuard, or stackPreempt to ask for preemption
    struct m* m;           // [owner] the M running this G, or nullptr
    gobuf sched;           // [owner] saved registers while not running
    struct stkseg* stkseg; // [owner] the segment stack.lo/hi describe
    uint32_t atomicstatus; // [atomic] _G*; change only with casgstatus
    bool preempt;          // [atomic] preemption requested
    bool selectDone;       // [atomic] a select case already won (select.cpp)
    bool isSystem;         // [immutable] runtime goroutine, not counted by NumGoroutine or checkdead
    bool stkextra;         // [owner] segments beyond the base one may exist (stack.cpp)
    int64_t goid;          // [immutable while alive]
    g* schedlink;          // [the queue holding it] next in a run queue or free list
    void* param;           // [handoff] set by the waker before goready (chan, select)
    sudog* waiting;        // [owner] sudogs this G is waiting on, in lock order
    void* entryarg;        // [immutable while alive] argument of the goroutine's function (the closure)
    uintptr gopc;          // [immutable while alive] pc of the go statement that created it
    int64_t parentGoid;    // [immutable while alive] goid of the goroutine that created this one
    waitReason waitreason; // [owner] why parked (valid in _Gwaiting)
    bool asyncSafePoint;   // [owner] stopped at an async preemption point

    // Colder: set up once, or used by rare paths.
    uintptr stackguard1;   // [owner] limit for C code on system stacks (g0/gsignal), as in Go
    struct asyncsave* asyncsave;  // [owner] register save area for async preemption (lazily allocated)
    uintptr startpc;       // [immutable while alive] pc of the goroutine's function
    struct timer* timer;   // [owner] cached timer for time.Sleep
    uintptr syscallsp;     // [owner] sp at entersyscall, for traceback
    uintptr syscallpc;     // [owner] pc at entersyscall
    uint32_t sig;          // [owner] the signal that made this G panic
    int32_t cerrno;        // [owner] C's errno (pkg/libc/errno.cpp): per goroutine, as C keeps it per thread
    uintptr sigcode0, sigcode1, sigpc;  // [owner] its si_code, fault address and pc
    g* alllink;            // [allglock] on allgs, in creation order
    void* dynstack;        // [owner] blocks from __morestack_allocate_stack_space
    go::detail::Defer* _defer;  // [owner] actions Goexit runs, innermost first (go.h)
    // The sudog of this G's blocking single-channel operations (chanpark).
    // Ours: Go takes one from the P's cache each time; a G blocks on at most
    // one plain channel operation at once, and its waker is done with the
    // sudog before the G can run again. select and semaphores, which may need
    // several, still use acquireSudog.
    sudog chansg;          // [the channel's lock while enqueued, else owner]
};

// Stack pointer poisoning value: makes every split-stack prologue fail so the
// goroutine enters morestack, where a pending preemption is honoured.
constexpr uintptr stackPreempt = STACK_PREEMPT;
constexpr uintptr StackGuard = STACK_GUARD;

// ---------------------------------------------------------------------------
struct m {
    // Read by assembly: keep in sync with asm_offsets.h (checked below).
    g* g0;                      // [immutable] goroutine with the scheduling stack
    g* gsignal;                 // [immutable] goroutine whose stack runs signal handlers
    g* curg;                    // [owner] current running goroutine
    uintptr tls[TLS_SLOTS];     // [owner] FS points at tls[1]; tls[0] is getg()

    void (*mstartfn)();         // [immutable] run by mstart1 before schedule (sysmon, ...)
    struct p* p;                // [owner] attached P, or nullptr
    struct p* nextp;            // [handoff] P to acquire when the M starts/wakes
    struct p* oldp;             // [owner] P held before entering a syscall
    int64_t id;                 // [immutable]
    int32_t mallocing;          // [owner] inside the allocator
    int32_t throwing;           // [owner] in a fatal error
    int32_t locks;              // [owner] runtime locks held; no preemption while > 0
    int32_t dying;              // [owner] fatal error depth
    int32_t printlock;          // [owner] recursion count of printlock
    bool spinning;              // [owner, counted in sched.nmspinning] looking for work
    bool blocked;               // [owner] parked on park note
    uint64_t fastrand;          // [owner] per-M random state (wyrand)
    note park;                  // [owner sleeps; anyone wakes] where an idle M sleeps
    m* alllink;                 // [sched.lock] on allm
    m* schedlink;               // [sched.lock] on sched.midle
    int32_t procid;             // [immutable after minit] kernel thread id
    uintptr waitlock;           // [owner] gopark: lock to release after parking
    bool (*waitunlockf)(g*, void*);  // [owner] gopark: callback run on g0 after parking
    uint32_t preemptGen;        // [atomic] async preemptions of this M's goroutines (diagnostics)
    uint32_t signalPending;     // [atomic] a preemption signal is in flight
    int64_t syscalltick;
    // Buffer used by print.cpp between printlock and printunlock.
    uint32_t printlen;
    char printbuf[256];
};

// ---------------------------------------------------------------------------
// A list of Gs linked through g.schedlink. Not synchronized by itself.
struct gList {
    g* head = nullptr;
    bool empty() const { return head == nullptr; }
    void push(g* gp);
    g* pop();
};

// A FIFO of Gs kept as pointers in a ring that grows by doubling (runq.cpp;
// the global run queue). Go links its global queue through g.schedlink; a
// ring of pointers lets a batch move between it and a P's ring without
// touching the Gs, whose cache lines are usually another CPU's. Its memory
// comes straight from the OS, so any M may grow it, with or without a P.
// Not synchronized by itself.
struct gRing {
    g** buf = nullptr;
    uint32_t cap = 0;   // a power of two, or 0 before the first push
    uint32_t head = 0;  // buf[head % cap] is the first G; head and tail only grow
    uint32_t tail = 0;  // buf[(tail-1) % cap] is the last
    bool empty() const { return head == tail; }
    uint32_t size() const { return tail - head; }
    void pushBack(g* gp);
    void pushFront(g* gp);
    g* popFront();
    g* at(uint32_t i) const { return buf[(head + i) & (cap - 1)]; }  // i < size()
};

constexpr int runqSize = 256;  // Go's len(p.runq)

struct p {
    int32_t id;                 // [immutable]
    uint32_t status;            // [atomic] _P*
    p* link;                    // [sched.lock] on sched.pidle
    uint32_t schedtick;         // [owner writes, sysmon reads atomically] incremented on every scheduler call
    uint32_t syscalltick;       // [owner] incremented on every system call
    struct { uint32_t schedtick; int64_t schedwhen; uint32_t syscalltick; int64_t syscallwhen; }
        sysmontick;             // [sysmon] last tick observed by sysmon
    struct m* m;                // [owner] back-link to the M, nullptr when idle
    struct mcache* mcache;      // [owner] the allocator's per-P cache

    // The local run queue (runq.cpp). Lock-free: only the owner writes runqtail
    // and runnext-from-nonzero; thieves CAS runqhead; runnext is CAS'd by both.
    uint32_t runqhead;          // [atomic]
    uint32_t runqtail;          // [atomic, written by owner only]
    g* runq[runqSize];          // [slots published by runqtail release]
    g* runnext;                 // [atomic] G readied by the current G, runs next
    uint32_t runnexttick;       // [owner writes, thieves read atomically] runnext Gs the owner took

    // Dead Gs with stacks, for reuse (Go's gFree). An array, like
    // sudogcache, rather than Go's list through g.schedlink: moving Gs
    // between this cache and sched.gFree copies pointers and never touches
    // the Gs, whose lines are usually in another CPU's cache.
    g* gFree[64];               // [owner] gFree[gFreeCount-1] is the next to reuse
    int32_t gFreeCount;         // [owner]

    sudog* sudogcache[128];     // [owner] Go's sudogcache
    int32_t sudogcount;         // [owner]

    // Timers (time.cpp): a 4-ary heap ordered by when.
    spinmutex timersLock;       // held for a few heap operations, never across a timer function
    struct timerWhen* timers;   // [timersLock] the heap: {timer, its when} slots
    int32_t timersLen;          // [timersLock]
    int32_t timersCap;          // [timersLock]
    int64_t timer0When;         // [atomic] when of the earliest timer, 0 if none

    bool preempt;               // [atomic] set when this P should enter the scheduler ASAP

    uint64_t goidcache;         // [owner] goroutine IDs handed out in batches from sched.goidgen
    uint64_t goidcacheend;

    // Free stack segments by size order (stack.cpp; Go's mcache.stackcache).
    struct {
        stkseg* list;           // [owner, used only on the system stack]
        uint32_t n;
    } stackcache[5];

    struct traceBuf* tracebuf;  // [owner] the execution tracer's buffer (trace.cpp)
};

// The global scheduler state (Go's schedt).
struct schedt {
    uint64_t goidgen;           // [atomic]
    int64_t lastpoll;           // [atomic] time of last network poll, 0 if currently polling
    int64_t pollUntil;          // [atomic] time to which current poll is sleeping

    mutex lock;

    // Idle Ms.
    m* midle;                   // [lock]
    int32_t nmidle;             // [lock]
    int32_t nmidlelocked;       // [lock]
    int64_t mnext;              // [lock] number of Ms created and next M ID
    int32_t maxmcount;          // [lock] maximum number of Ms allowed (or die)
    int32_t nmsys;              // [lock] system Ms not counted for deadlock (sysmon)


    p* pidle;                   // [lock] idle Ps
    uint32_t npidle;            // [atomic, written under lock]
    uint32_t nmspinning;        // [atomic]
    uint32_t needspinning;      // [atomic]

    gRing runq;                 // [lock] global runnable queue
    int32_t runqsize;           // [lock] to write; lock-free reads are hints (Gosched, findRunnable)

    // Global cache of dead Gs (Go's sched.gFree): a stack of pointers that
    // Ps fill and drain in batches of gFreeBatch.
    struct {
        mutex lock;
        g** stack;              // [gFree.lock] grown by doubling, never shrunk
        int32_t n;              // [gFree.lock to write; lock-free reads are hints]
        int32_t cap;            // [gFree.lock]
    } gFree;

    // Central cache of sudogs.
    mutex sudoglock;
    sudog* sudogcache;          // [sudoglock]

    uint32_t gcwaiting;         // [atomic] stop-the-world requested
    int32_t stopwait;           // [lock]
    note stopnote;
    uint32_t sysmonwait;        // [atomic]
    note sysmonnote;


    mutex sysmonlock;
};

// ---------------------------------------------------------------------------
// Globals (proc.cpp).
extern "C" {
extern m m0;
extern g g0;
}
extern m* allm;                 // [sched.lock] all Ms, linked by alllink
// Go 1.19 has no limit (allp is a slice it reallocates). Ours is a fixed
// array so that it never moves under lock-free readers; 16384 entries cost
// 128 KB of untouched BSS. A larger GOMAXPROCS is reduced to this, with a
// message (schedinit, setGOMAXPROCS).
constexpr int32_t MaxGomaxprocs = 16384;
// Every P ever created, indexed by id. The array never moves and Ps are never
// freed (a P beyond gomaxprocs is _Pdead), so other threads may read it
// without a lock, as Go's stealers and sysmon read allp.
extern p* allp[MaxGomaxprocs];  // [written under sched.lock with the world stopped]
extern int32_t allplen;         // [same] number of valid entries (== gomaxprocs)
extern int32_t gomaxprocs;      // [set under stop-the-world]
extern int32_t ncpu;            // [immutable after osinit]
extern schedt sched;
extern bool mainStarted;
extern uintptr maxstacksize;    // [immutable after runtime.main] Go's maxstacksize
extern g* allgs_head;           // [allglock to append; readers walk it without the lock]
extern mutex allglock;

// Ask the running goroutine gp (the caller's own g) to enter the scheduler at
// its next function call: poison its guard, and the TLS mirror of it that the
// split-stack prologues read. Used where a deferred preemption request is
// re-armed (unlock, releasem, the allocator).
static inline void rearmPreempt(g* gp) {
    __atomic_store_n(&gp->stackguard0, stackPreempt, __ATOMIC_SEQ_CST);
#ifndef GO_HOSTED
    asm volatile("movq %0, %%fs:%c1" : : "r"(stackPreempt), "i"(TLS_STACKGUARD) : "memory");
#endif
}

// Keep the C++ layout and asm_offsets.h in agreement.
static_assert(offsetof(stack, lo) == STACK_LO);
static_assert(offsetof(stack, hi) == STACK_HI);
static_assert(offsetof(gobuf, sp) == GOBUF_SP);
static_assert(offsetof(gobuf, pc) == GOBUF_PC);
static_assert(offsetof(gobuf, g) == GOBUF_G);
static_assert(offsetof(gobuf, ctxt) == GOBUF_CTXT);
static_assert(offsetof(gobuf, bp) == GOBUF_BP);
static_assert(offsetof(gobuf, rbx) == GOBUF_RBX);
static_assert(offsetof(gobuf, r12) == GOBUF_R12);
static_assert(offsetof(gobuf, r13) == GOBUF_R13);
static_assert(offsetof(gobuf, r14) == GOBUF_R14);
static_assert(offsetof(gobuf, r15) == GOBUF_R15);
static_assert(sizeof(gobuf) == GOBUF_SIZE);
static_assert(offsetof(g, stack) == G_STACK);
static_assert(offsetof(g, stackguard0) == G_STACKGUARD0);
static_assert(offsetof(g, stackguard1) == G_STACKGUARD1);
static_assert(offsetof(g, m) == G_M);
static_assert(offsetof(g, sched) == G_SCHED);
static_assert(offsetof(g, stkseg) == G_STKSEG);
static_assert(offsetof(g, preempt) == G_PREEMPT && sizeof(((g*)nullptr)->preempt) == 1);
static_assert(offsetof(g, asyncsave) == G_ASYNCSAVE);
static_assert(offsetof(g, asyncSafePoint) < 192, "the hot fields of g fit in three cache lines");
static_assert(offsetof(m, g0) == M_G0);
static_assert(offsetof(m, gsignal) == M_GSIGNAL);
static_assert(offsetof(m, curg) == M_CURG);
static_assert(offsetof(m, tls) == M_TLS);
static_assert(offsetof(stkseg, prev) == STKSEG_PREV);
static_assert(offsetof(stkseg, next) == STKSEG_NEXT);
static_assert(offsetof(stkseg, lo) == STKSEG_LO);
static_assert(offsetof(stkseg, hi) == STKSEG_HI);
static_assert(offsetof(stkseg, total) == STKSEG_TOTAL);
static_assert(sizeof(stkseg) == STKSEG_SIZE);
static_assert(TLS_STACKGUARD / 8 + 1 < TLS_SLOTS, "the split-stack guard slot must lie inside m.tls");

}  // namespace runtime
