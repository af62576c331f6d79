// charconv.cpp — the floating-point std::to_chars and std::from_chars
// ([charconv.to.chars], [charconv.from.chars]) for float, double and long
// double (x87 extended), under
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
// "inf", "-inf", "nan", "-nan".
#include "charconv.h"

#include "pkg/strconv/atof.h"
#include "pkg/strconv/strconv.h"

namespace {

using go::strconv::bits128;
using go::strconv::Buf;
using go::strconv::FloatInfo;

// The float's fields, and its value (widened exactly to long double).
struct floatParts {
    bits128 bits;
    const FloatInfo& flt;
    int bitSize;
    long double value;
};

floatParts parts(float v) { return {__builtin_bit_cast(uint32_t, v), go::strconv::float32info, 32, v}; }
floatParts parts(double v) { return {__builtin_bit_cast(uint64_t, v), go::strconv::float64info, 64, v}; }
floatParts parts(long double v) {
    bits128 b = __builtin_bit_cast(bits128, v) & (((bits128)1 << 80) - 1);  // the rest is padding
    return {b, go::strconv::float80info, 80, v};
}

bool negative(const floatParts& f) { return (f.bits & go::strconv::signBit(f.flt)) != 0; }
unsigned biasedExp(const floatParts& f) {
    return (unsigned)(f.bits >> go::strconv::expShift(f.flt)) & go::strconv::maxBiased(f.flt);
}

// strconv's AppendFloat of the value, in its format.
void appendFloat(Buf& b, const floatParts& f, char fmt, int prec) {
    if (f.bitSize == 80) go::strconv::appendFloat80(b, f.value, fmt, prec);
    else go::strconv::appendFloat(b, (double)f.value, fmt, prec, f.bitSize);
}

// "inf", "-inf", "nan", "-nan"; false for a finite value.
bool nonFinite(Buf& b, const floatParts& f) {
    if (biasedExp(f) != go::strconv::maxBiased(f.flt)) return false;
    if (negative(f)) b.put('-');
    b.puts(f.bits & (((bits128)1 << f.flt.mantbits) - 1) ? "nan" : "inf");  // x87's integer bit aside
    return true;
}

// %f with the shortest digits; an integer-valued float gets its exact
// digits rather than the shortest ones padded with zeros.
void fixedShortest(Buf& b, const floatParts& f) {
    size_t at = b.len;
    appendFloat(b, f, 'f', -1);
    for (size_t i = at; i < b.len; i++)
        if (b.p[i] == '.') return;
    b.len = at;
    appendFloat(b, f, 'f', 0);
}

// The plain to_chars: %e and %f of the shortest digits, the shorter one.
// The length of %f follows from %e's digits and exponent, so %f is only
// written when it wins.
void plainShortest(Buf& b, const floatParts& f) {
    size_t at = b.len;
    appendFloat(b, f, 'e', -1);
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

// %a without "0x", as glibc prints it. IEEE formats: a leading 1 (0 for
// subnormals and zero, with the smallest normal exponent), the stored
// fraction in hex digits (a float's 23 bits shifted left to fill 6). x87:
// the leading digit is the significand's top 4 bits, 15 digits follow, and
// the exponent is 3 less. With a precision, rounded half to even; a carry
// makes an IEEE leading digit 2, an x87 one 1 with the exponent 4 more.
void hexFloat(Buf& b, const floatParts& f, int prec) {
    const FloatInfo& flt = f.flt;
    unsigned e = biasedExp(f);
    bits128 sig = f.bits & ~(((bits128)-1) << flt.mantbits);  // the fraction
    bool zero = (f.bits & ~go::strconv::signBit(flt)) == 0;
    long exp = zero ? 0 : (long)(e != 0 ? e : 1) + flt.bias;
    unsigned width;
    uint64_t lead, frac;
    if (flt.explicitOne) {
        uint64_t m = (uint64_t)f.bits;
        width = 60;
        lead = m >> 60;
        frac = m & ((1ull << 60) - 1);
        if (!zero) exp -= 3;
    } else {
        width = (flt.mantbits + 3) / 4 * 4;  // 52, or 24 for float
        lead = e != 0;
        frac = (uint64_t)sig << (width - flt.mantbits);
    }
    int ndigits = (int)(width / 4);
    if (prec >= 0 && prec < ndigits) {
        unsigned drop = width - 4 * (unsigned)prec;
        bits128 v = (bits128)lead << width | frac;
        bits128 rem = v & (((bits128)1 << drop) - 1), half = (bits128)1 << (drop - 1);
        v >>= drop;
        if (rem > half || (rem == half && (v & 1))) v++;
        lead = (uint64_t)(v >> (4 * prec));
        frac = (uint64_t)(v & (((bits128)1 << (4 * prec)) - 1)) << drop;
        ndigits = prec;
        if (lead == 16) {
            lead = 1;
            exp += 4;
        }
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
        appendFloat(b, f, c, prec);
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
std::to_chars_result floatToChars(char* first, char* last, long double value, std::chars_format fmt, int prec) {
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
