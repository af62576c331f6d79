// new.cpp — every replaceable operator new and delete of C++20
// ([new.delete]), and std::nothrow, on the runtime's allocator.
//
// Running out of memory is Go's "fatal error: out of memory" (the
// allocator's), which no program can recover from, so new never returns
// nullptr and never throws std::bad_alloc; the nothrow forms agree with the
// throwing ones. A size the compiler finds overflowing (new T[n] with n too
// large) reaches __cxa_throw_bad_array_new_length (throw.cpp) instead.
#include <new>

#include "runtime.h"

using runtime::mallocAligned;
using runtime::mallocgc;
using runtime::mfree;

namespace std {
// What std::stable_sort's temporary buffer and user code pass to ask for
// the nothrow forms.
const nothrow_t nothrow{};
}  // namespace std

void* operator new(size_t n) { return mallocgc(n, false); }
void* operator new[](size_t n) { return mallocgc(n, false); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { return mallocgc(n, false); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return mallocgc(n, false); }
void* operator new(size_t n, std::align_val_t a) { return mallocAligned(n, (size_t)a, false); }
void* operator new[](size_t n, std::align_val_t a) { return mallocAligned(n, (size_t)a, false); }
void* operator new(size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    return mallocAligned(n, (size_t)a, false);
}
void* operator new[](size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    return mallocAligned(n, (size_t)a, false);
}

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
