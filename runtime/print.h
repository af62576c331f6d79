// print.h — Go's built-in print(...) for runtime code: print("x=", x, "\n").
// Every argument goes through one overload of printarg; the whole call is one
// printlock section, so it reaches fd 2 in one write.
#pragma once
#include <type_traits>

#include "runtime.h"

namespace runtime {

static inline void printarg(const char* s) { printstring(s); }
static inline void printarg(char* s) { printstring(s); }
static inline void printarg(bool b) { printbool(b); }
static inline void printarg(const void* p) { printpointer(p); }
static inline void printarg(char c) { printbytes(&c, 1); }
template <class T> static inline void printarg(T v) requires(std::is_integral_v<T> || std::is_enum_v<T>) {
    if constexpr (std::is_enum_v<T>) {
        printint((int64_t)v);
    } else if constexpr ((T)-1 < (T)0) {
        printint((int64_t)v);
    } else {
        printuint((uint64_t)v);
    }
}
template <class T> static inline void printarg(T* p) requires(!std::is_same_v<T, char> && !std::is_same_v<T, const char>) {
    printpointer((const void*)p);
}

// Hex formatting marker: print(hex(x)) prints 0x...
struct hex {
    uint64_t v;
    explicit hex(uint64_t x) : v(x) {}
};
static inline void printarg(hex h) { printhex(h.v); }

template <class... A> static inline void print(const A&... a) {
    printlock();
    (printarg(a), ...);
    printunlock();
}

}  // namespace runtime
