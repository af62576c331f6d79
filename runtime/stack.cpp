// stack.cpp — goroutine stacks. Read beside Go's stack.go; docs/stacks.md
// explains the design and why it differs from Go's.
//
// Go copies a goroutine's stack to a bigger one when it runs out, fixing up
// every pointer into it. C++ cannot: any object may hold a pointer to a local.
// So stacks here are segmented, with gcc's -fsplit-stack: every function's
// prologue compares SP with the limit in %fs:0x70 (the M's TLS, mirroring the
// running G's stackguard0, exactly Go's check) and calls __morestack when the
// frame would not fit. __morestack (asm_amd64.S) switches by itself to the
// segment cached after the current one when it fits (the "hot split"'s fast
// path), or asks newstack() below, on g0, for a new segment; the function
// runs there, and when it returns the segment stays cached for next time.
//
//   segment:  [stkseg header][  StackGuard  ][ frames ... ]
//             ^base          ^lo             ^lo+StackGuard = stackguard0    ^hi
//
// The StackGuard bytes below the guard are where gcc's prologue lets a small
// frame reach past the check (up to 256 bytes), plus __morestack's own frame,
// plus assembly and vDSO leaf code that has no prologue.
//
// A goroutine's stack is the sum of its active segments; beyond maxstacksize
// (1 GB, Go's limit; GODEBUG=maxstack=N to change) it is a fatal stack
// overflow, never a write into someone else's memory: a segment is only ever
// entered through the check.
//
// Preemption rides the same check (as in Go): stackguard0 = stackPreempt
// makes the next prologue enter newstack, which reschedules the goroutine if
// it is safe to.
#include "print.h"
#include "runtime.h"
#include "trace.h"
#include "sys_linux.h"

