// atomic.h — Go's runtime/internal/atomic, as thin wrappers over the
// compiler's __atomic builtins. Sequentially consistent unless the name says
// otherwise (LoadAcq / StoreRel / CasRel), exactly as in Go.
#pragma once

namespace runtime::atomic {

template <class T> static inline T Load(const T* p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }
template <class T> static inline T LoadAcq(const T* p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
template <class T> static inline T LoadRelaxed(const T* p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }
template <class T, class U> static inline void Store(T* p, U v) { __atomic_store_n(p, (T)v, __ATOMIC_SEQ_CST); }
template <class T, class U> static inline void StoreRel(T* p, U v) { __atomic_store_n(p, (T)v, __ATOMIC_RELEASE); }
template <class T, class U> static inline void StoreRelaxed(T* p, U v) { __atomic_store_n(p, (T)v, __ATOMIC_RELAXED); }
// Xadd returns the new value, as Go's does.
template <class T, class U> static inline T Xadd(T* p, U d) { return __atomic_add_fetch(p, (T)d, __ATOMIC_SEQ_CST); }
template <class T, class U> static inline T Xchg(T* p, U v) { return __atomic_exchange_n(p, (T)v, __ATOMIC_SEQ_CST); }
template <class T, class U, class V> static inline bool Cas(T* p, U old, V nw) {
    T o = (T)old;
    return __atomic_compare_exchange_n(p, &o, (T)nw, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
template <class T, class U, class V> static inline bool CasRel(T* p, U old, V nw) {
    T o = (T)old;
    return __atomic_compare_exchange_n(p, &o, (T)nw, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED);
}
template <class T, class U> static inline void Or(T* p, U v) { __atomic_or_fetch(p, (T)v, __ATOMIC_SEQ_CST); }
template <class T, class U> static inline void And(T* p, U v) { __atomic_and_fetch(p, (T)v, __ATOMIC_SEQ_CST); }

// The PAUSE instruction, for spin loops (Go's procyield).
static inline void procyield(int cycles) {
    while (cycles-- > 0) asm volatile("pause" ::: "memory");
}

}  // namespace runtime::atomic
