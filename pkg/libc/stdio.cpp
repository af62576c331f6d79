// stdio.cpp — the output half of C's <cstdio> for user programs: printf,
// snprintf and friends with C's semantics (C17 7.21.6.1, glibc's choices
// where C leaves them open), puts, fputs, putchar and fwrite on stdout and
// stderr. There is no C library (docs/cxx.md): these are the runtime's own.
//
// Divergences from glibc, each because nothing else here exists:
//   - no buffering: every call is one write(2), like go::fmt (lines from
//     different goroutines never interleave); fflush has nothing to do;
//   - the only streams are stdout and stderr (no fopen); stdin cannot be read;
//   - %ls, %lc and %m are not converted: they are printed as written, as
//     glibc prints a conversion it does not know;
//   - long double (%Lf...) is printed at double's precision;
//   - failures return EOF / a negative count; there is no errno.
// Floats get their exact decimal digits from package strconv (Go's
// AppendFloat rounds the exact value half to even, as glibc does).
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "go/os.h"
#include "pkg/strconv/strconv.h"

namespace {

using go::strconv::cstrlen;

// The output of one call. With a fixed buffer (snprintf) it keeps what fits
// and counts the rest; otherwise it starts in the caller's stack buffer and
// moves to the heap when that fills, so printf makes one write.
struct Out {
    char* buf;
    size_t cap;
    size_t len = 0;
    bool fixed;
    bool heap = false;

