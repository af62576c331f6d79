// new.cpp — every replaceable operator new and delete of C++20
// ([new.delete]), and std::nothrow, on the runtime's allocator.
//
// Running out of memory is Go's "fatal error: out of memory" (the
// allocator's), which no program can recover from, so the throwing forms
// never return nullptr and never throw std::bad_alloc; g++ without
// exceptions asks operator new[] for SIZE_MAX bytes when new T[n]
// overflows, which ends the same way. The nothrow forms return nullptr for
// a size larger than the address space (maxAlloc), as C++ specifies for a
// request that cannot be met (std::get_temporary_buffer then asks for
// less); for any other size they agree with the throwing forms.
#include <new>

#include "runtime/runtime.h"

using runtime::mallocAligned;
using runtime::mallocgc;
using runtime::mfree;

namespace {

// x86-64 user space is 2^47 bytes (Go's maxAlloc on linux/amd64).
constexpr size_t maxAlloc = size_t(1) << 47;

void* mallocOrNull(size_t n) { return n > maxAlloc ? nullptr : mallocgc(n, false); }

void* mallocAlignedOrNull(size_t n, std::align_val_t a) {
    return n > maxAlloc ? nullptr : mallocAligned(n, (size_t)a, false);
}

}  // namespace

namespace std {
// What std::stable_sort's temporary buffer and user code pass to ask for
// the nothrow forms.
const nothrow_t nothrow{};
}  // namespace std

void* operator new(size_t n) { return mallocgc(n, false); }
void* operator new[](size_t n) { return mallocgc(n, false); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { return mallocOrNull(n); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return mallocOrNull(n); }
void* operator new(size_t n, std::align_val_t a) { return mallocAligned(n, (size_t)a, false); }
void* operator new[](size_t n, std::align_val_t a) { return mallocAligned(n, (size_t)a, false); }
void* operator new(size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return mallocAlignedOrNull(n, a); }
void* operator new[](size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return mallocAlignedOrNull(n, a); }

// The allocator finds the size and alignment class of a block from its
// address, so the sized and aligned deletes need neither.
void operator delete(void* p) noexcept { mfree(p); }
void operator delete[](void* p) noexcept { mfree(p); }
void operator delete(void* p, size_t) noexcept { mfree(p); }
void operator delete[](void* p, size_t) noexcept { mfree(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { mfree(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { mfree(p); }
void operator delete(void* p, std::align_val_t) noexcept { mfree(p); }
void operator delete[](void* p, std::align_val_t) noexcept { mfree(p); }
void operator delete(void* p, size_t, std::align_val_t) noexcept { mfree(p); }
void operator delete[](void* p, size_t, std::align_val_t) noexcept { mfree(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { mfree(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { mfree(p); }
