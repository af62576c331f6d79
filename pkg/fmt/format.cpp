// format.cpp — Go's fmt/format.go: how each verb lays out one value once
// print.cpp has chosen it (integers with their prefixes and padding, %U, %x
// on strings, %q and %c through strconv's quoting, floats through
// strconv.AppendFloat and the # flag).
#include "pkg/fmt/fmt_impl.h"

namespace go::fmt::detail {

using unicode::utf8::MaxRune;
using unicode::utf8::RuneError;

// Go's fmt.fmtInteger. Built left to right: sign, 0o, 0x/0b/0, zeros, digits.
void Printer::fmtInteger(uint64_t u, int base, bool isSigned, int32_t verb, const char* digits) {
    bool negative = isSigned && (int64_t)u < 0;
    if (negative) u = -u;
    long precision = 0;  // leading zeros asked for: %.3d, or %03d
    if (precPresent) {
        precision = prec;
        if (precision == 0 && u == 0) {  // "print nothing" but the padding
            bool oldZero = zero;
            zero = false;
            writePadding(wid);
            zero = oldZero;
            return;
        }
    } else if (zero && widPresent) {
        precision = wid;
        if (negative || plus || space) precision--;  // room for the sign
    }
    char d[64];
    int i = 64;
    do {
        d[--i] = digits[u % base];
        u /= base;
    } while (u);
    long nd = 64 - i;
    long zeros = precision > nd ? precision - nd : 0;
    char pre[5];
    int np = 0;
    if (negative) pre[np++] = '-';
    else if (plus) pre[np++] = '+';
    else if (space) pre[np++] = ' ';
    if (verb == 'O') pre[np++] = '0', pre[np++] = 'o';
    if (sharp) {
        if (base == 2) pre[np++] = '0', pre[np++] = 'b';
        else if (base == 16) pre[np++] = '0', pre[np++] = digits[16];
        else if (base == 8 && zeros == 0 && d[i] != '0') pre[np++] = '0';
    }
    long width = widPresent ? wid - (np + zeros + nd) : 0;
    if (!minus && width > 0) buf.fill(' ', width);  // zero padding became precision above
    buf.put(pre, np);
    buf.fill('0', zeros);
    buf.put(d + i, nd);
    if (minus && width > 0) buf.fill(' ', width);
}

// %U: U+0078, or with # U+0078 'x'.
void Printer::fmtUnicode(uint64_t u) {
    size_t start = buf.len;
    long precision = precPresent && prec > 4 ? prec : 4;
    char hex[16];
    int i = 16;
    uint64_t v = u;
    do {
        hex[--i] = udigits[v & 0xF];
        v >>= 4;
    } while (v);
    buf.put("U+", 2);
    if (precision > 16 - i) buf.fill('0', precision - (16 - i));
    buf.put(hex + i, 16 - i);
    if (sharp && u <= (uint64_t)MaxRune && strconv::isPrint((int32_t)u)) {
        buf.put(" '", 2);
        strconv::appendRune(buf, (int32_t)u);
        buf.put('\'');
    }
    bool oldZero = zero;
    zero = false;
    padFrom(start);
    zero = oldZero;
}

// %x on a string: hex of its bytes; space separates them, # adds 0x.
void Printer::fmtSbx(const char* s, size_t n, const char* digits) {
    long length = (long)n;
    if (precPresent && prec < length) length = prec;
    long width = 2 * length;
    if (width <= 0) {
        if (widPresent) writePadding(wid);
        return;
    }
    if (space) {
        if (sharp) width *= 2;
        width += length - 1;
    } else if (sharp) {
        width += 2;
    }
    if (widPresent && wid > width && !minus) writePadding(wid - width);
    if (sharp) buf.put('0'), buf.put(digits[16]);
    for (long i = 0; i < length; i++) {
        if (space && i > 0) {
            buf.put(' ');
            if (sharp) buf.put('0'), buf.put(digits[16]);
        }
        uint8_t c = (uint8_t)s[i];
        buf.put(digits[c >> 4]);
        buf.put(digits[c & 0xF]);
    }
    if (widPresent && wid > width && minus) writePadding(wid - width);
}

// %q on a string: Go-quoted, or `raw` with # when possible; + for ASCII.
void Printer::fmtQ(const char* s, size_t n) {
    n = truncate(s, n);
    size_t start = buf.len;
    if (sharp && strconv::canBackquote(s, n)) {
        buf.put('`');
        buf.put(s, n);
        buf.put('`');
    } else {
        strconv::appendQuoted(buf, s, n, plus);
    }
    padFrom(start);
}

namespace {
// Integers as characters: anything not a valid code point is U+FFFD.
int32_t toRune(uint64_t c) { return c > (uint64_t)MaxRune ? RuneError : (int32_t)c; }
}  // namespace

void Printer::fmtC(uint64_t c) {
    char tmp[unicode::utf8::UTFMax];
    padString(tmp, unicode::utf8::encodeRune(tmp, toRune(c)));
}

void Printer::fmtQc(uint64_t c) {
    int32_t r = toRune(c);
    if (!unicode::utf8::validRune(r)) r = RuneError;
    size_t start = buf.len;
    buf.put('\'');
    strconv::appendEscapedRune(buf, r, '\'', plus);
    buf.put('\'');
    padFrom(start);
}

// The # flag on floats: always a decimal point, and %g/%x keep their
// trailing zeros (format.go's fmtFloat).
void Printer::floatSharp(size_t start, char verb, int precision) {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') digits = precision == -1 ? 6 : precision;
    char tail[8];  // the exponent: e+123 or p-1074
    size_t ntail = 0;
    bool hasDot = false, sawNonzero = false;
    for (size_t i = start + 1; i < buf.len; i++) {
        char c = buf.p[i];
        bool isTail = c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X');
        if (isTail) {
            ntail = buf.len - i;
            __builtin_memcpy(tail, buf.p + i, ntail);
            buf.len = i;
            break;
        }
        if (c == '.') {
            hasDot = true;
            continue;
        }
        if (c != '0') sawNonzero = true;
        if (sawNonzero) digits--;  // significant digits after the first nonzero
    }
    if (!hasDot) {
        if (buf.len - start == 2 && buf.p[start + 1] == '0') digits--;  // a lone 0 counts once
        buf.put('.');
    }
    if (digits > 0) buf.fill('0', digits);
    buf.put(tail, ntail);
}

// Go's fmt.fmtFloat: strconv's text with a sign slot in front (num[0] is
// '+' when strconv gave no sign), then flags and padding.
void Printer::fmtFloat(double v, int size, char verb, int precision) {
    if (precPresent) precision = prec;
    size_t start = buf.len;
    buf.put('+');
    strconv::appendFloat(buf, v, verb, precision, size);
    if (buf.p[start + 1] == '-' || buf.p[start + 1] == '+') buf.erase(start, 1);
    if (space && buf.p[start] == '+' && !plus) buf.p[start] = ' ';
    char c1 = buf.p[start + 1];
    if (c1 == 'I' || c1 == 'N') {  // Inf and NaN are never zero-padded
        bool oldZero = zero;
        zero = false;
        if (c1 == 'N' && !space && !plus) buf.erase(start, 1);
        padFrom(start);
        zero = oldZero;
        return;
    }
    if (sharp && verb != 'b') floatSharp(start, verb, precision);
    if (plus || buf.p[start] != '+') {
        long n = (long)(buf.len - start);
        if (zero && widPresent && wid > n) {  // sign, then the zeros
            buf.insert(start + 1, '0', (size_t)(wid - n));
            return;
        }
        return padFrom(start);
    }
    buf.erase(start, 1);  // positive, no sign wanted
    padFrom(start);
}

}  // namespace go::fmt::detail
