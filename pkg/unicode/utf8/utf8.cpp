// utf8.cpp — Go's unicode/utf8: decoding, encoding and counting runes, as
// fmt uses them for widths and precisions and strconv for quoting.
#include "pkg/unicode/utf8/utf8.h"

namespace go::unicode::utf8 {
namespace {

bool isCont(uint8_t c, uint8_t lo = 0x80, uint8_t hi = 0xBF) { return lo <= c && c <= hi; }

}  // namespace

int32_t decodeRune(const char* s, size_t n, int* width) {
    const uint8_t* u = reinterpret_cast<const uint8_t*>(s);
    uint8_t c = u[0];
    *width = 1;
    if (c < 0x80) return c;
    int need;
    uint8_t lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;       // no overlong forms
        else if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        else if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return RuneError;
    }
    if (n <= (size_t)need || !isCont(u[1], lo, hi)) return RuneError;
    int32_t r = c & (0x7F >> (need + 1));
    for (int i = 1; i <= need; i++) {
        if (!isCont(u[i])) return RuneError;
        r = (r << 6) | (u[i] & 0x3F);
    }
    *width = need + 1;
    return r;
}

int encodeRune(char* out, int32_t r) {
    uint32_t x = static_cast<uint32_t>(r);
    if (x < 0x80) {
        out[0] = (char)x;
        return 1;
    }
    if (x < 0x800) {
        out[0] = (char)(0xC0 | (x >> 6));
        out[1] = (char)(0x80 | (x & 0x3F));
        return 2;
    }
    if (!validRune(r)) x = RuneError;
    if (x < 0x10000) {
        out[0] = (char)(0xE0 | (x >> 12));
        out[1] = (char)(0x80 | ((x >> 6) & 0x3F));
        out[2] = (char)(0x80 | (x & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (x >> 18));
    out[1] = (char)(0x80 | ((x >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((x >> 6) & 0x3F));
    out[3] = (char)(0x80 | (x & 0x3F));
    return 4;
}

size_t runeCount(const char* s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; count++) {
        int w = 1;
        if ((uint8_t)s[i] >= 0x80) decodeRune(s + i, n - i, &w);
        i += w;
    }
    return count;
}

}  // namespace go::unicode::utf8
