// mheap.cpp — the page heap (Go's mheap.go), plus fixalloc (mfixalloc.go).
//
// The heap hands out runs of 8 KB pages (spans). Memory comes in 64 MB
// arenas, each reserved (sysReserve, trimmed to 64 MB alignment) and mapped
// (sysMap) when the heap runs out of free pages, as Go does. A page's span is
// found through two tables: mheap.arenas[addr >> 26] gives the arena's
// heapArena, whose spans[] has one entry per page. Reserving arenas on demand
// rather than one huge range up front keeps the address space small, which
// matters under qemu-user: it keeps a descriptor for every reserved page.
//
// Free runs are kept the way Go did before 1.12 (mheap.free[] and freelarge):
// exact-size lists for runs under 128 pages, found in O(1) through a bitmap,
// and one best-fit list for longer runs. Freed runs merge with free
// neighbours at once (also across arenas that happen to be adjacent), so the
// heap never holds two adjacent free spans.
//
// Every page of every arena belongs to exactly one span, free or in use. As
// in Go, spans[] names the span for every page of an in-use span, but only
// for the first and last page of a free one (all coalescing needs): a fresh
// 64 MB arena then costs two table writes, not 8,192 (16 pages of the table
// the OS would have to fault in).
//
// Returning memory: freed spans stay mapped ("dirty") for quick reuse. A freed
// large object of at least 1 MB is released (sysUnused) right away. When
// dirty free pages pass max(scavengeLimit, peak pages in use), the heap
// releases them down to half that (Go's scavenger does this in the
// background, paced). Released pages read as zero, so allocating them needs
// no memset: ndirty tracks this.
#include "malloc.h"

