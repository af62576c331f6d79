// malloc.h — the allocator's internal structures: Go's mspan, mcache,
// mcentral and mheap (malloc.go, mheap.go, mcentral.go, mcache.go), reshaped
// for explicit free instead of a garbage collector. docs/malloc.md is the
// tour; the short version:
//
//   mallocgc(n) ─ small (<= 32 KB) ─> size class ─> the P's mcache free list
//                                          │ empty / too long
//                                          v
//                        mcentral[class]: transfer cache of whole batches,
//                        then spans with free objects   (one lock per class)
//                                          │ no span / span empty again
//                                          v
//               ─ large (> 32 KB) ─> mheap: page runs in 64 MB arenas,
//                                    coalesced on free (one lock)
//
// Lock order: mcache0lock, then at most one of (an mcentral's lock, mheap.lock).
// An mcentral never calls into the heap with its lock held, and vice versa.
#pragma once

#include "runtime.h"
#include "sizeclasses.h"

namespace runtime {

constexpr uintptr pageShift = _PageShift;
constexpr uintptr pageSize = _PageSize;
constexpr uintptr pageMask = pageSize - 1;
// The heap grows by arenas of this much (Go's heapArenaBytes), each one
// reservation plus one mapping: a million small objects are a few arenas,
// not a million mmaps.
constexpr uintptr arenaShift = 26;
constexpr uintptr heapArenaBytes = uintptr(1) << arenaShift;  // 64 MB
constexpr uintptr pagesPerArena = heapArenaBytes / pageSize;
// User addresses on linux/amd64 are below 2^47 (Go's heapAddrBits is 48).
constexpr uintptr heapAddrBits = 47;
constexpr uintptr arenaL1Entries = uintptr(1) << (heapAddrBits - arenaShift);
// Free page runs shorter than this live in exact-size lists (Go 1.11's
// mheap.free); longer ones in one best-fit list.
constexpr uintptr maxMHeapList = 128;
// Freeing a large object at least this big gives its pages back to the OS
// at once (sysUnused); smaller ones stay mapped for reuse.
constexpr uintptr largeReleasePages = (uintptr(1) << 20) / pageSize;
// Free pages the heap keeps resident for reuse: up to the larger of this and
// the peak of pages in use. Beyond that it releases them down to half (Go's
// background scavenger, done inline). Page faults are what a bigger limit
// saves: a program that frees and reallocates its heap should not fault it
// all back in every time.
constexpr uintptr scavengeLimit = uintptr(64) << 20;
// The background scavenger (sysmon) keeps this many dirty free pages beyond a
// tenth of the pages in use, and releases at most scavengeBudgetPages a round.
constexpr uintptr scavengeRetainPages = (uintptr(4) << 20) / pageSize;
constexpr uintptr scavengeBudgetPages = (uintptr(32) << 20) / pageSize;
// Most whole batches an mcentral's transfer cache keeps.
constexpr int tcMaxSlots = 16;

// The first word of a free object links it to the next (Go's gclink).
struct gclink {
    gclink* next;
};

// Span states (Go's mSpanState).
enum : uint8_t {
    mSpanDead = 0,     // not describing memory (on the fixalloc free list)
    mSpanInUse = 1,    // small-object span owned by an mcentral, or a large object
    mSpanFree = 2,     // free pages in mheap.free / freelarge
    mSpanFreeing = 3,  // being released outside the heap lock (a large object, or the scavenger's)
};

struct mspan;

// A doubly linked list of spans (Go's mSpanList). Protected by the lock of
// whatever owns the list.
struct mSpanList {
    mspan* first = nullptr;
    mspan* last = nullptr;
    bool isEmpty() const { return first == nullptr; }
    void insert(mspan* s);  // at the front
    void remove(mspan* s);
};

// A run of pages: either one large object, or many objects of one size class,
// or free pages. Lives in mheap.spanalloc, not in the span's own memory.
//
// While a span is in use the fields the free fast path reads (startAddr,
// spanclass, elemsize, divMul) do not change and freeindex only grows, so
// mfree reads them without a lock: the caller owns an object in the span,
// which keeps the span in use.
struct mspan {
    uintptr startAddr;     // [immutable while in use; mheap.lock] first byte, page aligned
    uint8_t spanclass;     // [immutable while in use; mheap.lock] size class; 0: large or free
    uint8_t state;         // [mheap.lock] mSpan*
    bool needzero;         // [mheap.lock] in use: memory may hold non-zero bytes
    bool inPartial;        // [mcentral.lock] on its mcentral's partial list
    uint32_t elemsize;     // [immutable while in use] object size (class size; 0 for large)
    uint32_t divMul;       // [immutable while in use] class_to_divmagic: offset -> index
    uint32_t nelems;       // [immutable while in use] objects in the span
    uintptr npages;        // [mheap.lock] pages in the span

