// sizeclasses.h — the small-object size classes (Go's sizeclasses.go).
//
// Go generates its table with mksizeclasses.go and checks the output in. We
// run the same recipe at compile time instead (makeClasses below), with one
// change: Go keeps a 24-byte class (only 8-byte aligned), but our mallocgc
// promises 16-byte alignment for every request of 16 bytes or more, so the
// recipe starts 16-byte steps at 16 instead of 32. The result is Go's table
// minus the 24-byte class: 66 real classes plus the dummy class 0.
//
// The recipe, per candidate size (8, 16, 32, 48, ... 32768, step growing with
// the size):
//   * pick the fewest 8 KB pages whose leftover tail is at most 1/8 of the
//     span, so no class wastes more than 12.5% to tail fragmentation;
//   * if the previous class uses the same pages for the same object count,
//     grow that class instead of adding one;
//   * finally grow each size to the largest that still fits the same count.
//
// Lookups are two byte tables, as in Go: size_to_class8 for sizes up to 1 KB
// (8-byte steps) and size_to_class128 above (128-byte steps). Every size maps
// to the smallest class that holds it (test_malloc.cpp checks all of them).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace runtime {

constexpr uintptr_t _PageShift = 13;
constexpr uintptr_t _PageSize = uintptr_t(1) << _PageShift;  // 8 KB, Go's page
constexpr uint32_t _MaxSmallSize = 32768;
constexpr uint32_t smallSizeDiv = 8;
constexpr uint32_t smallSizeMax = 1024;
constexpr uint32_t largeSizeDiv = 128;
constexpr int _NumSizeClasses = 67;

namespace sizeclassgen {

struct tables {
    int n = 0;  // classes produced, including the dummy class 0
    uint16_t size[_NumSizeClasses] = {};
    uint8_t npages[_NumSizeClasses] = {};
    uint32_t divmagic[_NumSizeClasses] = {};
    uint8_t class8[smallSizeMax / smallSizeDiv + 1] = {};
    uint8_t class128[(_MaxSmallSize - smallSizeMax) / largeSizeDiv + 1] = {};
};

constexpr bool powerOfTwo(uint32_t x) { return x != 0 && (x & (x - 1)) == 0; }

constexpr int smallestClassFor(const tables& t, uint32_t size) {
    for (int c = 1; c < t.n; c++)
        if (t.size[c] >= size) return c;
    return 0;
}

constexpr tables makeClasses() {
    tables t;
    t.n = 1;  // class 0: "no class" (large objects, free spans)
    uint32_t align = 8;
    for (uint32_t size = align; size <= _MaxSmallSize; size += align) {
        if (powerOfTwo(size)) {  // bump the step once in a while
            if (size >= 2048) align = 256;
            else if (size >= 128) align = size / 8;
            else if (size >= 16) align = 16;  // Go: >= 32 (see the top of the file)
        }
        // Leftover at most 1/8 of the span: tail waste <= 12.5%.
        uint32_t allocsize = _PageSize;
        while (allocsize % size > allocsize / 8) allocsize += _PageSize;
        uint32_t npages = allocsize / _PageSize;
        // Same pages, same object count as the previous class: widen it.
        if (t.n > 1 && npages == t.npages[t.n - 1] && allocsize / size == allocsize / t.size[t.n - 1]) {
            t.size[t.n - 1] = (uint16_t)size;
            continue;
        }
        if (t.n == _NumSizeClasses) {  // too many: the static_assert below fails
            t.n++;
            return t;
        }
        t.size[t.n] = (uint16_t)size;
        t.npages[t.n] = (uint8_t)npages;
        t.n++;
    }
    // Grow each class to the largest size with the same objects per span,
    // keeping largeSizeDiv alignment so the 128-byte lookup stays exact.
    for (int c = 1; c < t.n; c++) {
        uint32_t psize = t.npages[c] * (uint32_t)_PageSize;
        uint32_t grown = (psize / (psize / t.size[c])) & ~(largeSizeDiv - 1);
        if (grown > t.size[c]) t.size[c] = (uint16_t)grown;
    }
    // (off * divmagic) >> 32 == off / size for every offset inside a span,
    // so finding an object's index needs a multiply, not a divide.
    for (int c = 1; c < t.n; c++) t.divmagic[c] = ~uint32_t(0) / t.size[c] + 1;
    for (uint32_t i = 0; i <= smallSizeMax / smallSizeDiv; i++)
        t.class8[i] = (uint8_t)smallestClassFor(t, i == 0 ? 1 : i * smallSizeDiv);  // size 0 gets class 1
    for (uint32_t i = 0; i <= (_MaxSmallSize - smallSizeMax) / largeSizeDiv; i++)
        t.class128[i] = (uint8_t)smallestClassFor(t, smallSizeMax + i * largeSizeDiv);
    return t;
}

inline constexpr tables classes = makeClasses();
static_assert(classes.n == _NumSizeClasses, "the size class recipe changed: update _NumSizeClasses");

}  // namespace sizeclassgen

// Go's names for the generated tables.
inline constexpr const uint16_t (&class_to_size)[_NumSizeClasses] = sizeclassgen::classes.size;
inline constexpr const uint8_t (&class_to_allocnpages)[_NumSizeClasses] = sizeclassgen::classes.npages;
inline constexpr const uint32_t (&class_to_divmagic)[_NumSizeClasses] = sizeclassgen::classes.divmagic;
inline constexpr const uint8_t (&size_to_class8)[smallSizeMax / smallSizeDiv + 1] = sizeclassgen::classes.class8;
inline constexpr const uint8_t (&size_to_class128)[(_MaxSmallSize - smallSizeMax) / largeSizeDiv + 1] =
    sizeclassgen::classes.class128;

static_assert(class_to_size[1] == 8 && class_to_size[2] == 16 && class_to_size[3] == 32);
static_assert(class_to_size[_NumSizeClasses - 1] == _MaxSmallSize);
static_assert(class_to_allocnpages[_NumSizeClasses - 1] == 4);  // Go: 32 KB objects in 32 KB spans

// The size class for a small request (n <= _MaxSmallSize). n == 0 gets class 1.
static inline uint8_t sizeToClass(size_t n) {
    if (n <= smallSizeMax) return size_to_class8[(n + smallSizeDiv - 1) / smallSizeDiv];
    return size_to_class128[(n - smallSizeMax + largeSizeDiv - 1) / largeSizeDiv];
}

}  // namespace runtime
