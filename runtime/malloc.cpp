// malloc.cpp — the allocator's entry points (Go's malloc.go): mallocinit,
// mallocgc, mfree and friends. docs/malloc.md explains the design.
//
// Small objects (<= 32 KB) come from the current P's mcache: a pop from the
// size class's free list, a push on free. That path takes no lock and does no
// atomic operation; it only marks the M as mallocing so the scheduler does
// not preempt the goroutine (and move it to another P) halfway through.
//
// An M without a P (boot before procresize, sysmon, an M in a system call)
// uses mcache0 under mcache0lock instead: the same code, serialised (Go's
// mcache0 serves only the boot; here it serves every P-less M).
//
// Large objects (> 32 KB) are spans of their own, straight from mheap.
#include "malloc.h"

namespace runtime {

namespace {
constinit mcache mcache0{};   // [mcache0lock] the cache of Ms without a P
constinit mutex mcache0lock{};

// Pop an object of class spc from c, refilling from the mcentral when empty.
[[gnu::always_inline]] inline gclink* cacheAlloc(mcache* c, uint8_t spc) {
    mcacheList* l = &c->alloc[spc];
    gclink* x = l->head;
    if (__builtin_expect(x != nullptr, 1)) {
        l->head = x->next;
        l->n--;
    } else {
        x = c->refill(spc);
    }
    c->nmalloc++;
    return x;
}

// Push x (of class spc) on c, handing a batch back when the list is long.
[[gnu::always_inline]] inline void cacheFree(mcache* c, uint8_t spc, gclink* x) {
    mcacheList* l = &c->alloc[spc];
    if (__builtin_expect(x == l->head, 0)) throw_("double free");  // the cheap, common case
    x->next = l->head;
    l->head = x;
    if (__builtin_expect(++l->n > l->max, 0)) c->releaseBatch(spc);
    c->nfree++;
}

// The P's mcache, or nullptr when the M has none.
[[gnu::always_inline]] inline mcache* getMCache(m* mp) {
    p* pp = mp->p;
    return pp != nullptr ? pp->mcache : nullptr;
}

// Enter/leave the non-preemptible allocator section. The signal fences keep
// the compiler from moving cache accesses outside it (the preemption signal
// arrives on this thread, so no hardware fence is needed).
[[gnu::always_inline]] inline void acquireMallocing(m* mp) {
    if (__builtin_expect(mp->mallocing != 0, 0)) throw_("malloc deadlock");
    mp->mallocing++;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
}
[[gnu::always_inline]] inline void releaseMallocing(g* gp, m* mp) {
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    mp->mallocing--;
    // A preemption request that arrived meanwhile was deferred (newstack
    // leaves a mallocing M alone): re-arm it, as unlock does for m->locks.
    if (__builtin_expect(atomic::LoadRelaxed(&gp->preempt), 0) && mp->locks == 0) rearmPreempt(gp);
}

[[noreturn, gnu::noinline, gnu::cold]] void badFree() { throw_("free of invalid pointer"); }

[[gnu::noinline]] gclink* mallocNoP(uint8_t spc) {
    if (!mheap_.inited) mallocinit();  // only before schedinit: one thread
    lock(&mcache0lock);
    gclink* x = cacheAlloc(&mcache0, spc);
    unlock(&mcache0lock);
    return x;
}

[[gnu::noinline]] void freeNoP(uint8_t spc, gclink* x) {
    lock(&mcache0lock);
    cacheFree(&mcache0, spc, x);
    unlock(&mcache0lock);
}

// Go's mallocgc small-object path, for a class already chosen.
[[gnu::always_inline]] inline void* mallocSmall(uint8_t spc, bool needzero) {
    g* gp = getg();
    m* mp = gp->m;
    acquireMallocing(mp);  // before reading m->p: from here on the P stays ours
    mcache* c = getMCache(mp);
    gclink* x;
    if (__builtin_expect(c != nullptr, 1)) {
        x = cacheAlloc(c, spc);
        releaseMallocing(gp, mp);
    } else {
        releaseMallocing(gp, mp);
        x = mallocNoP(spc);
    }
    // The first word held the list link; the rest may be an old object's.
    if (needzero) __builtin_memset(x, 0, class_to_size[spc]);
    return x;
}

// Go's largeAlloc: a span of its own, page aligned, or align aligned when
// that is more.
[[gnu::noinline]] void* largeAlloc(size_t n, bool needzero, size_t align = pageSize) {
    if (!mheap_.inited) mallocinit();
    // More than a process's address space (x86-64 user space is 2^47 bytes;
    // Go's maxAlloc): fail before asking the OS, which under qemu-user can
    // take very long to refuse. Also keeps npages from overflowing.
    if (n > (uintptr(1) << 47)) {
        printlock();
        printstring("runtime: out of memory: cannot allocate ");
        printuint(n);
        printstring("-byte block\n");
        printunlock();
        throw_("out of memory");
    }
    uintptr npages = (n + pageMask) >> pageShift;
    mspan* s = align > pageSize ? mheap_.allocAligned(npages, align) : mheap_.alloc(npages, 0);
    // Fresh or released pages read as zero already.
    if (needzero && s->needzero) __builtin_memset((void*)s->startAddr, 0, npages * pageSize);
    return (void*)s->startAddr;
}

// Free a large object. Big ones go back to the OS outside the heap lock:
// the span is marked mSpanFreeing so a racing double free still sees it.
void freeLarge(mspan* s, uintptr a) {
    mheap* h = &mheap_;
    lock(&h->lock);
    // Pages already free: this pointer was most likely freed before.
    if (s->state == mSpanFree || s->state == mSpanFreeing) throw_("double free");
    if (s->state != mSpanInUse || s->spanclass != 0 || s->startAddr != a) badFree();
    h->largeFrees++;
    if (s->npages >= largeReleasePages) {
        s->state = mSpanFreeing;
        unlock(&h->lock);
        sysUnused((void*)s->startAddr, s->npages * pageSize);
        lock(&h->lock);
        s->ndirty = 0;
    } else {
        s->ndirty = s->npages;
    }
    h->freeSpanLocked(s);
    unlock(&h->lock);
}

// Everything mfree's fast path does not handle: nullptr, foreign pointers,
// large objects, pointers into free pages.
[[gnu::noinline]] void freeSlow(void* v, mspan* s) {
    if (v == nullptr) return;
    if (s == nullptr) badFree();
    freeLarge(s, (uintptr)v);  // checks, under the lock, that s is a large object
}
}  // namespace

void mallocinit() {
    mheap* h = &mheap_;
    if (h->inited) return;  // idempotent (host tests call it per test)
    static_assert(sizeof(gclink) <= 8, "the smallest class must hold a free-list link");
    static_assert((pageSize & (pageSize - 1)) == 0);
    h->init();
    for (int c = 1; c < _NumSizeClasses; c++) h->central[c].init((uint8_t)c);
    mcache0.init();
    mcache0.link = h->allmcaches;
    h->allmcaches = &mcache0;
}

void* mallocgc(size_t n, bool needzero) {
    if (__builtin_expect(n <= _MaxSmallSize, 1)) return mallocSmall(sizeToClass(n), needzero);
    return largeAlloc(n, needzero);
}

void* mallocAligned(size_t n, size_t align, bool needzero) {
    if (align == 0 || (align & (align - 1)) != 0) throw_("mallocAligned: alignment is not a power of two");
    // mallocgc already gives 8, and 16 from 16 bytes up.
    if (align <= 8 || (align == 16 && n >= 16)) return mallocgc(n, needzero);
    if (n < align) n = align;  // above 2^47 too: largeAlloc reports it
    if (n > _MaxSmallSize || align > pageSize) return largeAlloc(n, needzero, align);
    // Spans are page aligned, so objects of a class whose size is a multiple
    // of align are aligned. Powers of two up to 32 KB are all classes, so
    // the search stops.
    uint8_t spc = sizeToClass(n);
    while (class_to_size[spc] % align != 0) spc++;
    return mallocSmall(spc, needzero);
}

void mfree(void* v) {
    uintptr a = (uintptr)v;
    mspan* s = spanOf(a);  // nullptr for v == nullptr too: it is outside the arena
    if (__builtin_expect(s == nullptr || s->spanclass == 0, 0)) return freeSlow(v, s);
    // Reject pointers into the middle of an object ((off * divMul) >> 32 is
    // off / elemsize for every offset inside a span) or to one never handed
    // out (freeindex only grows while the span is in use).
    uintptr off = a - s->startAddr;
    uintptr idx = (off * s->divMul) >> 32;
    if (__builtin_expect(idx * s->elemsize != off || idx >= atomic::LoadRelaxed(&s->freeindex), 0)) badFree();
    uint8_t spc = s->spanclass;
    g* gp = getg();
    m* mp = gp->m;
    acquireMallocing(mp);
    mcache* c = getMCache(mp);
    if (__builtin_expect(c == nullptr, 0)) {
        releaseMallocing(gp, mp);
        return freeNoP(spc, (gclink*)v);
    }
    cacheFree(c, spc, (gclink*)v);
    releaseMallocing(gp, mp);
}

size_t mallocUsableSize(void* v) {
    mspan* s = spanOf((uintptr)v);
    if (s == nullptr || s->state != mSpanInUse) return 0;
    return s->spanclass != 0 ? s->elemsize : s->npages * pageSize;
}

void mallocTrim() {
    g* gp = getg();
    m* mp = gp->m;
    acquireMallocing(mp);
    if (mcache* c = getMCache(mp)) c->releaseAll();
    releaseMallocing(gp, mp);
    lock(&mcache0lock);
    mcache0.releaseAll();
    unlock(&mcache0lock);
    mheap* h = &mheap_;
    for (int c = 1; c < _NumSizeClasses; c++) h->central[c].drainTransferCache();
    lock(&h->lock);
    // A span the background scavenger took off the free lists is released
    // outside the lock: wait for it, so that everything free is back with
    // the OS when FreeOSMemory returns (RSS measured right after must show it).
    while (h->scavenging != 0) {
        unlock(&h->lock);
        osyield();
        lock(&h->lock);
    }
    h->scavengeLocked(0);
    h->pagesInUsePeak = h->pagesInUse;
    unlock(&h->lock);
}

uintptr bgscavenge(uintptr budget) {
    if (!mheap_.inited) return 0;
    return mheap_.scavengeBackground(budget);
}

void readMemStats(mstats* st) {
    mheap* h = &mheap_;
    lock(&h->lock);
    uint64_t mallocs = h->flushedMallocs + h->largeAllocs;
    uint64_t frees = h->flushedFrees + h->largeFrees;
    for (mcache* c = h->allmcaches; c != nullptr; c = c->link) {  // racy reads of owner counters
        mallocs += c->nmalloc;
        frees += c->nfree;
    }
    st->heapSys = h->mappedBytes;
    st->heapInuse = (uint64_t)h->pagesInUse * pageSize;
    st->heapReleased = (uint64_t)(h->pagesFree - h->pagesDirty) * pageSize;
    st->mallocs = mallocs;
    st->frees = frees;
    st->heapObjects = mallocs >= frees ? mallocs - frees : 0;
    st->largeAllocs = h->largeAllocs;
    unlock(&h->lock);
}

}  // namespace runtime
