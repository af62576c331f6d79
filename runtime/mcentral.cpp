// mcentral.cpp — the central free lists, one per size class (Go's
// mcentral.go), shaped like tcmalloc's central cache because objects are
// freed explicitly rather than swept.
//
// An mcache talks to its mcentral only in batches of classBatch(c) objects:
// removeBatch when its list runs dry, insertBatch when its list grows too
// long. A full batch coming back is parked whole in the transfer cache (tc)
// and handed whole to the next mcache that asks: for the common
// "allocate on one P, free on another" pattern, objects cross Ps in O(1) per
// batch. Otherwise objects go back to their own spans (found through spans[]),
// and a span whose objects have all come back returns to the heap.
//
// Go's mcentral hands whole spans to mcaches, and the GC's sweeper finds the
// free objects later. Without a GC, the objects a P frees are in its list,
// not in a span bitmap, hence the per-object lists.
//
// The lock is never held across a call into the heap: grow() drops it, and
// emptied spans are collected and returned after unlocking.
#include "malloc.h"

namespace runtime {

void mcentral::init(uint8_t spc) {
    spanclass = spc;
    ntc = 0;
    // Keep at most ~128 KB per class parked in the transfer cache.
    uint32_t batchBytes = classBatch(spc) * class_to_size[spc];
    uint32_t slots = (128u << 10) / batchBytes;
    tcCap = slots < 1 ? 1 : slots > (uint32_t)tcMaxSlots ? tcMaxSlots : (int32_t)slots;
}

// A fresh span for this class from the heap. Called without c.lock.
mspan* mcentral::grow() { return mheap_.alloc(class_to_allocnpages[spanclass], spanclass); }

// Move up to want objects from span s onto *list: first the ones given back,
// then never-used ones, carved in address order. [c.lock]
static uint32_t takeFromSpan(mcentral* c, mspan* s, gclink** list, uint32_t want) {
    uint32_t k = 0;
    while (k < want && s->freelist != nullptr) {
        gclink* x = s->freelist;
        s->freelist = x->next;
        x->next = *list;
        *list = x;
        k++;
    }
    uint32_t carve = s->nelems - s->freeindex;
    if (carve > want - k) carve = want - k;
    if (carve > 0) {
        uintptr size = s->elemsize;
        uintptr first = s->startAddr + s->freeindex * size;
        for (uint32_t i = 0; i + 1 < carve; i++) ((gclink*)(first + i * size))->next = (gclink*)(first + (i + 1) * size);
        ((gclink*)(first + (carve - 1) * size))->next = *list;
        *list = (gclink*)first;
        atomic::StoreRelaxed(&s->freeindex, s->freeindex + carve);  // mfree reads it without the lock
        k += carve;
    }
    s->allocCount += k;
    if (!s->hasFree()) {
        c->partial.remove(s);
        s->inPartial = false;
    }
    return k;
}

uint32_t mcentral::removeBatch(gclink** head, uint32_t n) {
    runtime::lock(&lock);
    if (ntc > 0 && n == classBatch(spanclass)) {
        *head = tc[--ntc];
        runtime::unlock(&lock);
        return n;
    }
    gclink* list = nullptr;
    uint32_t got = 0;
    while (got < n) {
        mspan* s = partial.first;
        if (s == nullptr) {
            if (got > 0) break;  // a short batch is fine; don't grow for it
            runtime::unlock(&lock);
            s = grow();
            runtime::lock(&lock);
            nspans++;
            partial.insert(s);
            s->inPartial = true;
            continue;
        }
        got += takeFromSpan(this, s, &list, n - got);
    }
    runtime::unlock(&lock);
    *head = list;
    return got;
}

// Objects back to their spans. Spans this empties are pushed on *empty
// (linked through next) for the caller to give to the heap after unlocking.
// [c.lock]
static void freeToSpansLocked(mcentral* c, gclink* head, mspan** empty) {
    while (head != nullptr) {
        gclink* x = head;
        head = x->next;
        // mfree validated x; these catch a corrupted list (use after free).
        mspan* s = spanOf((uintptr)x);
        if (s == nullptr || s->state != mSpanInUse || s->spanclass != c->spanclass) throw_("free of invalid pointer");
        if (s->allocCount == 0) throw_("double free");
        x->next = s->freelist;
        s->freelist = x;
        if (!s->inPartial) {
            c->partial.insert(s);
            s->inPartial = true;
        }
        if (--s->allocCount == 0) {
            c->partial.remove(s);
            s->inPartial = false;
            s->freelist = nullptr;
            s->next = *empty;
            *empty = s;
            c->nspans--;
        }
    }
}

void mcentral::insertBatch(gclink* head, uint32_t n) {
    runtime::lock(&lock);
    if (n == classBatch(spanclass) && ntc < tcCap) {
        tc[ntc++] = head;
        runtime::unlock(&lock);
        return;
    }
    mspan* empty = nullptr;
    freeToSpansLocked(this, head, &empty);
    runtime::unlock(&lock);
    mheap_.freeSpans(empty);
}

void mcentral::freeToSpans(gclink* head) {
    runtime::lock(&lock);
    mspan* empty = nullptr;
    freeToSpansLocked(this, head, &empty);
    runtime::unlock(&lock);
    mheap_.freeSpans(empty);
}

// Empty the transfer cache into the spans (mallocTrim).
void mcentral::drainTransferCache() {
    mspan* empty = nullptr;
    runtime::lock(&lock);
    while (ntc > 0) freeToSpansLocked(this, tc[--ntc], &empty);
    runtime::unlock(&lock);
    mheap_.freeSpans(empty);
}

}  // namespace runtime