    void put(const char* s, size_t n) {
        if (!fixed && len + n > cap) grow(len + n);
        for (size_t i = 0; i < n; i++, len++)
            if (len < cap) buf[len] = s[i];
    }
    void pad(char c, size_t n) {
        if (!fixed && len + n > cap) grow(len + n);
        for (size_t i = 0; i < n; i++, len++)
            if (len < cap) buf[len] = c;
    }
    void grow(size_t need) {
        size_t ncap = cap * 2;
        while (ncap < need) ncap *= 2;
        char* nb = static_cast<char*>(runtime::mallocgc(ncap, false));
        for (size_t i = 0; i < len; i++) nb[i] = buf[i];
        if (heap) runtime::mfree(buf);
        buf = nb;
        cap = ncap;
        heap = true;
    }
    ~Out() {
        if (heap) runtime::mfree(buf);
    }
};

struct Spec {
    bool minus = false, plus = false, space = false, alt = false, zero = false;
    int width = 0;
    int prec = -1;  // -1: none given
    char len = 0;   // 'H' hh, 'h', 'l', 'L' ll or long double, 'j', 'z', 't'
    char conv = 0;
};

// A field: prefix (sign, 0x), then zeros, then body, padded to the width.
void field(Out& o, const Spec& sp, const char* prefix, size_t npre, size_t zeros, const char* body, size_t nbody) {
    size_t n = npre + zeros + nbody;
    size_t fill = sp.width > 0 && static_cast<size_t>(sp.width) > n ? sp.width - n : 0;
    if (!sp.minus && !sp.zero) o.pad(' ', fill);
    o.put(prefix, npre);
    if (!sp.minus && sp.zero) o.pad('0', fill);
    o.pad('0', zeros);
    o.put(body, nbody);
    if (sp.minus) o.pad(' ', fill);
}

uint64_t unsignedArg(const Spec& sp, va_list& ap) {
    switch (sp.len) {
        case 'H': return static_cast<unsigned char>(va_arg(ap, unsigned));
        case 'h': return static_cast<unsigned short>(va_arg(ap, unsigned));
        case 'l': return va_arg(ap, unsigned long);
        case 'L': return va_arg(ap, unsigned long long);
        case 'j': return va_arg(ap, uintmax_t);
        case 'z': return va_arg(ap, size_t);
        case 't': return static_cast<uint64_t>(va_arg(ap, ptrdiff_t));
        default: return va_arg(ap, unsigned);
    }
}

int64_t signedArg(const Spec& sp, va_list& ap) {
    switch (sp.len) {
        case 'H': return static_cast<signed char>(va_arg(ap, int));
        case 'h': return static_cast<short>(va_arg(ap, int));
        case 'l': return va_arg(ap, long);
        case 'L': return va_arg(ap, long long);
        case 'j': return va_arg(ap, intmax_t);
        case 'z': return static_cast<int64_t>(va_arg(ap, size_t));
        case 't': return va_arg(ap, ptrdiff_t);
        default: return va_arg(ap, int);
    }
}

// %d %i %u %o %x %X: precision is the minimum number of digits (and turns
// the 0 flag off); the value 0 with precision 0 has no digits.
void formatInt(Out& o, Spec sp, va_list& ap) {
    bool isSigned = sp.conv == 'd' || sp.conv == 'i';
    uint64_t u;
    char sign = 0;
    if (isSigned) {
        int64_t v = signedArg(sp, ap);
        u = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
        sign = v < 0 ? '-' : sp.plus ? '+' : sp.space ? ' ' : 0;
    } else {
        u = unsignedArg(sp, ap);
    }
    unsigned base = sp.conv == 'o' ? 8 : (sp.conv == 'x' || sp.conv == 'X') ? 16 : 10;
    const char* digits = sp.conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    size_t n = 0;
    for (uint64_t v = u; v; v /= base) tmp[sizeof tmp - ++n] = digits[v % base];
    char prefix[2];
    size_t npre = 0;
    if (sign) prefix[npre++] = sign;
    if (sp.alt && base == 16 && u != 0) {
        prefix[npre++] = '0';
        prefix[npre++] = sp.conv;
    }
    size_t want = sp.prec >= 0 ? static_cast<size_t>(sp.prec) : 1;
    if (sp.prec >= 0) sp.zero = false;
    // '#' with %o: the first digit is a zero.
    if (sp.alt && base == 8 && want <= n) want = n + 1;
    size_t zeros = want > n ? want - n : 0;
    field(o, sp, prefix, npre, zeros, tmp + sizeof tmp - n, n);
}

bool signBit(double v) {
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return b >> 63;
}

// %a %A: [-]0xh.hhhp±d, as glibc lays it out: the leading digit is 1 for a
// normal number and 0 for a subnormal (exponent -1022), trailing zeros go
// unless a precision is given, and rounding to the precision (half to even)
// may carry into the leading digit (0x2.00p+0), which glibc leaves so.
void formatHexFloat(Out& o, Spec sp, uint64_t bits, bool upper) {
    char sign = bits >> 63 ? '-' : sp.plus ? '+' : sp.space ? ' ' : 0;
    int bexp = static_cast<int>(bits >> 52 & 0x7FF);
    uint64_t mant = bits & ((uint64_t(1) << 52) - 1);
    uint64_t lead = bexp != 0;
    int exp = bexp == 0 ? (mant ? -1022 : 0) : bexp - 1023;
    int digits = 13;  // 52 bits of fraction
    if (sp.prec >= 0 && sp.prec < 13) {
        int drop = 4 * (13 - sp.prec);
        uint64_t rest = mant & ((uint64_t(1) << drop) - 1), half = uint64_t(1) << (drop - 1);
        mant >>= drop;
        uint64_t last = sp.prec == 0 ? lead : mant;  // the last digit kept
        if (rest > half || (rest == half && (last & 1))) mant++;
        if (mant >> (4 * sp.prec)) {  // carried into the leading digit
            lead++;
            mant &= (uint64_t(1) << (4 * sp.prec)) - 1;
        }
        digits = sp.prec;
    } else {
        while (sp.prec < 0 && digits > 0 && (mant & 15) == 0) mant >>= 4, digits--;
    }
    const char* hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char body[48];
    int n = 0;
    body[n++] = hex[lead];
    if (digits > 0 || sp.alt) body[n++] = '.';
    for (int i = digits - 1; i >= 0; i--) body[n++] = hex[mant >> (4 * i) & 15];
    int pz = sp.prec > 13 ? sp.prec - 13 : 0;  // zeros past the 13 digits a double has
    body[n++] = upper ? 'P' : 'p';
    body[n++] = exp < 0 ? '-' : '+';
    char e[8];
    int ne = 0;
    for (unsigned u = exp < 0 ? -exp : exp; ne == 0 || u; u /= 10) e[ne++] = static_cast<char>('0' + u % 10);
    while (ne) body[n++] = e[--ne];
    char prefix[3] = {sign, '0', upper ? 'X' : 'x'};
    size_t npre = sign ? 3 : 2;
    // The zeros a large precision asks for go before the 'p'.
    int pAt = 0;
    while (body[pAt] != 'p' && body[pAt] != 'P') pAt++;
    size_t total = npre + n + pz;
    size_t fill = sp.width > 0 && static_cast<size_t>(sp.width) > total ? sp.width - total : 0;
    if (!sp.minus && !sp.zero) o.pad(' ', fill);
    o.put(sign ? prefix : prefix + 1, npre);
    if (!sp.minus && sp.zero) o.pad('0', fill);
    o.put(body, pAt);
    o.pad('0', pz);
    o.put(body + pAt, n - pAt);
    if (sp.minus) o.pad(' ', fill);
}

// %f %F %e %E %g %G %a %A.
void formatFloat(Out& o, Spec sp, double v) {
    bool upper = sp.conv == 'F' || sp.conv == 'E' || sp.conv == 'G' || sp.conv == 'A';
    char conv = sp.conv | 0x20;
    char sign = signBit(v) ? '-' : sp.plus ? '+' : sp.space ? ' ' : 0;
    if (signBit(v)) v = -v;
    size_t npre = sign ? 1 : 0;
    if (v != v || v > 1.7976931348623157e308) {  // nan, inf: no zero padding
        sp.zero = false;
        const char* s = v != v ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        field(o, sp, &sign, npre, 0, s, 3);
        return;
    }
    if (conv == 'a') {
        uint64_t bits;
        memcpy(&bits, &v, sizeof bits);
        formatHexFloat(o, sp, bits | (sign == '-' ? uint64_t(1) << 63 : 0), upper);
        return;
    }
    int prec = sp.prec < 0 ? 6 : sp.prec;
    bool trim = false;
    if (conv == 'g') {
        // C: P significant digits (0 means 1); with X the exponent %e
        // would print, %f if P > X >= -4, else %e; trailing zeros go unless '#'.
        int p = prec == 0 ? 1 : prec;
        char stack[40];
        go::strconv::Buf eb(stack, sizeof stack);
        go::strconv::appendFloat(eb, v, 'e', p - 1, 64);
        const char* e = eb.p;
        int en = static_cast<int>(eb.len);
        int x = 0;
        for (int i = en - 1; i > 0; i--)
            if (e[i] == 'e') {
                x = (e[i + 2] - '0') * 10 + (e[i + 3] - '0');
                if (en - i > 4) x = x * 10 + (e[i + 4] - '0');
                if (e[i + 1] == '-') x = -x;
                break;
            }
        conv = p > x && x >= -4 ? 'f' : 'e';
        prec = conv == 'f' ? p - 1 - x : p - 1;
        trim = !sp.alt;
    }
    char stack[400];  // a huge %f moves to the heap
    go::strconv::Buf body(stack, sizeof stack);
    go::strconv::appendFloat(body, v, conv, prec, 64);
    char* b = body.p;
    int n = static_cast<int>(body.len);
    int mant = n, expAt = n;  // the mantissa ends where 'e' starts
    for (int i = 0; i < n; i++)
        if (b[i] == 'e') mant = expAt = i;
    if (trim) {
        bool dot = false;
        for (int i = 0; i < mant; i++) dot |= b[i] == '.';
        if (dot) {
            while (b[mant - 1] == '0') mant--;
            if (b[mant - 1] == '.') mant--;
        }
    }
    if (upper)
        for (int i = 0; i < n; i++)
            if (b[i] >= 'a' && b[i] <= 'z') b[i] -= 0x20;
    // '#': always a decimal point.
    bool addDot = sp.alt && prec == 0 && conv != 'g';
    char tail[8];
    int nt = 0;
    if (addDot) tail[nt++] = '.';
    for (int i = expAt; i < n; i++) tail[nt++] = b[i];
    size_t total = npre + mant + nt;
    size_t fill = sp.width > 0 && static_cast<size_t>(sp.width) > total ? sp.width - total : 0;
    if (!sp.minus && !sp.zero) o.pad(' ', fill);
    o.put(&sign, npre);
    if (!sp.minus && sp.zero) o.pad('0', fill);
    o.put(b, mant);
    o.put(tail, nt);
    if (sp.minus) o.pad(' ', fill);
}

void formatString(Out& o, Spec sp, const char* s) {
    if (!s) s = sp.prec < 0 || sp.prec >= 6 ? "(null)" : "";  // glibc
    size_t n = 0;  // a precision bounds what is read: s need not end in a NUL
    if (sp.prec < 0) n = cstrlen(s);
    else while (n < static_cast<size_t>(sp.prec) && s[n]) n++;
    sp.zero = false;
    field(o, sp, "", 0, 0, s, n);
}

void formatPointer(Out& o, Spec sp, const void* p) {
    if (!p) {  // glibc
        sp.zero = false;
        field(o, sp, "", 0, 0, "(nil)", 5);
        return;
    }
    uint64_t u = reinterpret_cast<uintptr_t>(p);
    char tmp[16];
    size_t n = 0;
    for (uint64_t v = u; v; v >>= 4) tmp[sizeof tmp - ++n] = "0123456789abcdef"[v & 15];
    char sign = sp.plus ? '+' : sp.space ? ' ' : 0;
    char prefix[3] = {sign, '0', 'x'};
    size_t want = sp.prec >= 0 ? static_cast<size_t>(sp.prec) : 1;
    if (sp.prec >= 0) sp.zero = false;
    field(o, sp, sign ? prefix : prefix + 1, sign ? 3 : 2, want > n ? want - n : 0, tmp + sizeof tmp - n, n);
}

void storeCount(const Spec& sp, va_list& ap, size_t count) {
    switch (sp.len) {
        case 'H': *va_arg(ap, signed char*) = static_cast<signed char>(count); break;
        case 'h': *va_arg(ap, short*) = static_cast<short>(count); break;
        case 'l': *va_arg(ap, long*) = static_cast<long>(count); break;
        case 'L': *va_arg(ap, long long*) = static_cast<long long>(count); break;
        case 'j': *va_arg(ap, intmax_t*) = static_cast<intmax_t>(count); break;
        case 'z': *va_arg(ap, size_t*) = count; break;
        case 't': *va_arg(ap, ptrdiff_t*) = static_cast<ptrdiff_t>(count); break;
        default: *va_arg(ap, int*) = static_cast<int>(count);
    }
}

// Reads one conversion after its '%'; returns where the format goes on.
const char* parseSpec(const char* f, Spec& sp, va_list& ap) {
    for (;; f++) {
        if (*f == '-') sp.minus = true;
        else if (*f == '+') sp.plus = true;
        else if (*f == ' ') sp.space = true;
        else if (*f == '#') sp.alt = true;
        else if (*f == '0') sp.zero = true;
        else break;
    }
    if (*f == '*') {
        int w = va_arg(ap, int);
        if (w < 0) {
            sp.minus = true;
            w = -w;
        }
        sp.width = w;
        f++;
    } else {
        while (*f >= '0' && *f <= '9') sp.width = sp.width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
        f++;
        sp.prec = 0;
        if (*f == '*') {
            sp.prec = va_arg(ap, int);
            if (sp.prec < 0) sp.prec = -1;
            f++;
        } else {
            while (*f >= '0' && *f <= '9') sp.prec = sp.prec * 10 + (*f++ - '0');
        }
    }
    if (sp.minus) sp.zero = false;
    switch (*f) {
        case 'h': sp.len = f[1] == 'h' ? (f++, 'H') : 'h'; f++; break;
        case 'l': sp.len = f[1] == 'l' ? (f++, 'L') : 'l'; f++; break;
        case 'q':
        case 'L': sp.len = 'L'; f++; break;
        case 'j':
        case 'z':
        case 't': sp.len = *f++; break;
    }
    sp.conv = *f;
    return *f ? f + 1 : f;
}

void format(Out& o, const char* f, va_list arg) {
    va_list ap;  // a va_list parameter is a pointer; the helpers take the list
    va_copy(ap, arg);
    while (*f) {
        const char* start = f;
        while (*f && *f != '%') f++;
        o.put(start, f - start);
        if (!*f) break;
        Spec sp;
        const char* spec = f;
        f = parseSpec(f + 1, sp, ap);
        switch (sp.conv) {
            case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': formatInt(o, sp, ap); break;
            case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
                formatFloat(o, sp, sp.len == 'L' ? static_cast<double>(va_arg(ap, long double)) : va_arg(ap, double));
                break;
            case 'c':
                if (sp.len == 'l') goto verbatim;
                {
                    char c = static_cast<char>(va_arg(ap, int));
                    sp.zero = false;
                    field(o, sp, "", 0, 0, &c, 1);
                }
                break;
            case 's':
                if (sp.len == 'l') goto verbatim;
                formatString(o, sp, va_arg(ap, const char*));
                break;
            case 'p': formatPointer(o, sp, va_arg(ap, const void*)); break;
            case 'n': storeCount(sp, ap, o.len); break;
            case '%': o.put("%", 1); break;
            default:
            verbatim:
                o.put(spec, f - spec);
        }
    }
    va_end(ap);
}

// The streams: only their addresses mean anything.
char streamTags[3];
int streamFd(FILE* s) {
    if (s == reinterpret_cast<FILE*>(&streamTags[1])) return 1;
    if (s == reinterpret_cast<FILE*>(&streamTags[2])) return 2;
    return -1;
}

int writeAll(int fd, const char* p, size_t n) {
    if (fd < 0) return EOF;
    return go::os::Write(fd, p, n) < 0 ? EOF : static_cast<int>(n);
}

int vwrite(int fd, const char* f, va_list ap) {
    char stack[256];
    Out o{stack, sizeof stack, 0, false};
    format(o, f, ap);
    return writeAll(fd, o.buf, o.len);
}

}  // namespace

