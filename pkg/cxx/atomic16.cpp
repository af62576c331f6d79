// atomic16.cpp — GCC's out-of-line atomics for 16-byte objects
// (__atomic_load_16 and friends, the entry points GCC documents for sizes
// it does not expand inline), which std::atomic<T> calls for a 16-byte T
// such as a pointer and a counter, and __atomic_is_lock_free. libatomic
// provides them in a normal toolchain; here they are lock-free with
// "lock cmpxchg16b".
//
// cmpxchg16b is part of x86-64-v2 (CPUID.01H:ECX.CX16), not of the x86-64
// baseline the runtime is compiled for: the first 16-byte operation checks
// for it and, on the rare CPU without it, fails with a fatal error rather
// than taking a lock that every other access would bypass. Every operation
// is a locked instruction, a full barrier: sequentially consistent whatever
// memory order is asked for.
#include "runtime/runtime.h"

namespace {

using u128 = unsigned __int128;

constinit int32_t hasCX16 = -1;  // [atomic] -1 unknown, 0 no, 1 yes

[[gnu::noinline]] bool checkCX16() {
    uint32_t a = 1, b, c = 0, d;
    asm volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
    int32_t ok = (c >> 13) & 1;
    runtime::atomic::Store(&hasCX16, ok);
    return ok;
}

void check(volatile void* p) {
    int32_t ok = runtime::atomic::LoadRelaxed(&hasCX16);
    if (__builtin_expect(ok <= 0, 0) && (ok == 0 || !checkCX16()))
        runtime::fatal("16-byte atomic operation: this CPU has no cmpxchg16b (x86-64-v2 is required)");
    // cmpxchg16b faults on an address that is not 16-byte aligned.
    if (((uintptr_t)p & 15) != 0) runtime::panicmsg("unaligned 16-byte atomic operation");
}

// Compare *p with *expected; if equal store desired, else load *p into
// *expected. One lock cmpxchg16b.
bool cas(volatile void* p, u128* expected, u128 desired) {
    uint64_t lo = (uint64_t)*expected, hi = (uint64_t)(*expected >> 64);
    bool ok;
    asm volatile("lock cmpxchg16b %1"
                 : "=@ccz"(ok), "+m"(*(volatile u128*)p), "+a"(lo), "+d"(hi)
                 : "b"((uint64_t)desired), "c"((uint64_t)(desired >> 64))
                 : "memory");
    *expected = (u128)hi << 64 | lo;
    return ok;
}

// Replace *p by f(*p) atomically; returns the old value.
template <class F> u128 update(volatile void* p, F f) {
    check(p);
    u128 old = 0;
    while (!cas(p, &old, f(old))) {}
    return old;
}

}  // namespace

extern "C" {

// A load is a compare-and-swap that stores back what it finds (0 for 0 when
// the guess is right): cmpxchg16b is the only 16-byte atomic access.
u128 __atomic_load_16(const volatile void* p, int) {
    check((volatile void*)p);
    u128 v = 0;
    cas((volatile void*)p, &v, 0);
    return v;
}

void __atomic_store_16(volatile void* p, u128 v, int) {
    update(p, [v](u128) { return v; });
}

u128 __atomic_exchange_16(volatile void* p, u128 v, int) {
    return update(p, [v](u128) { return v; });
}

// GCC calls this with no "weak" argument, unlike the builtin it declares
// under the same name: hence the assembler name.
bool compareExchange16(volatile void* p, void* expected, u128 desired, int, int) asm("__atomic_compare_exchange_16");
bool compareExchange16(volatile void* p, void* expected, u128 desired, int, int) {
    check(p);
    u128 e;
    __builtin_memcpy(&e, expected, 16);
    bool ok = cas(p, &e, desired);
    __builtin_memcpy(expected, &e, 16);
    return ok;
}

u128 __atomic_fetch_add_16(volatile void* p, u128 v, int) { return update(p, [v](u128 o) { return o + v; }); }
u128 __atomic_fetch_sub_16(volatile void* p, u128 v, int) { return update(p, [v](u128 o) { return o - v; }); }
u128 __atomic_fetch_and_16(volatile void* p, u128 v, int) { return update(p, [v](u128 o) { return o & v; }); }
u128 __atomic_fetch_or_16(volatile void* p, u128 v, int) { return update(p, [v](u128 o) { return o | v; }); }
u128 __atomic_fetch_xor_16(volatile void* p, u128 v, int) { return update(p, [v](u128 o) { return o ^ v; }); }
u128 __atomic_fetch_nand_16(volatile void* p, u128 v, int) { return update(p, [v](u128 o) { return ~(o & v); }); }
u128 __atomic_add_fetch_16(volatile void* p, u128 v, int) { return __atomic_fetch_add_16(p, v, 0) + v; }
u128 __atomic_sub_fetch_16(volatile void* p, u128 v, int) { return __atomic_fetch_sub_16(p, v, 0) - v; }
u128 __atomic_and_fetch_16(volatile void* p, u128 v, int) { return __atomic_fetch_and_16(p, v, 0) & v; }
u128 __atomic_or_fetch_16(volatile void* p, u128 v, int) { return __atomic_fetch_or_16(p, v, 0) | v; }
u128 __atomic_xor_fetch_16(volatile void* p, u128 v, int) { return __atomic_fetch_xor_16(p, v, 0) ^ v; }
u128 __atomic_nand_fetch_16(volatile void* p, u128 v, int) { return ~(__atomic_fetch_nand_16(p, v, 0) & v); }

// Whether objects of size n at p are lock-free (p == -n asks about a
// typically aligned object, as std::atomic<T>::is_lock_free does): sizes
// 1-8 are plain instructions when aligned, 16 needs cmpxchg16b.
bool __atomic_is_lock_free(size_t n, const volatile void* p) {
    bool aligned = ((uintptr_t)p & (n - 1)) == 0;
    if (n == 1 || n == 2 || n == 4 || n == 8) return aligned;
    if (n != 16 || !aligned) return false;
    int32_t ok = runtime::atomic::LoadRelaxed(&hasCX16);
    return ok > 0 || (ok < 0 && checkCX16());
}

}  // extern "C"