    mspan* next;           // [lock of the list holding it] (also links emptied spans on their way to the heap)
    mspan* prev;           // [lock of the list holding it]

    // Small-object bookkeeping, [mcentral.lock] of its class.
    gclink* freelist;      // objects given back to the span
    uint32_t freeindex;    // objects at index >= freeindex were never handed out (mfree reads it racily)
    uint32_t allocCount;   // objects out of the span: with users or in mcaches

    // Free spans, [mheap.lock]: an upper bound on the pages that may hold
    // non-zero bytes. 0 means the span reads as zero (fresh or released).
    uintptr ndirty;

    uintptr limit() const { return startAddr + npages * pageSize; }
    bool hasFree() const { return freelist != nullptr || freeindex < nelems; }
};

// Fixed-size object allocator for the allocator's own metadata (Go's
// fixalloc): a free list over chunks from sysAlloc. [mheap.lock]
struct fixalloc {
    uintptr size;
    gclink* list;
    uintptr chunk;   // next free byte in the current chunk
    uintptr nchunk;  // bytes left in it
    uintptr inuse;
    void init(uintptr sz) { size = (sz + 63) & ~uintptr(63); }  // cache-line sized, no false sharing
    void* alloc();   // zeroed
    void free(void* p);
};

// Per-class central free lists (Go's mcentral), plus tcmalloc's transfer
// cache: mcaches trade whole batches of classBatch(c) objects, which move in
// O(1) when the transfer cache has one; otherwise objects come from and go
// back to their spans.
struct alignas(64) mcentral {
    mutex lock;
    uint8_t spanclass;        // [immutable]
    int32_t ntc;              // [lock] batches in tc
    int32_t tcCap;            // [immutable] at most this many (<= tcMaxSlots)
    mSpanList partial;        // [lock] spans with objects to hand out (hasFree)
    gclink* tc[tcMaxSlots];   // [lock] each a null-terminated list of exactly classBatch() objects
    uint64_t nspans;          // [lock] spans taken from the heap and not yet returned

    void init(uint8_t spc);
    // Up to n (>= 1) objects as a list in *head; returns how many.
    uint32_t removeBatch(gclink** head, uint32_t n);
    // Take back n objects; a full batch may go to the transfer cache.
    void insertBatch(gclink* head, uint32_t n);
    // Give objects back to their spans, returning emptied spans to the heap.
    void freeToSpans(gclink* head);
    void drainTransferCache();
    mspan* grow();
};

// One size class's list in an mcache.
struct mcacheList {
    gclink* head;   // [owner]
    uint32_t n;     // [owner] objects on the list
    uint32_t max;   // [owner] above this many, a batch goes back to the mcentral
};

// A per-P cache of free objects (Go's mcache). Only the M holding the P
// touches it, with m->mallocing set, so no locks or atomics. The stand-in
// mcache0, for Ms without a P, is used only under mcache0lock.
struct alignas(64) mcache {
    mcacheList alloc[_NumSizeClasses];  // [owner] free objects by size class
    uint64_t nmalloc;                   // [owner] small objects allocated; read racily by readMemStats
    uint64_t nfree;                     // [owner] small objects freed
    mcache* link;                       // [mheap.lock] on mheap.allmcaches

    void init();
    gclink* refill(uint8_t spc);       // the list for spc is empty: get a batch, return one object
    void releaseBatch(uint8_t spc);    // the list for spc is too long: give a batch back
    void releaseAll();                 // every cached object back to the spans
};

// Per-arena metadata (Go's heapArena): the span of every page in one
// heapArenaBytes arena. Allocated (sysAlloc) when the arena is mapped.
struct heapArena {
    mspan* spans[pagesPerArena];  // [mheap.lock to write; lock-free read for in-use spans]
};

// The page heap (Go's mheap). Memory comes in 64 MB arenas, reserved and
// mapped one (or a few, for a huge object) at a time; arenas[] finds the
// metadata of any address (Go's mheap.arenas with arenaL1Bits = 0).
struct mheap {
    mutex lock;
    bool inited;          // [immutable after mallocinit]
    uintptr mappedBytes;  // [lock] arena bytes mapped from the OS

    mSpanList free[maxMHeapList];  // [lock] free runs of exactly i pages (i >= 1)
    mSpanList freelarge;           // [lock] free runs of >= maxMHeapList pages
    uint64_t freemask[maxMHeapList / 64];  // [lock] bit i: free[i] not empty

