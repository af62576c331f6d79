// string.cpp — the <cstring> and <cwchar> functions that libstdc++'s
// headers call out of line (std::string::find is memchr, char_traits<wchar_t>
// is wmemchr/wcslen/wmemcmp...), and the rest of <cstring> for user code.
// C semantics (C17 §7.24, §7.29.4). memcpy, memmove, memset, memcmp and
// strlen are in runtime/memmove.cpp: gcc calls those from any code.
//
// Compiled with -fno-builtin (Makefile), so these loops stay loops instead
// of becoming calls to the functions they define.
#include <stddef.h>
#include <stdint.h>

extern "C" {

void* memchr(const void* s, int c, size_t n) {
    auto* p = (const unsigned char*)s;
    for (size_t i = 0; i < n; i++)
        if (p[i] == (unsigned char)c) return (void*)(p + i);
    return nullptr;
}

void* memrchr(const void* s, int c, size_t n) {
    auto* p = (const unsigned char*)s;
    while (n > 0)
        if (p[--n] == (unsigned char)c) return (void*)(p + n);
    return nullptr;
}

size_t strnlen(const char* s, size_t max) {
    size_t n = 0;
    while (n < max && s[n]) n++;
    return n;
}

int strcmp(const char* a, const char* b) {
    while (*a && *a == *b) a++, b++;
    return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

int strncmp(const char* a, const char* b, size_t n) {
    for (; n > 0; n--, a++, b++)
        if (*a != *b || *a == 0) return (int)(unsigned char)*a - (int)(unsigned char)*b;
    return 0;
}

char* strchr(const char* s, int c) {
    for (;; s++) {
        if (*s == (char)c) return (char*)s;
        if (*s == 0) return nullptr;
    }
}

char* strrchr(const char* s, int c) {
    const char* last = nullptr;
    for (;; s++) {
        if (*s == (char)c) last = s;
        if (*s == 0) return (char*)last;
    }
}

char* strstr(const char* hay, const char* needle) {
    size_t n = __builtin_strlen(needle);
    if (n == 0) return (char*)hay;
    for (; *hay; hay++)
        if (*hay == *needle && strncmp(hay, needle, n) == 0) return (char*)hay;
    return nullptr;
}

char* strcpy(char* __restrict dst, const char* __restrict src) {
    char* d = dst;
    while ((*d++ = *src++) != 0) {}
    return dst;
}

// C's strncpy: copies at most n bytes and pads the rest of dst with NULs.
char* strncpy(char* __restrict dst, const char* __restrict src, size_t n) {
    size_t i = 0;
    for (; i < n && src[i]; i++) dst[i] = src[i];
    for (; i < n; i++) dst[i] = 0;
    return dst;
}

char* strcat(char* __restrict dst, const char* __restrict src) {
    strcpy(dst + __builtin_strlen(dst), src);
    return dst;
}

// Appends at most n bytes of src, then always a NUL.
char* strncat(char* __restrict dst, const char* __restrict src, size_t n) {
    char* d = dst + __builtin_strlen(dst);
    size_t i = 0;
    for (; i < n && src[i]; i++) d[i] = src[i];
    d[i] = 0;
    return dst;
}

// The length of s's prefix made of bytes in set (accept) or not in it.
static size_t spanOf(const char* s, const char* set, bool accept) {
    bool in[256] = {};
    for (; *set; set++) in[(unsigned char)*set] = true;
    size_t n = 0;
    while (s[n] && in[(unsigned char)s[n]] == accept) n++;
    return n;
}

size_t strspn(const char* s, const char* accept) { return spanOf(s, accept, true); }
size_t strcspn(const char* s, const char* reject) { return spanOf(s, reject, false); }

char* strpbrk(const char* s, const char* set) {
    s += strcspn(s, set);
    return *s ? (char*)s : nullptr;
}

// ---- wide characters (wchar_t is 32 bits on Linux) ------------------------------

wchar_t* wmemchr(const wchar_t* s, wchar_t c, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] == c) return (wchar_t*)(s + i);
    return nullptr;
}

size_t wcslen(const wchar_t* s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

// wchar_t is signed here: compare as wchar_t, not as bytes.
int wmemcmp(const wchar_t* a, const wchar_t* b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

wchar_t* wmemcpy(wchar_t* __restrict dst, const wchar_t* __restrict src, size_t n) {
    return (wchar_t*)__builtin_memcpy(dst, src, n * sizeof(wchar_t));
}

wchar_t* wmemmove(wchar_t* dst, const wchar_t* src, size_t n) {
    return (wchar_t*)__builtin_memmove(dst, src, n * sizeof(wchar_t));
}

wchar_t* wmemset(wchar_t* dst, wchar_t c, size_t n) {
    for (size_t i = 0; i < n; i++) dst[i] = c;
    return dst;
}

}  // extern "C"
