// utf8.h — the part of Go's unicode/utf8 that fmt and strconv use (an
// internal header of the packages, not public API).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace go::unicode::utf8 {

constexpr int32_t RuneError = 0xFFFD;
constexpr int32_t MaxRune = 0x10FFFF;
constexpr int UTFMax = 4;

// utf8.ValidRune: a Unicode code point that is not a surrogate.
constexpr bool validRune(int32_t r) { return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= MaxRune); }

// utf8.DecodeRuneInString: the rune at s (n > 0 bytes) and its width; an
// invalid or short encoding is (RuneError, 1).
int32_t decodeRune(const char* s, size_t n, int* width);

// utf8.EncodeRune: an invalid rune encodes as RuneError. Returns 1..4.
int encodeRune(char* out, int32_t r);

// utf8.RuneCountInString: an invalid byte counts as one rune.
size_t runeCount(const char* s, size_t n);

}  // namespace go::unicode::utf8
