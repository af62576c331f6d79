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
void* sysAllocPopulated(uintptr n) {
    long p = sys::mmap(nullptr, n, sys::PROT_READ | sys::PROT_WRITE,
                       sys::MAP_PRIVATE | sys::MAP_ANONYMOUS | sys::MAP_POPULATE, -1, 0);
    if (p < 0 && p > -4096) return nullptr;
    return (void*)p;
}
// The same, falling back to a plain mapping (and dying only if that fails).
void* sysAllocPopulatedOrDie(uintptr n, const char* what) {
    void* p = sysAllocPopulated(n);
    if (p == nullptr) return sysAllocOrDie(n, what);
    return p;
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