extern "C" {

FILE* stdin = reinterpret_cast<FILE*>(&streamTags[0]);
FILE* stdout = reinterpret_cast<FILE*>(&streamTags[1]);
FILE* stderr = reinterpret_cast<FILE*>(&streamTags[2]);

int vsnprintf(char* s, size_t n, const char* f, va_list ap) noexcept {
    Out o{s, n ? n - 1 : 0, 0, true};
    format(o, f, ap);
    if (n) s[o.len < n - 1 ? o.len : n - 1] = 0;
    return static_cast<int>(o.len);
}

int snprintf(char* s, size_t n, const char* f, ...) noexcept {
    va_list ap;
    va_start(ap, f);
    int r = vsnprintf(s, n, f, ap);
    va_end(ap);
    return r;
}

int vsprintf(char* s, const char* f, va_list ap) noexcept { return vsnprintf(s, SIZE_MAX, f, ap); }

int sprintf(char* s, const char* f, ...) noexcept {
    va_list ap;
    va_start(ap, f);
    int r = vsnprintf(s, SIZE_MAX, f, ap);
    va_end(ap);
    return r;
}

int vfprintf(FILE* stream, const char* f, va_list ap) { return vwrite(streamFd(stream), f, ap); }

int fprintf(FILE* stream, const char* f, ...) {
    va_list ap;
    va_start(ap, f);
    int r = vwrite(streamFd(stream), f, ap);
    va_end(ap);
    return r;
}

int vprintf(const char* f, va_list ap) { return vwrite(1, f, ap); }

int printf(const char* f, ...) {
    va_list ap;
    va_start(ap, f);
    int r = vwrite(1, f, ap);
    va_end(ap);
    return r;
}

int vdprintf(int fd, const char* f, va_list ap) { return vwrite(fd, f, ap); }

int dprintf(int fd, const char* f, ...) {
    va_list ap;
    va_start(ap, f);
    int r = vwrite(fd, f, ap);
    va_end(ap);
    return r;
}

// puts: the string and its newline in one write.
int puts(const char* s) {
    char stack[256];
    Out o{stack, sizeof stack, 0, false};
    o.put(s, cstrlen(s));
    o.put("\n", 1);
    return writeAll(1, o.buf, o.len);
}

int fputs(const char* s, FILE* stream) { return writeAll(streamFd(stream), s, cstrlen(s)) < 0 ? EOF : 0; }

int fputc(int c, FILE* stream) {
    char b = static_cast<char>(c);
    return writeAll(streamFd(stream), &b, 1) < 0 ? EOF : static_cast<unsigned char>(c);
}

int putc(int c, FILE* stream) { return fputc(c, stream); }
int putchar(int c) { return fputc(c, stdout); }

size_t fwrite(const void* p, size_t size, size_t n, FILE* stream) {
    if (size == 0 || n == 0) return 0;
    return writeAll(streamFd(stream), static_cast<const char*>(p), size * n) < 0 ? 0 : n;
}

// Nothing is buffered.
int fflush(FILE* stream) { return 0; }

}  // extern "C"
