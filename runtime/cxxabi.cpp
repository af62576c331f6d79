// cxxabi.cpp — what g++-compiled code expects from a C++ runtime, provided
// by ours instead of libstdc++/libsupc++: operator new and delete (on the
// runtime's allocator), guard variables for function-local statics,
// __cxa_atexit, and the pure-virtual trap.
#include <new>

#include "print.h"
#include "runtime.h"

using runtime::mallocAligned;
using runtime::mallocgc;
using runtime::mfree;

// ---- operator new / delete ---------------------------------------------------
// Allocation failure is "fatal error: out of memory" (the allocator's), so
// new never returns nullptr and never throws; the nothrow forms agree.

void* operator new(size_t n) { return mallocgc(n, false); }
void* operator new[](size_t n) { return mallocgc(n, false); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { return mallocgc(n, false); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return mallocgc(n, false); }
void* operator new(size_t n, std::align_val_t a) { return mallocAligned(n, (size_t)a, false); }
void* operator new[](size_t n, std::align_val_t a) { return mallocAligned(n, (size_t)a, false); }
void operator delete(void* p) noexcept { mfree(p); }
void operator delete[](void* p) noexcept { mfree(p); }
void operator delete(void* p, size_t) noexcept { mfree(p); }
void operator delete[](void* p, size_t) noexcept { mfree(p); }
void operator delete(void* p, std::align_val_t) noexcept { mfree(p); }
void operator delete[](void* p, std::align_val_t) noexcept { mfree(p); }
void operator delete(void* p, size_t, std::align_val_t) noexcept { mfree(p); }
void operator delete[](void* p, size_t, std::align_val_t) noexcept { mfree(p); }

extern "C" {

// The DSO handle static destructors register against (one program, one DSO).
void* __dso_handle = &__dso_handle;

// Static destructors are registered here and deliberately never run: when
// main returns the process exits at once, "flushing nothing else", as Go's
// programs do (the user contract).
int __cxa_atexit(void (*)(void*), void*, void*) { return 0; }
int atexit(void (*)()) { return 0; }

void __cxa_pure_virtual() { runtime::fatal("pure virtual method called"); }
void __cxa_deleted_virtual() { runtime::fatal("deleted virtual method called"); }

// ---- Guard variables for function-local statics (Itanium C++ ABI) ---------
// Byte 0 of the guard is set once the object is initialised (the compiler
// tests it inline); byte 1 marks an initialisation in progress, and the upper
// word records who runs it. Another goroutine that finds it in progress
// yields until it is done: goroutines, not threads, wait. The initialising
// goroutine calling itself back is a deadlock, reported as a fatal error.
struct guard {
    uint8_t done;
    uint8_t pending;
    uint16_t pad;
    uint32_t owner;  // low bits of the initialising goroutine's id (+1)
};
static_assert(sizeof(guard) == 8, "the Itanium ABI guard is 64 bits");

static uint32_t selfid() {
    runtime::g* gp = runtime::getg();
    runtime::g* cur = gp->m->curg;
    return (uint32_t)((cur ? cur->goid : 0) + 1);
}

int __cxa_guard_acquire(uint64_t* gv) {
    auto* gd = (guard*)gv;
    for (;;) {
        if (runtime::atomic::LoadAcq(&gd->done)) return 0;
        uint8_t zero = 0;
        if (__atomic_compare_exchange_n(&gd->pending, &zero, (uint8_t)1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            runtime::atomic::Store(&gd->owner, selfid());
            return 1;
        }
        if (runtime::atomic::Load(&gd->owner) == selfid())
            runtime::fatal("recursive initialization of a function-local static");
        runtime::g* gp = runtime::getg();
        if (gp->m->curg == gp) runtime::Gosched();
        else runtime::osyield();
    }
}

void __cxa_guard_release(uint64_t* gv) {
    auto* gd = (guard*)gv;
    runtime::atomic::Store(&gd->owner, 0u);
    runtime::atomic::StoreRel(&gd->done, (uint8_t)1);
    runtime::atomic::StoreRel(&gd->pending, (uint8_t)0);
}

void __cxa_guard_abort(uint64_t* gv) {
    auto* gd = (guard*)gv;
    runtime::atomic::Store(&gd->owner, 0u);
    runtime::atomic::StoreRel(&gd->pending, (uint8_t)0);
}

}  // extern "C"
