// fmt_impl.h — what fmt.cpp needs from the rest of the runtime and what the
// host tests may call directly. Not part of the public header.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "go/fmt.h"
#include "go/os.h"

// Declared here rather than by including runtime.h: fmt needs nothing else
// from the runtime, and stays buildable on its own (host tests). It writes
// through package os (go::os::Write), as Go's fmt writes to an os.File.
namespace runtime {
// malloc.cpp (same declarations as runtime.h): n bytes, never nullptr.
void* mallocgc(size_t n, bool needzero);
void mfree(void* p);
}  // namespace runtime

namespace go::fmt::detail {
// strconv.AppendFloat into out (at most size bytes kept, NUL-terminated when
// size > 0): fmt is one of b e E f g G x X, prec -1 means shortest, bitSize
// 32 or 64. Returns the full length. For tests of the float algorithm.
int formatFloat(char* out, size_t size, double v, char fmt, int prec, int bitSize);
// strconv.IsPrint.
bool isPrint(int32_t r);
// strlen and strnlen (there is no libc; package libc's printf uses them too),
// static so that -Os inlines them as freely as it did fmt.cpp's own.
static inline size_t cstrlen(const char* s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

static inline size_t cstrnlen(const char* s, size_t max) {
    size_t n = 0;
    while (n < max && s[n]) n++;
    return n;
}
}  // namespace go::fmt::detail
