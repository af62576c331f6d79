// charconv.cpp — the floating-point std::to_chars and std::from_chars
// ([charconv.to.chars], [charconv.from.chars]) for float and double (and
// from_chars for long double), under
// names of our own (charconv.h; to_chars.cpp exports them under the std::
// names), over package strconv: AppendFloat (ftoa.cpp) for
// the decimal forms, ParseFloat's reader and conversions (atof.cpp) for
// parsing.
//
// The forms, as the standard defines them through printf:
//   to_chars(v)             shortest digits that read back as v, in %f or %e
//                           layout, whichever is shorter (%f on a tie)
//   to_chars(v, fmt)        shortest digits: fixed %f, scientific %e,
//                           general %g with %e below 1e-4 and from 1e6 (as
//                           libstdc++ and Go's 'g' do), hex %a without "0x"
//   to_chars(v, fmt, prec)  printf's %.precf %.prece %.precg %.preca (a
//                           negative prec is mapped by to_chars.cpp)
// A shortest %f of an integer-valued float prints its exact value (1e23
// is 99999999999999991611392), as libstdc++ does. Infinities and NaNs are
// "inf", "-inf", "nan", "-nan". from_chars also reads long double (x87
// extended); to_chars of long double is not provided (docs/cxx-runtime.md).
#include "charconv.h"

#include "pkg/strconv/atof.h"
#include "pkg/strconv/strconv.h"

