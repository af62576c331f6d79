// memmove.cpp — memcpy, memmove, memset, memcmp and strlen: the functions
// gcc may call on its own (struct copies, zeroing, __builtin_*) even in
// freestanding code, so every program needs them and no libc provides them.
// Go's memmove_amd64.s and memclr_amd64.s play the same role.
//
// Large sizes use "rep movsb"/"rep stosb", which modern x86 CPUs execute at
// full bandwidth (ERMS); small ones are a few overlapping word moves. The
// file is compiled so that gcc cannot turn these loops back into calls to
// themselves.
#include <stddef.h>
#include <stdint.h>

#define NO_BUILTIN __attribute__((optimize("no-tree-loop-distribute-patterns")))

extern "C" {

static inline uint64_t load64(const unsigned char* p) {
    uint64_t v;
    __builtin_memcpy(&v, p, 8);
    return v;
}
static inline void store64(unsigned char* p, uint64_t v) { __builtin_memcpy(p, &v, 8); }

// Copy n <= 16 bytes; safe for overlapping ranges (everything is loaded
// before anything is stored).
static inline void copySmall(unsigned char* d, const unsigned char* s, size_t n) {
    if (n >= 8) {
        uint64_t a = load64(s), b = load64(s + n - 8);
        store64(d, a);
        store64(d + n - 8, b);
    } else if (n >= 4) {
        uint32_t a, b;
        __builtin_memcpy(&a, s, 4);
        __builtin_memcpy(&b, s + n - 4, 4);
        __builtin_memcpy(d, &a, 4);
        __builtin_memcpy(d + n - 4, &b, 4);
    } else if (n > 0) {
        unsigned char a = s[0], b = s[n / 2], c = s[n - 1];
        d[0] = a;
        d[n / 2] = b;
        d[n - 1] = c;
    }
}

NO_BUILTIN void* memcpy(void* __restrict dst, const void* __restrict src, size_t n) {
    auto* d = (unsigned char*)dst;
    auto* s = (const unsigned char*)src;
    if (n <= 16) {
        copySmall(d, s, n);
        return dst;
    }
    void* ret = dst;
    asm volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
    return ret;
}

NO_BUILTIN void* memmove(void* dst, const void* src, size_t n) {
    auto* d = (unsigned char*)dst;
    auto* s = (const unsigned char*)src;
    if (n <= 16) {
        copySmall(d, s, n);
        return dst;
    }
    if (d <= s || d >= s + n) {
        // No harmful overlap: copy forwards.
        asm volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
        return dst;
    }
    // dst overlaps the end of src: copy backwards, a word at a time.
    while (n >= 8) {
        n -= 8;
        store64(d + n, load64(s + n));
    }
    while (n > 0) {
        n--;
        d[n] = s[n];
    }
    return dst;
}

NO_BUILTIN void* memset(void* dst, int c, size_t n) {
    auto* d = (unsigned char*)dst;
    if (n <= 16) {
        uint64_t v = 0x0101010101010101ull * (unsigned char)c;
        if (n >= 8) {
            store64(d, v);
            store64(d + n - 8, v);
        } else {
            for (size_t i = 0; i < n; i++) d[i] = (unsigned char)c;
        }
        return dst;
    }
    asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    return dst;
}

NO_BUILTIN int memcmp(const void* a, const void* b, size_t n) {
    auto* x = (const unsigned char*)a;
    auto* y = (const unsigned char*)b;
    while (n >= 8 && load64(x) == load64(y)) {
        x += 8;
        y += 8;
        n -= 8;
    }
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
}

NO_BUILTIN size_t strlen(const char* s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

}  // extern "C"
