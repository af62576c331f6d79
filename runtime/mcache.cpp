// mcache.cpp — per-P caches of free objects (Go's mcache.go).
//
// Each P owns one mcache: one singly linked free list per size class. The
// fast paths in malloc.cpp pop and push these lists with no lock and no
// atomic; this file holds the slow paths, which trade batches with the
// mcentral: refill when a list is empty, releaseBatch when it holds more
// than max (two batches: a P that frees what it allocates never reaches
// either), releaseAll when the P goes away.
#include "malloc.h"

namespace runtime {

void mcache::init() {
    for (int c = 1; c < _NumSizeClasses; c++) alloc[c].max = 2 * classBatch(c);
}

// Go's refill: the list for spc is empty. Fetch a batch from the mcentral,
// keep all but one, return that one.
gclink* mcache::refill(uint8_t spc) {
    gclink* head;
    uint32_t n = mheap_.central[spc].removeBatch(&head, classBatch(spc));
    mcacheList* l = &alloc[spc];
    l->head = head->next;
    l->n = n - 1;
    return head;
}

// The list for spc is over max: hand its first classBatch objects (the most
// recently freed) to the mcentral. Taking them from the head needs no tail
// pointer, and the walk touches objects that are likely still in cache.
void mcache::releaseBatch(uint8_t spc) {
    mcacheList* l = &alloc[spc];
    uint32_t n = classBatch(spc);
    gclink* first = l->head;
    gclink* last = first;
    for (uint32_t i = 1; i < n; i++) last = last->next;
    l->head = last->next;
    l->n -= n;
    last->next = nullptr;
    mheap_.central[spc].insertBatch(first, n);
}

// Every cached object back to its span (not the transfer cache: a P that
// goes away should let its spans go back to the heap).
void mcache::releaseAll() {
    for (int c = 1; c < _NumSizeClasses; c++) {
        mcacheList* l = &alloc[c];
        if (l->head == nullptr) continue;
        mheap_.central[c].freeToSpans(l->head);
        l->head = nullptr;
        l->n = 0;
    }
}

mcache* allocmcache() {
    mheap* h = &mheap_;
    lock(&h->lock);
    mcache* c = (mcache*)h->cachealloc.alloc();
    c->init();
    c->link = h->allmcaches;
    h->allmcaches = c;
    unlock(&h->lock);
    return c;
}

// The P owning c is being destroyed (procresize): its objects go back to
// the central lists and its counts to the heap's totals.
void freemcache(mcache* c) {
    c->releaseAll();
    mheap* h = &mheap_;
    lock(&h->lock);
    h->flushedMallocs += c->nmalloc;
    h->flushedFrees += c->nfree;
    for (mcache** pc = &h->allmcaches; *pc != nullptr; pc = &(*pc)->link) {
        if (*pc == c) {
            *pc = c->link;
            break;
        }
    }
    h->cachealloc.free(c);
    unlock(&h->lock);
}

}  // namespace runtime