    uintptr pagesInUse;   // [lock] pages in in-use spans
    uintptr pagesFree;    // [lock] pages in free spans
    uintptr pagesDirty;   // [lock] sum of ndirty over free spans
    uintptr pagesInUsePeak;  // [lock] high-water mark of pagesInUse (reset by mallocTrim)
    uint64_t largeAllocs; // [lock] large objects allocated
    uint64_t largeFrees;  // [lock] large objects freed
    uint64_t scavenged;   // [lock] pages released by the background scavenger
    uint32_t scavenging;  // [lock] spans the background scavenger is releasing outside the lock
    uint64_t flushedMallocs, flushedFrees;  // [lock] counts of destroyed mcaches

    fixalloc spanalloc;   // [lock] mspans
    fixalloc cachealloc;  // [lock] mcaches
    mcache* allmcaches;   // [lock] every live mcache, for readMemStats

    mcentral central[_NumSizeClasses];  // central[0] unused

    // Every arena's metadata by address >> 26 (arenaL1Entries of them):
    // 16 MB of address space, mapped by the first grow (as Go maps its L2
    // arena index lazily) and resident only where arenas exist; nullptr
    // before. In .bss it made every program need 16 MB of address space
    // before its first instruction (ulimit -v then killed it with a bare
    // SIGSEGV). The pointer and the entries are written once, under lock,
    // before any object in an arena is handed out.
    heapArena** arenas;

    void init();
    mspan* alloc(uintptr npages, uint8_t spanclass);  // locks
    mspan* allocAligned(uintptr npages, uintptr align);  // locks; align: a power of two > pageSize
    void initSpanLocked(mspan* s, uint8_t spanclass);
    void freeHeadLocked(mspan* s, uintptr npages);
    void freeTailLocked(mspan* s, uintptr npages);
    void freeSpans(mspan* list);                       // locks; emptied small spans, linked by next
    mspan* allocSpanLocked(uintptr npages);
    void freeSpanLocked(mspan* s);
    void grow(uintptr npages);
    void insertCoalesce(mspan* s);
    void freeListInsert(mspan* s);
    void freeListRemove(mspan* s);
    mspan* findFree(uintptr npages);
    void setSpans(uintptr base, uintptr npages, mspan* s);
    void scavengeLocked(uintptr goal);
    uintptr scavengeBackground(uintptr budget);  // locks
    mspan* largestDirty();
    void setSpanBounds(mspan* s);
};

extern mheap mheap_;

// The span holding address p, or nullptr if p is in no heap arena (Go's
// spanOf). Exact for pages of in-use spans and the end pages of free ones;
// for the middle of a free span the entry may be stale or null, so callers
// given an arbitrary pointer (mfree) check that the span really holds it.
static inline mspan* spanOf(uintptr p) {
    heapArena** index = mheap_.arenas;
    if (p >> heapAddrBits != 0 || index == nullptr) return nullptr;
    heapArena* ha = index[p >> arenaShift];
    if (ha == nullptr) return nullptr;
    return ha->spans[(p >> pageShift) & (pagesPerArena - 1)];
}

// Objects an mcache trades with its mcentral at once (tcmalloc's
// num_objects_to_move): about 16 KB, between 2 and 64 objects.
static inline constexpr uint32_t classBatch(int spc) {
    uint32_t n = 16384 / class_to_size[spc];
    return n < 2 ? 2 : n > 64 ? 64 : n;
}

// Allocation statistics (approximate: per-P counters are read racily).
struct mstats {
    uint64_t heapSys;      // bytes of arena mapped from the OS
    uint64_t heapInuse;    // bytes in in-use spans (objects, cached free objects, tail waste)
    uint64_t heapObjects;  // mallocs - frees
    uint64_t mallocs;      // objects allocated, small and large
    uint64_t frees;        // objects freed
    uint64_t largeAllocs;  // of the mallocs, objects > 32 KB
    uint64_t heapReleased; // bytes of free arena given back to the OS (or never touched)
};
void readMemStats(mstats* st);

// Give back what the allocator holds for speed: the calling P's cache (other
// Ps' caches belong to them), the P-less cache, every transfer cache; then
// release all free pages to the OS. glibc's malloc_trim; for tests,
// benchmarks and memory-pressure points, not for hot paths.
void mallocTrim();

// The background scavenger's round (sysmon): release free pages the heap no
// longer needs, at most budget pages. Returns the pages released.
uintptr bgscavenge(uintptr budget);

}  // namespace runtime