namespace {

using go::strconv::appendFloat;
using go::strconv::Buf;
using go::strconv::FloatInfo;

// The float's fields, and its value widened to double (exactly) for
// appendFloat, which narrows it back when bitSize is 32.
struct floatParts {
    uint64_t bits;
    const FloatInfo& flt;
    int bitSize;
    double wide;
};

floatParts parts(double v) { return {__builtin_bit_cast(uint64_t, v), go::strconv::float64info, 64, v}; }
floatParts parts(float v) { return {__builtin_bit_cast(uint32_t, v), go::strconv::float32info, 32, v}; }

bool negative(const floatParts& f) { return f.bits >> (f.flt.mantbits + f.flt.expbits); }
unsigned biasedExp(const floatParts& f) {
    return (unsigned)(f.bits >> f.flt.mantbits) & ((1u << f.flt.expbits) - 1);
}

// "inf", "-inf", "nan", "-nan"; false for a finite value.
bool nonFinite(Buf& b, const floatParts& f) {
    if (biasedExp(f) != (1u << f.flt.expbits) - 1) return false;
    if (negative(f)) b.put('-');
    b.puts(f.bits & ((1ull << f.flt.mantbits) - 1) ? "nan" : "inf");
    return true;
}

// %f with the shortest digits; an integer-valued float gets its exact
// digits rather than the shortest ones padded with zeros.
void fixedShortest(Buf& b, const floatParts& f) {
    size_t at = b.len;
    appendFloat(b, f.wide, 'f', -1, f.bitSize);
    for (size_t i = at; i < b.len; i++)
        if (b.p[i] == '.') return;
    b.len = at;
    appendFloat(b, f.wide, 'f', 0, f.bitSize);
}

// The plain to_chars: %e and %f of the shortest digits, the shorter one.
// The length of %f follows from %e's digits and exponent, so %f is only
// written when it wins.
void plainShortest(Buf& b, const floatParts& f) {
    size_t at = b.len;
    appendFloat(b, f.wide, 'e', -1, f.bitSize);
    size_t i = at + (negative(f) ? 1 : 0);
    long nd = 0, x = 0, sign = 1;
    for (; b.p[i] != 'e'; i++) nd += b.p[i] != '.';
    if (b.p[++i] == '-') sign = -1;
    for (i++; i < b.len; i++) x = x * 10 + (b.p[i] - '0');
    x *= sign;
    long fixedLen = x >= 0 ? (x + 1) + (nd > x + 1 ? nd - (x + 1) + 1 : 0) : 2 + (-x - 1) + nd;
    if (fixedLen + (negative(f) ? 1 : 0) > (long)(b.len - at)) return;
    b.len = at;
    fixedShortest(b, f);
}

// %a without "0x": a leading 1 (0 for subnormals and zero, with the
// smallest normal exponent), the stored fraction in hex digits (a float's
// 23 bits shifted left to fill 6 digits), and a binary exponent. With a
// precision, rounded half to even; a carry makes the leading digit 2.
void hexFloat(Buf& b, const floatParts& f, int prec) {
    unsigned width = (f.flt.mantbits + 3) / 4 * 4;  // 52, or 24 for float
    uint64_t frac = (f.bits & ((1ull << f.flt.mantbits) - 1)) << (width - f.flt.mantbits);
    unsigned e = biasedExp(f);
    uint64_t lead = e != 0;
    bool zero = (f.bits & ~(1ull << (f.flt.mantbits + f.flt.expbits))) == 0;
    long exp = zero ? 0 : (long)(e != 0 ? e : 1) + f.flt.bias;
    int ndigits = (int)(width / 4);
    if (prec >= 0 && prec < ndigits) {
        unsigned drop = width - 4 * (unsigned)prec;
        uint64_t v = lead << width | frac;
        uint64_t rem = v & ((1ull << drop) - 1), half = 1ull << (drop - 1);
        v >>= drop;
        if (rem > half || (rem == half && (v & 1))) v++;
        lead = v >> (4 * prec);
        frac = (v & ((1ull << (4 * prec)) - 1)) << drop;
        ndigits = prec;
    } else if (prec < 0) {
        while (ndigits > 0 && ((frac >> (width - 4 * ndigits)) & 15) == 0) ndigits--;
    }
    if (negative(f)) b.put('-');
    b.put(go::strconv::lowerhex[lead]);
    if (ndigits > 0 || prec > 0) b.put('.');
    for (int i = 1; i <= ndigits; i++) b.put(go::strconv::lowerhex[(frac >> (width - 4 * i)) & 15]);
    if (prec > ndigits) b.fill('0', (size_t)(prec - ndigits));
    b.put('p');
    b.put(exp < 0 ? '-' : '+');
    go::strconv::appendUint(b, (uint64_t)(exp < 0 ? -exp : exp));
}

// Whether the output is certain to exceed n bytes before formatting it: a
// precision means at least that many digits (the guard against a huge
// precision allocating its padding).
bool surelyTooLong(std::chars_format fmt, int prec, size_t n) {
    return fmt != std::chars_format::general && prec > 0 && (size_t)prec >= n;
}

template <typename T>
std::to_chars_result toChars(char* first, char* last, T value, std::chars_format fmt, int prec) {
    floatParts f = parts(value);
    size_t room = (size_t)(last - first);
    char stack[128];
    Buf b(stack, sizeof stack);
    if (nonFinite(b, f)) {
    } else if (surelyTooLong(fmt, prec, room)) {
        return {last, std::errc::value_too_large};
    } else if (fmt == std::chars_format::hex) {
        hexFloat(b, f, prec);
    } else if (prec == -1 && fmt == std::chars_format{}) {
        plainShortest(b, f);
    } else if (prec == -1 && fmt == std::chars_format::fixed) {
        fixedShortest(b, f);
    } else {
        char c = fmt == std::chars_format::fixed ? 'f' : fmt == std::chars_format::scientific ? 'e' : 'g';
        appendFloat(b, f.wide, c, prec, f.bitSize);
    }
    if (b.len > room) return {last, std::errc::value_too_large};
    __builtin_memcpy(first, b.p, b.len);
    return {first + b.len, std::errc{}};
}

template <typename T>
std::from_chars_result fromChars(const char* first, const char* last, T& value, std::chars_format fmt) {
    using go::strconv::FloatSyntax;
    bool sci = (fmt & std::chars_format::scientific) != std::chars_format{};
    bool fixed = (fmt & std::chars_format::fixed) != std::chars_format{};
    FloatSyntax syn{false, false, fmt == std::chars_format::hex,
                    sci && !fixed   ? FloatSyntax::required
                    : fixed && !sci ? FloatSyntax::forbidden
                                    : FloatSyntax::optional};
    const FloatInfo& flt = sizeof(T) == 4   ? go::strconv::float32info
                           : sizeof(T) == 8 ? go::strconv::float64info
                                            : go::strconv::float80info;
    go::strconv::FloatParse r = go::strconv::parseFloat(first, (size_t)(last - first), flt, syn);
    if (r.n == 0) return {first, std::errc::invalid_argument};
    if (r.overflow || r.zeroed) return {first + r.n, std::errc::result_out_of_range};
    if constexpr (sizeof(T) == 4) value = __builtin_bit_cast(float, (uint32_t)r.bits);
    else if constexpr (sizeof(T) == 8) value = __builtin_bit_cast(double, (uint64_t)r.bits);
    else value = __builtin_bit_cast(long double, r.bits);  // the top 48 bits are padding
    return {first + r.n, std::errc{}};
}

}  // namespace

namespace cxx {

std::to_chars_result floatToChars(char* first, char* last, float value, std::chars_format fmt, int prec) {
    return toChars(first, last, value, fmt, prec);
}
std::to_chars_result floatToChars(char* first, char* last, double value, std::chars_format fmt, int prec) {
    return toChars(first, last, value, fmt, prec);
}
std::from_chars_result floatFromChars(const char* first, const char* last, float& value, std::chars_format fmt) {
    return fromChars(first, last, value, fmt);
}
std::from_chars_result floatFromChars(const char* first, const char* last, double& value, std::chars_format fmt) {
    return fromChars(first, last, value, fmt);
}
std::from_chars_result floatFromChars(const char* first, const char* last, long double& value,
                                      std::chars_format fmt) {
    return fromChars(first, last, value, fmt);
}

}  // namespace cxx
