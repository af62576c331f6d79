// mem_linux.cpp — the runtime's only source of memory: anonymous mmap.
// Go's mem_linux.go: sysAlloc, sysFree, sysUnused, sysReserve, sysMap.
// Everything else (allocator, stacks, Ms) builds on these.
#include "runtime.h"
#include "sys_linux.h"

namespace runtime {

// mmap fresh, zeroed, read-write memory. nullptr when the kernel refuses.
void* sysAlloc(uintptr n) {
    long p = sys::mmap(nullptr, n, sys::PROT_READ | sys::PROT_WRITE, sys::MAP_PRIVATE | sys::MAP_ANONYMOUS, -1, 0);
    if (p < 0 && p > -4096) return nullptr;
    return (void*)p;
}

// Like sysAlloc, but the kernel faults every page in now (MAP_POPULATE):
// for memory that is about to be used whole.
static void* sysAllocPopulated(uintptr n) {
    long p = sys::mmap(nullptr, n, sys::PROT_READ | sys::PROT_WRITE,
                       sys::MAP_PRIVATE | sys::MAP_ANONYMOUS | sys::MAP_POPULATE, -1, 0);
    if (p < 0 && p > -4096) return nullptr;
    return (void*)p;
}
// The same, falling back to a plain mapping (and dying only if that fails).
static void* sysAllocPopulatedOrDie(uintptr n, const char* what) {
    void* p = sysAllocPopulated(n);
    if (p == nullptr) return sysAllocOrDie(n, what);
    return p;
}

// The next n-byte chunk of a pool that hands out goroutine memory (stack
// segments, Gs); *chunks counts the pool's chunks so far. The first one is
// faulted in page by page as it is carved, so a small program's RSS stays
// small. A program that used up a whole one is making goroutines by the
// thousand and will use the next one whole: it is mapped populated, one
// system call instead of a fault per page (half the time per page where
// faults are dear, as in VMs: see docs/performance.md, sleepers).
void* sysAllocChunk(uintptr n, uint32_t* chunks, const char* what) {
    return (*chunks)++ == 0 ? sysAllocOrDie(n, what) : sysAllocPopulatedOrDie(n, what);
}

// Like sysAlloc, but running out of memory is fatal, as in Go.
void* sysAllocOrDie(uintptr n, const char* what) {
    void* p = sysAlloc(n);
    if (p == nullptr) {
        printlock();
        printstring("runtime: cannot allocate ");
        printuint(n);
        printstring("-byte block for ");
        printstring(what);
        printnl();
        printunlock();
        throw_("out of memory");
    }
    return p;
}

void sysFree(void* v, uintptr n) { sys::munmap(v, n); }

// The pages are no longer needed; the range stays mapped and reads as zero
// when touched again.
void sysUnused(void* v, uintptr n) { sys::madvise(v, n, sys::MADV_DONTNEED); }

// Reserve address space without committing memory (PROT_NONE, NORESERVE).
void* sysReserve(uintptr n) {
    long p = sys::mmap(nullptr, n, sys::PROT_NONE, sys::MAP_PRIVATE | sys::MAP_ANONYMOUS | sys::MAP_NORESERVE, -1, 0);
    if (p < 0 && p > -4096) return nullptr;
    return (void*)p;
}

// Make [v, v+n) of a reservation readable and writable.
bool sysMap(void* v, uintptr n) {
    long p = sys::mmap(v, n, sys::PROT_READ | sys::PROT_WRITE, sys::MAP_PRIVATE | sys::MAP_ANONYMOUS | sys::MAP_FIXED, -1, 0);
    return !(p < 0 && p > -4096);
}

}  // namespace runtime