namespace runtime {

constinit mheap mheap_{};

namespace {
constexpr uintptr fixallocChunk = 64 << 10;

inline uintptr alignUp(uintptr n, uintptr a) { return (n + a - 1) & ~(a - 1); }

// The heap could not get an arena of ask bytes: Go's message (which gives
// the arena's size, not the request's), then which step failed.
[[noreturn]] void outOfMemory(uintptr ask, const char* step) {
    printlock();
    printstring("runtime: out of memory: cannot allocate ");
    printuint(ask);
    printstring("-byte block (");
    printuint((uint64_t)mheap_.pagesInUse * pageSize);
    printstring(" in use): ");
    printstring(step);
    printnl();
    printunlock();
    throw_("out of memory");
}
}  // namespace

// ---- mSpanList ---------------------------------------------------------------

void mSpanList::insert(mspan* s) {
    s->prev = nullptr;
    s->next = first;
    if (first != nullptr) first->prev = s;
    else last = s;
    first = s;
}

void mSpanList::remove(mspan* s) {
    if (s->prev != nullptr) s->prev->next = s->next;
    else first = s->next;
    if (s->next != nullptr) s->next->prev = s->prev;
    else last = s->prev;
    s->next = s->prev = nullptr;
}

// ---- fixalloc ----------------------------------------------------------------

void* fixalloc::alloc() {
    if (list != nullptr) {
        gclink* v = list;
        list = v->next;
        __builtin_memset(v, 0, size);
        inuse += size;
        return v;
    }
    if (nchunk < size) {
        chunk = (uintptr)sysAllocOrDie(fixallocChunk, "allocator metadata");  // zeroed
        nchunk = fixallocChunk;
    }
    void* v = (void*)chunk;
    chunk += size;
    nchunk -= size;
    inuse += size;
    return v;
}

void fixalloc::free(void* p) {
    gclink* v = (gclink*)p;
    v->next = list;
    list = v;
    inuse -= size;
}

// ---- the heap ----------------------------------------------------------------

// Nothing is reserved until the first allocation needs an arena.
void mheap::init() {
    spanalloc.init(sizeof(mspan));
    cachealloc.init(sizeof(mcache));
    inited = true;
}

void mheap::setSpans(uintptr base, uintptr npages, mspan* s) {
    for (uintptr a = base, end = base + npages * pageSize; a < end; a += pageSize)
        arenas[a >> arenaShift]->spans[(a >> pageShift) & (pagesPerArena - 1)] = s;
}

// A free span: only its first and last pages need to name it.
void mheap::setSpanBounds(mspan* s) {
    setSpans(s->startAddr, 1, s);
    setSpans(s->limit() - pageSize, 1, s);
}

void mheap::freeListInsert(mspan* s) {
    uintptr n = s->npages;
    if (n < maxMHeapList) {
        free[n].insert(s);
        freemask[n / 64] |= uint64_t(1) << (n % 64);
    } else {
        freelarge.insert(s);
    }
}

void mheap::freeListRemove(mspan* s) {
    uintptr n = s->npages;
    if (n < maxMHeapList) {
        free[n].remove(s);
        if (free[n].isEmpty()) freemask[n / 64] &= ~(uint64_t(1) << (n % 64));
    } else {
        freelarge.remove(s);
    }
}

// The smallest free run of at least npages: the first non-empty exact list,
// else best fit (lowest address on ties) among the long runs.
mspan* mheap::findFree(uintptr npages) {
    if (npages < maxMHeapList) {
        for (uintptr w = npages / 64; w < maxMHeapList / 64; w++) {
            uint64_t bits = freemask[w];
            if (w == npages / 64) bits &= ~uint64_t(0) << (npages % 64);
            if (bits != 0) return free[w * 64 + (uintptr)__builtin_ctzll(bits)].first;
        }
    }
    mspan* best = nullptr;
    for (mspan* s = freelarge.first; s != nullptr; s = s->next) {
        if (s->npages < npages) continue;
        if (best == nullptr || s->npages < best->npages ||
            (s->npages == best->npages && s->startAddr < best->startAddr))
            best = s;
    }
    return best;
}

// Map new arenas holding at least npages and add them as one free span.
// The reservation is over-sized by one arena so it can be trimmed to 64 MB
// alignment: then each arena is exactly one arenas[] slot.
void mheap::grow(uintptr npages) {
    uintptr ask = alignUp(npages * pageSize, heapArenaBytes);
    if (arenas == nullptr) arenas = (heapArena**)sysAllocOrDie(sizeof(heapArena*) * arenaL1Entries, "the heap arena index");
    uintptr v = (uintptr)sysReserve(ask + heapArenaBytes);
    if (v == 0) outOfMemory(ask + heapArenaBytes, "cannot reserve address space for a heap arena");
    uintptr base = alignUp(v, heapArenaBytes);
    if (base > v) sysFree((void*)v, base - v);
    if (v + heapArenaBytes > base) sysFree((void*)(base + ask), v + heapArenaBytes - base);
    if ((base + ask) >> heapAddrBits != 0 || !sysMap((void*)base, ask)) outOfMemory(ask, "cannot map a heap arena");
    for (uintptr a = base; a < base + ask; a += heapArenaBytes)
        arenas[a >> arenaShift] = (heapArena*)sysAllocOrDie(sizeof(heapArena), "heap arena metadata");
    mappedBytes += ask;
    mspan* s = (mspan*)spanalloc.alloc();
    s->startAddr = base;
    s->npages = ask >> pageShift;
    s->state = mSpanFree;
    s->ndirty = 0;  // fresh mmap reads as zero
    setSpanBounds(s);
    pagesFree += s->npages;
    insertCoalesce(s);
}

// Put free span s (already counted in pagesFree/pagesDirty) on a free list,
// merged with free neighbours.
void mheap::insertCoalesce(mspan* s) {
    // Merge a (left) and b (right) into the mspan of the bigger one; the
    // result is free, so only its ends need to name it.
    auto merge = [this](mspan* a, mspan* b) {
        mspan* keep = a->npages >= b->npages ? a : b;
        mspan* gone = keep == a ? b : a;
        keep->startAddr = a->startAddr;
        keep->npages = a->npages + b->npages;
        keep->ndirty = a->ndirty + b->ndirty;
        setSpanBounds(keep);
        gone->state = mSpanDead;
        spanalloc.free(gone);
        return keep;
    };
    mspan* l = spanOf(s->startAddr - 1);  // nullptr: no arena there
    if (l != nullptr && l->state == mSpanFree) {
        freeListRemove(l);
        s = merge(l, s);
    }
    mspan* r = spanOf(s->limit());
    if (r != nullptr && r->state == mSpanFree) {
        freeListRemove(r);
        s = merge(s, r);
    }
    freeListInsert(s);
}

// Take npages from the smallest free run that fits (growing the arena if none
// does). The front becomes the new in-use span (every page names it); the
// rest stays free under the old mspan, whose first page now needs naming.
mspan* mheap::allocSpanLocked(uintptr npages) {
    mspan* s;
    while ((s = findFree(npages)) == nullptr) grow(npages);
    freeListRemove(s);
    pagesFree -= s->npages;
    pagesDirty -= s->ndirty;
    if (s->npages > npages) {
        mspan* t = (mspan*)spanalloc.alloc();
        t->startAddr = s->startAddr;
        t->npages = npages;
        t->needzero = s->ndirty > 0;  // we do not know which pages were dirty
        s->startAddr += npages * pageSize;
        s->npages -= npages;
        if (s->ndirty > s->npages) s->ndirty = s->npages;  // still > 0 if it was
        pagesFree += s->npages;
        pagesDirty += s->ndirty;
        setSpans(t->startAddr, npages, t);
        setSpanBounds(s);
        freeListInsert(s);  // its neighbours did not change: no merge
        s = t;
    } else {
        s->needzero = s->ndirty > 0;
        s->ndirty = 0;
        setSpans(s->startAddr, s->npages, s);  // it was free: only its ends were named
    }
    s->state = mSpanInUse;
    pagesInUse += npages;
    if (pagesInUse > pagesInUsePeak) pagesInUsePeak = pagesInUse;
    return s;
}

// Give the first npages of in-use span s back as a free span of their own
// (s keeps the rest). Their dirtiness is unknown, as for any piece of s.
void mheap::freeHeadLocked(mspan* s, uintptr npages) {
    mspan* h = (mspan*)spanalloc.alloc();
    h->startAddr = s->startAddr;
    h->npages = npages;
    h->ndirty = s->needzero ? npages : 0;
    s->startAddr += npages * pageSize;
    s->npages -= npages;
    setSpanBounds(h);
    freeSpanLocked(h);
}

// Give the pages of s past its first npages back as a free span of their own.
void mheap::freeTailLocked(mspan* s, uintptr npages) {
    mspan* t = (mspan*)spanalloc.alloc();
    t->startAddr = s->startAddr + npages * pageSize;
    t->npages = s->npages - npages;
    t->ndirty = s->needzero ? t->npages : 0;
    s->npages = npages;
    setSpanBounds(t);
    freeSpanLocked(t);
}

// A span of npages starting at a multiple of align (a power of two above
// the page size), for over-aligned large objects (C++'s aligned new; Go
// never needs more than page alignment). Over-allocate by align - one page,
// then give back the pages before the aligned start and after the end.
mspan* mheap::allocAligned(uintptr npages, uintptr align) {
    runtime::lock(&lock);
    mspan* s = allocSpanLocked(npages + align / pageSize - 1);
    uintptr head = (alignUp(s->startAddr, align) - s->startAddr) >> pageShift;
    if (head > 0) freeHeadLocked(s, head);
    if (s->npages > npages) freeTailLocked(s, npages);
    initSpanLocked(s, 0);
    runtime::unlock(&lock);
    return s;
}

// Allocate a span of npages for size class spanclass (0: one large object).
mspan* mheap::alloc(uintptr npages, uint8_t spanclass) {
    runtime::lock(&lock);
    mspan* s = allocSpanLocked(npages);
    initSpanLocked(s, spanclass);
    runtime::unlock(&lock);
    return s;
}

// Ready a freshly allocated span for spanclass (0: one large object).
void mheap::initSpanLocked(mspan* s, uint8_t spanclass) {
    uintptr npages = s->npages;
    s->spanclass = spanclass;
    s->freelist = nullptr;
    s->freeindex = 0;
    s->allocCount = 0;
    s->inPartial = false;
    if (spanclass != 0) {
        s->elemsize = class_to_size[spanclass];
        s->divMul = class_to_divmagic[spanclass];
        s->nelems = (uint32_t)(npages * pageSize / s->elemsize);
    } else {
        s->elemsize = 0;
        s->divMul = 0;
        s->nelems = 1;
        largeAllocs++;
    }
}

// s is in use; the caller set s->ndirty.
void mheap::freeSpanLocked(mspan* s) {
    s->state = mSpanFree;
    s->spanclass = 0;  // mfree's fast path now sends stale pointers to the checks
    pagesInUse -= s->npages;
    pagesFree += s->npages;
    pagesDirty += s->ndirty;
    insertCoalesce(s);
    uintptr keep = scavengeLimit / pageSize;
    if (keep < pagesInUsePeak) keep = pagesInUsePeak;
    if (pagesDirty > keep) scavengeLocked(keep / 2);
}

// Return emptied small-object spans (linked through next) to the heap.
void mheap::freeSpans(mspan* list) {
    if (list == nullptr) return;
    runtime::lock(&lock);
    while (list != nullptr) {
        mspan* s = list;
        list = s->next;
        s->ndirty = s->npages;
        freeSpanLocked(s);
    }
    runtime::unlock(&lock);
}

// The background scavenger's step (Go's bgscavenge, run by sysmon here):
// release dirty free pages beyond a tenth of the pages in use (Go's
// retainExtraPercent) plus scavengeRetainPages, longest runs first, at most
// budget pages. The madvise runs outside the heap lock: the span leaves the
// free lists (mSpanFreeing, as freeLarge does) meanwhile, so allocation and
// coalescing go on around it. Returns the pages released.
uintptr mheap::scavengeBackground(uintptr budget) {
    uintptr released = 0;
    runtime::lock(&lock);
    while (released < budget && pagesDirty > pagesInUse / 10 + scavengeRetainPages) {
        mspan* s = largestDirty();
        if (s == nullptr) break;
        freeListRemove(s);
        s->state = mSpanFreeing;
        scavenging++;
        runtime::unlock(&lock);
        sysUnused((void*)s->startAddr, s->npages * pageSize);
        runtime::lock(&lock);
        released += s->ndirty;
        pagesDirty -= s->ndirty;
        s->ndirty = 0;
        s->state = mSpanFree;
        scavenging--;
        insertCoalesce(s);
    }
    scavenged += released;
    runtime::unlock(&lock);
    return released;
}

// The free span with dirty pages on the longest-run list, or nullptr.
mspan* mheap::largestDirty() {
    for (mspan* s = freelarge.first; s != nullptr; s = s->next)
        if (s->ndirty != 0) return s;
    for (uintptr n = maxMHeapList - 1; n > 0; n--)
        for (mspan* s = free[n].first; s != nullptr; s = s->next)
            if (s->ndirty != 0) return s;
    return nullptr;
}

// Release dirty free pages to the OS, longest runs first, until at most goal
// remain. Runs under the heap lock, but only when the limit is crossed (or
// from mallocTrim).
void mheap::scavengeLocked(uintptr goal) {
    auto release = [this, goal](mSpanList* l) {
        for (mspan* s = l->first; s != nullptr; s = s->next) {
            if (s->ndirty == 0) continue;
            sysUnused((void*)s->startAddr, s->npages * pageSize);
            pagesDirty -= s->ndirty;
            s->ndirty = 0;
            if (pagesDirty <= goal) return true;
        }
        return false;
    };
    if (release(&freelarge)) return;
    for (uintptr n = maxMHeapList - 1; n > 0; n--)
        if (release(&free[n])) return;
}

}  // namespace runtime