namespace runtime {

// What __morestack saves below its frame (MSR_* in asm_offsets.h).
struct morestack_record {
    uintptr rdi, rsi, rdx, rcx, r8, r9, rax;
    uintptr framesize;  // %r10: bytes the function's frame needs
    uintptr argsize;    // %r11: bytes of stack arguments to copy
    uintptr newsp;      // out: where the function's frame goes
    uintptr newseg;     // out: 1 if newsp is on a new segment
    uintptr retaddr;    // the prologue's return address: the function is retaddr+1
    unsigned char xmm[8][16];
    uintptr pad;
};
static_assert(offsetof(morestack_record, rdi) == MSR_RDI);
static_assert(offsetof(morestack_record, rsi) == MSR_RSI);
static_assert(offsetof(morestack_record, rdx) == MSR_RDX);
static_assert(offsetof(morestack_record, rcx) == MSR_RCX);
static_assert(offsetof(morestack_record, r8) == MSR_R8);
static_assert(offsetof(morestack_record, r9) == MSR_R9);
static_assert(offsetof(morestack_record, rax) == MSR_RAX);
static_assert(offsetof(morestack_record, framesize) == MSR_R10);
static_assert(offsetof(morestack_record, argsize) == MSR_R11);
static_assert(offsetof(morestack_record, newsp) == MSR_NEWSP);
static_assert(offsetof(morestack_record, newseg) == MSR_NEWSEG);
static_assert(offsetof(morestack_record, retaddr) == MSR_RETADDR);
static_assert(offsetof(morestack_record, xmm) == MSR_XMM);
static_assert(sizeof(morestack_record) == MSR_SIZE);

// gcc's split-stack prologue lets frames below this size skip the
// subtraction: they may end this far below the guard (SPLIT_STACK_AVAILABLE).
constexpr uintptr splitStackAvailable = 256;
static_assert(MORESTACK_EXTRA == splitStackAvailable + 64);
// The biggest segment: beyond it, deep stacks grow linearly.
constexpr uintptr maxSegment = 8 << 20;

// ---- The stack allocator (Go's stackpool and stackcache) ---------------------
//
// Segments are not allocated with malloc: a goroutine may overflow its
// segment while inside malloc, and the new segment must not depend on the
// allocator state it interrupted. Small segments (2 KB .. 32 KB, one list per
// power-of-two order) come from a per-P cache, refilled from global pools
// that carve 256 KB chunks from the OS; bigger ones are mmap'd one by one.
// Every allocation and free runs on the system stack (g0), so the allocator
// itself never needs a new segment.
constexpr int numStackOrders = 5;                   // 2K, 4K, 8K, 16K, 32K
constexpr uintptr stackCacheSize = 32 * 1024;       // bytes per order per P (Go's _StackCacheSize)
constexpr uintptr stackChunk = 256 * 1024;          // carved into segments of one order

struct stackpoolList {
    stkseg* head;    // freed segments, linked through stkseg.next
    uint32_t n;
    uintptr carve;   // the rest of the current chunk, not yet handed out:
    uintptr carveEnd;  // carved one segment at a time, so untouched memory stays untouched
    uint32_t chunks;   // chunks mapped so far
};
static constinit mutex stackpoolLock{};
static constinit stackpoolList stackpool[numStackOrders]{};  // [stackpoolLock]

static_assert(StackMin << (numStackOrders - 1) == 32 * 1024, "orders are 2 KB .. 32 KB");
static_assert(sizeof(((p*)nullptr)->stackcache) / sizeof(((p*)nullptr)->stackcache[0]) == numStackOrders);

static int stackorder(uintptr n) {
    int order = 0;
    for (uintptr sz = StackMin; sz < n; sz <<= 1) order++;
    return order;
}

static stkseg* seginit(void* mem, uintptr n) {
    auto* s = (stkseg*)mem;
    s->prev = nullptr;
    s->next = nullptr;
    s->lo = (uintptr)mem + sizeof(stkseg);
    s->hi = (uintptr)mem + n;
    s->total = n;
    return s;
}

static uintptr segsize(const stkseg* s) { return s->hi - ((uintptr)s); }

// Take a segment of the given order from the global pool (stackpoolLock
// held): a freed one, or the next one of the current chunk.
static stkseg* stackpoolalloc(int order) {
    stackpoolList* l = &stackpool[order];
    if (stkseg* s = l->head) {
        l->head = s->next;
        l->n--;
        return s;
    }
    uintptr size = StackMin << order;
    if (l->carve == l->carveEnd) {
        l->carve = (uintptr)sysAllocChunk(stackChunk, &l->chunks, "goroutine stacks");
        l->carveEnd = l->carve + stackChunk;
    }
    auto* s = (stkseg*)l->carve;
    l->carve += size;
    return s;
}

static void stackpoolfree(stkseg* s, int order) {
    s->next = stackpool[order].head;
    stackpool[order].head = s;
    stackpool[order].n++;
}

// Refill pp's cache of one order to half its size (Go's stackcacherefill).
static void stackcacherefill(p* pp, int order) {
    uintptr size = StackMin << order;
    lock(&stackpoolLock);
    while (pp->stackcache[order].n * size < stackCacheSize / 2) {
        stkseg* s = stackpoolalloc(order);
        s->next = pp->stackcache[order].list;
        pp->stackcache[order].list = s;
        pp->stackcache[order].n++;
    }
    unlock(&stackpoolLock);
}

// Give half of pp's cache of one order back (Go's stackcacherelease).
static void stackcacherelease(p* pp, int order) {
    uintptr size = StackMin << order;
    lock(&stackpoolLock);
    while (pp->stackcache[order].n * size > stackCacheSize / 2) {
        stkseg* s = pp->stackcache[order].list;
        pp->stackcache[order].list = s->next;
        pp->stackcache[order].n--;
        stackpoolfree(s, order);
    }
    unlock(&stackpoolLock);
}

// A segment of at least n bytes (header included). On the system stack.
static stkseg* segalloc_g0(uintptr n) {
    if (getg() != getg()->m->g0) throw_("stackalloc not on g0");
    if (n > (StackMin << (numStackOrders - 1))) {
        n = (n + physPageSize - 1) & ~(physPageSize - 1);
        void* mem = sysAlloc(n);
        if (mem == nullptr) throw_("out of memory (stack)");
        return seginit(mem, n);
    }
    int order = stackorder(n);
    p* pp = getg()->m->p;
    if (pp == nullptr) {
        // No P (e.g. exitsyscall before it gets one back): use the pool directly.
        lock(&stackpoolLock);
        stkseg* s = stackpoolalloc(order);
        unlock(&stackpoolLock);
        return seginit(s, StackMin << order);
    }
    if (pp->stackcache[order].list == nullptr) stackcacherefill(pp, order);
    stkseg* s = pp->stackcache[order].list;
    pp->stackcache[order].list = s->next;
    pp->stackcache[order].n--;
    return seginit(s, StackMin << order);
}

static void segfree_g0(stkseg* s) {
    uintptr n = segsize(s);
    if (n > (StackMin << (numStackOrders - 1))) {
        sysFree(s, n);
        return;
    }
    int order = stackorder(n);
    p* pp = getg()->m->p;
    if (pp == nullptr) {
        lock(&stackpoolLock);
        stackpoolfree(s, order);
        unlock(&stackpoolLock);
        return;
    }
    if (pp->stackcache[order].n * n >= stackCacheSize) stackcacherelease(pp, order);
    s->next = pp->stackcache[order].list;
    pp->stackcache[order].list = s;
    pp->stackcache[order].n++;
}

void stackinit() {
    static_assert(StackMin >= sizeof(stkseg) + StackGuard + 512, "the first segment must have room for frames");
}

// A base segment for a new goroutine (Go's stackalloc).
stkseg* stackalloc(uintptr n) {
    if (n < StackMin) n = StackMin;
    struct args {
        uintptr n;
        stkseg* s;
    } a{n, nullptr};
    systemstack([](void* v) { ((args*)v)->s = segalloc_g0(((args*)v)->n); }, &a);
    return a.s;
}

// Free a chain of cached segments starting at s (on the system stack).
static void freechain_g0(stkseg* s) {
    while (s != nullptr) {
        stkseg* next = s->next;
        segfree_g0(s);
        s = next;
    }
}

// A goroutine that parks keeps the segments it is on and the one cached
// after them (the hot split's), and gives back any deeper ones: a goroutine
// that once ran deep does not hold that memory while it waits. Go shrinks
// a stack at garbage collection, to half when a quarter is used; there is
// no collector here, and parking is where a goroutine's stack is idle.
// Called by park_m on g0, before gp can be readied and run elsewhere.
void shrinkstack(g* gp) {
    stkseg* next = gp->stkseg->next;
    if (next == nullptr || next->next == nullptr) return;
    freechain_g0(next->next);
    next->next = nullptr;
}

// A dead goroutine keeps only its base segment (gfput), ready for reuse.
void stackfreeall(g* gp) {
    // Most goroutines never leave their first segment: then there is
    // nothing to do, and the segment header (a cache line at the other end
    // of the stack) stays untouched.
    if (!gp->stkextra) return;
    gp->stkextra = false;
    stkseg* s = gp->stkseg;
    if (s == nullptr) return;
    while (s->prev != nullptr) s = s->prev;
    if (s->next != nullptr) systemstack([](void* v) { freechain_g0((stkseg*)v); }, s->next);
    s->next = nullptr;
    gp->stkseg = s;
    gp->stack.lo = s->lo;
    gp->stack.hi = s->hi;
    gp->stackguard0 = s->lo + StackGuard;
    // Blocks from __morestack_allocate_stack_space die with the goroutine.
    while (gp->dynstack != nullptr) {
        void* next = *(void**)gp->dynstack;
        mfree(gp->dynstack);
        gp->dynstack = next;
    }
}

// Release every cached segment of a P that is going away (procresize).
void stackcacheflush(p* pp) {
    lock(&stackpoolLock);
    for (int order = 0; order < numStackOrders; order++) {
        while (stkseg* s = pp->stackcache[order].list) {
            pp->stackcache[order].list = s->next;
            stackpoolfree(s, order);
        }
        pp->stackcache[order].n = 0;
    }
    unlock(&stackpoolLock);
}

// The fatal error for a goroutine whose stack would exceed maxstacksize.
[[noreturn]] static void stackOverflow(g* gp, morestack_record* r, uintptr total) {
    print("runtime: goroutine stack exceeds ", maxstacksize, "-byte limit\n");
    print("runtime: sp=", hex((uintptr)r), " stack=[", hex(gp->stack.lo), ", ", hex(gp->stack.hi), "]\n");
    (void)total;
    // Go's throw from newstack: on g0, so the dump starts with g0's
    // "runtime stack:", then gp (m.curg) and every other goroutine.
    throw_("stack overflow");
}

// The segment to switch to for a frame that needs `need` bytes, reusing the
// cached one when it is big enough. Segments cached beyond it stay: a loop
// that crosses at two depths keeps both (shrinkstack lets them go when the
// goroutine parks).
static stkseg* nextSegment(g* gp, morestack_record* r, uintptr need) {
    stkseg* cur = gp->stkseg;
    stkseg* next = cur->next;
    if (next == nullptr || next->hi - next->lo < need + StackGuard) {
        freechain_g0(next);
        cur->next = nullptr;
        uintptr size = segsize(cur) * 2;
        uintptr min = need + StackGuard + sizeof(stkseg);
        while (size < min) size *= 2;
        if (size > maxSegment) size = maxSegment > min ? maxSegment : min;
        if (cur->total + size > maxstacksize) stackOverflow(gp, r, cur->total + size);
        next = segalloc_g0(size);
    }
    next->prev = cur;
    next->total = cur->total + segsize(next);
    if (next->total > maxstacksize) stackOverflow(gp, r, next->total);
    cur->next = next;
    return next;
}

// How many times newstack put a frame on another segment: the crossing's
// slow path (the trip to g0), which __morestack's fast path avoids. Ours,
// not Go's; no API shows it: test/programs/testutil.h reads it
// (t::newstackSwitches) to check that a repeated crossing stays on the fast
// path.
uint64_t newstackSwitches;  // [atomic]

// Can the goroutine running on mp be preempted right now (Go's canPreemptM)?
static bool canPreemptM(m* mp) {
    return mp->locks == 0 && mp->mallocing == 0 && mp->p != nullptr && mp->p->status == _Prunning;
}

// Called from __morestack through mcall, on g0: decide where the function
// that failed its stack check runs, honouring a preemption request on the
// way (Go's newstack). Resumes gp with gogo; never returns.
extern "C" void newstack(g* gp) {
    m* mp = getg()->m;
    if (mp->curg != gp) throw_("runtime: newstack called from a goroutine that is not curg");
    auto* r = (morestack_record*)gp->sched.sp;

    bool preempt = atomic::Load(&gp->stackguard0) == stackPreempt;
    if (preempt) {
        if (!canPreemptM(mp) || readgstatus(gp) != _Grunning) {
            // Let the goroutine keep running for now (it holds runtime
            // locks or is allocating). gp->preempt stays set, and unlock,
            // releasem and the allocator re-arm the request (rearmPreempt)
            // once it is safe.
            atomic::Store(&gp->stackguard0, gp->stack.lo + StackGuard);
            preempt = false;
        } else {
            // Act like the goroutine called Gosched. When it runs again,
            // __morestack finds newsp == 0 and asks once more.
            if (traceOn()) traceGoPreempt(tracePreemptStack);
            gopreempt_m(gp);  // never returns
        }
    }

    // Does the function still fit on this segment (below the record, where
    // __morestack will put it)? With a preemption request pending, the check
    // failed only because of the poisoned guard.
    uintptr need = r->framesize + r->argsize + MORESTACK_EXTRA;  // as __morestack's fast path
    uintptr sp = (uintptr)r;
    if (sp > gp->stack.lo + StackGuard + need) {
        r->newsp = sp;
        r->newseg = 0;
        gogo(&gp->sched);
    }

    stkseg* s = nextSegment(gp, r, need);
    atomic::Xadd(&newstackSwitches, 1);
    gp->stkextra = true;
    gp->stkseg = s;
    gp->stack.lo = s->lo;
    gp->stack.hi = s->hi;
    if (!preempt) atomic::Store(&gp->stackguard0, s->lo + StackGuard);
    r->newsp = s->hi;
    r->newseg = 1;
    gogo(&gp->sched);
}

// gcc calls this for alloca/VLAs that do not fit below the guard: the space
// comes from the heap and lives until the goroutine exits (as libgcc keeps it
// until the thread exits).
extern "C" void* __morestack_allocate_stack_space(size_t size) {
    g* gp = getg();
    gp->stkextra = true;  // so that stackfreeall releases the block
    auto* blk = (void**)mallocgc(size + 16, false);
    blk[0] = gp->dynstack;
    gp->dynstack = blk;
    return (char*)blk + 16;
}

// ---- Fatal errors reached from assembly ---------------------------------------

// A system stack (g0 or gsignal, fixed size) overflowed. Reached from
// __morestack on what is left of that stack: print little, exit.
extern "C" [[noreturn]] void morestackg0(uintptr sp, g* gp) {
    bool gsignal = gp == gp->m->gsignal;
    print("runtime: morestack on ", gsignal ? "gsignal" : "g0", ": sp=", hex(sp), " stack=[", hex(gp->stack.lo), ", ",
          hex(gp->stack.hi), "]\n");
    if (gsignal) writeErr("fatal error: morestack on gsignal\n", 34);
    else writeErr("fatal error: morestack on g0\n", 29);
    exit(2);
}

extern "C" [[noreturn]] void badmcall() { throw_("runtime: mcall called on m->g0 stack"); }
extern "C" [[noreturn]] void badmcall2() { throw_("runtime: mcall function returned"); }
extern "C" [[noreturn]] void badsystemstack() { throw_("systemstack called from unexpected goroutine"); }

}  // namespace runtime
