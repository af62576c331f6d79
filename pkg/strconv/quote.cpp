// quote.cpp — Go's strconv/quote.go: quoting strings and runes as Go
// literals, for fmt's %q, and IsPrint over the tables in isprint.cpp.
#include "pkg/strconv/strconv.h"

namespace go::strconv {

using unicode::utf8::decodeRune;
using unicode::utf8::MaxRune;
using unicode::utf8::RuneError;

namespace {

// Is r inside one of the inclusive ranges [tab[2i], tab[2i+1]]? (n numbers,
// sorted.)
template <class T> bool inRanges(const T* tab, size_t n, uint32_t r) {
    size_t lo = 0, hi = n / 2;  // find the last pair whose start is <= r
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (tab[2 * mid] <= r) lo = mid + 1;
        else hi = mid;
    }
    return lo > 0 && r <= tab[2 * (lo - 1) + 1];
}

}  // namespace

bool isPrint(int32_t r) {
    if (r <= 0xFF) {
        if (0x20 <= r && r <= 0x7E) return true;
        if (0xA1 <= r && r <= 0xFF) return r != 0xAD;  // soft hyphen
        return false;
    }
    if (r < 0x10000) return inRanges(isPrint16, isPrint16Len, (uint32_t)r);
    if (r > MaxRune) return false;
    return inRanges(isPrint32, isPrint32Len, (uint32_t)r);
}

void appendEscapedRune(Buf& b, int32_t r, char quote, bool asciiOnly) {
    if (r == quote || r == '\\') {  // always backslashed
        b.put('\\');
        b.put((char)r);
        return;
    }
    if (asciiOnly ? (r < 0x80 && isPrint(r)) : isPrint(r)) return appendRune(b, r);
    const char* esc = nullptr;
    switch (r) {
    case '\a': esc = "\\a"; break;
    case '\b': esc = "\\b"; break;
    case '\f': esc = "\\f"; break;
    case '\n': esc = "\\n"; break;
    case '\r': esc = "\\r"; break;
    case '\t': esc = "\\t"; break;
    case '\v': esc = "\\v"; break;
    }
    if (esc) return b.put(esc, 2);
    int digits;
    if (r < ' ' || r == 0x7F) {
        b.put("\\x", 2);
        digits = 2;
    } else {
        if (!unicode::utf8::validRune(r)) r = RuneError;
        b.put(r < 0x10000 ? "\\u" : "\\U", 2);
        digits = r < 0x10000 ? 4 : 8;
    }
    for (int sh = 4 * (digits - 1); sh >= 0; sh -= 4) b.put(lowerhex[(r >> sh) & 0xF]);
}

void appendQuoted(Buf& b, const char* s, size_t n, bool asciiOnly) {
    b.put('"');
    for (size_t i = 0; i < n;) {
        int w = 1;
        int32_t r = (uint8_t)s[i];
        if (r >= 0x80) r = decodeRune(s + i, n - i, &w);
        if (w == 1 && r == RuneError) {
            uint8_t c = (uint8_t)s[i];
            b.put("\\x", 2);
            b.put(lowerhex[c >> 4]);
            b.put(lowerhex[c & 0xF]);
        } else {
            appendEscapedRune(b, r, '"', asciiOnly);
        }
        i += w;
    }
    b.put('"');
}

bool canBackquote(const char* s, size_t n) {
    for (size_t i = 0; i < n;) {
        int w = 1;
        int32_t r = (uint8_t)s[i];
        if (r >= 0x80) r = decodeRune(s + i, n - i, &w);
        i += w;
        if (w > 1) {
            if (r == 0xFEFF) return false;  // BOMs are invisible
            continue;
        }
        if (r == RuneError) return false;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) return false;
    }
    return true;
}

}  // namespace go::strconv
