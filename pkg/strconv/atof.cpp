// atof.cpp — Go's strconv/atof.go: reading a floating-point number's text
// (readFloat, special) and choosing the conversion (atof64, atof32,
// atofHex). The float is built from its bits: no floating-point arithmetic.
//
// Divergences from Go, for C's strtod and C++'s from_chars, which call this
// (pkg/libc/strtod.cpp, pkg/cxx/charconv.cpp): the longest prefix that is a
// number is taken (Go rejects the whole string), so an exponent marker
// without digits ("1e", "1e+") ends the number before it; no underscores;
// a hexadecimal number needs no 'p' exponent; "nan(chars)" is accepted;
// Go's atof64exact (exact float arithmetic for short inputs) is left out,
// the Eisel-Lemire method covering those inputs as well; the x87 long
// double format is read too (FloatInfo::explicitOne, 128-bit significands).
#include "pkg/strconv/atof.h"

namespace go::strconv {

namespace {

char lower(char c) { return (char)(c | 0x20); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHexDigit(char c) { return isDigit(c) || (lower(c) >= 'a' && lower(c) <= 'f'); }

// Whether s[i..n) starts with word (lower case), ignoring case.
bool hasPrefixFold(const char* s, size_t i, size_t n, const char* word) {
    for (; *word; word++, i++)
        if (i >= n || lower(s[i]) != *word) return false;
    return true;
}

// What readFloat found: the mantissa's first digits and the point and
// exponent, in the base's digits (hex: in bits, as Go counts them).
struct floatText {
    size_t n = 0;            // bytes matched; 0: none
    bool neg = false;
    bool hex = false;
    const char* digits = nullptr;  // the mantissa's text, for decimal.cpp
    const char* digitsEnd = nullptr;
    bits128 mantissa = 0;   // the first 19 decimal (30 hex) significant digits
    int64_t exp = 0;        // mantissa·base^exp (hex: ·2^exp) is the value, but for trunc
    int64_t expText = 0;    // the exponent as written (decimal only)
    bool trunc = false;     // nonzero digits after the first 19 (30)
};

// Go's special: "inf", "infinity", "nan" and "nan(" [0-9A-Za-z_]* ")", at
// s[i]; returns the bytes matched (0: none) and sets nan.
size_t special(const char* s, size_t i, size_t n, bool& nan) {
    nan = false;
    if (hasPrefixFold(s, i, n, "inf")) return hasPrefixFold(s, i, n, "infinity") ? 8 : 3;
    if (!hasPrefixFold(s, i, n, "nan")) return 0;
    nan = true;
    size_t j = i + 3;
    if (j < n && s[j] == '(') {
        size_t k = j + 1;
        while (k < n && (isDigit(s[k]) || (lower(s[k]) >= 'a' && lower(s[k]) <= 'z') || s[k] == '_')) k++;
        if (k < n && s[k] == ')') return k + 1 - i;
    }
    return 3;
}

// Go's readFloat, from s[i]: digits with at most one point, then the
// exponent (e for decimal, p for hex). Returns false when there is no digit.
bool readFloat(const char* s, size_t i, size_t n, bool hex, FloatSyntax::Exponent expRule, floatText& t) {
    unsigned base = hex ? 16 : 10;
    // 10^19 fits in 64 bits, for Eisel-Lemire; 30 hex digits keep the 66
    // bits an x87 significand and its rounding bits need, whatever the
    // first digit (Go keeps 16).
    int maxMantDigits = hex ? 30 : 19;
    bool sawdot = false, sawdigits = false;
    int64_t nd = 0, ndMant = 0, dp = 0;
    t.hex = hex;
    t.digits = s + i;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '.') {
            if (sawdot) break;
            sawdot = true;
            dp = nd;
            continue;
        }
        if (!(hex ? isHexDigit(c) : isDigit(c))) break;
        sawdigits = true;
        if (c == '0' && nd == 0) {  // leading zeros
            dp--;
            continue;
        }
        nd++;
        unsigned v = isDigit(c) ? (unsigned)(c - '0') : (unsigned)(lower(c) - 'a' + 10);
        if (ndMant < maxMantDigits) {
            t.mantissa = t.mantissa * base + v;
            ndMant++;
        } else if (c != '0') {
            t.trunc = true;
        }
    }
    if (!sawdigits) return false;
    t.digitsEnd = s + i;
    if (!sawdot) dp = nd;
    if (hex) {
        dp *= 4;
        ndMant *= 4;
    }
    // The exponent, only when digits follow its marker and sign.
    bool haveExp = false;
    if (i < n && lower(s[i]) == (hex ? 'p' : 'e') && (hex || expRule != FloatSyntax::forbidden)) {
        size_t j = i + 1;
        int64_t esign = 1;
        if (j < n && (s[j] == '+' || s[j] == '-')) esign = s[j++] == '-' ? -1 : 1;
        if (j < n && isDigit(s[j])) {
            int64_t e = 0;
            for (; j < n && isDigit(s[j]); j++)
                if (e < 1000000000) e = e * 10 + (s[j] - '0');  // far past any float
            t.expText = e * esign;
            dp += t.expText;
            i = j;
            haveExp = true;
        }
    }
    if (!hex && expRule == FloatSyntax::required && !haveExp) return false;
    if (t.mantissa != 0) t.exp = dp - ndMant;
    t.n = i;
    return true;
}

// The result of a conversion, before FloatParse adds the byte count.
struct converted {
    bits128 bits;
    bool overflow, inexact;
};

// Go's atofHex: mantissa·2^exp rounded to the format, half to even, with
// the rounding bits kept sticky (trunc is a nonzero bit below them all).
// 128-bit: an x87 significand and its two rounding bits take 66.
converted atofHex(const FloatInfo& flt, bits128 mantissa, int64_t exp, bool neg, bool trunc) {
    int64_t maxExp = (int64_t)maxBiased(flt) + flt.bias - 1;
    int64_t minExp = flt.bias + 1;
    exp += flt.mantbits;  // the mantissa is now implicitly divided by 2^mantbits
    // A leading 1 then mantbits bits, then two rounding bits.
    while (mantissa != 0 && mantissa >> (flt.mantbits + 2) == 0) {
        mantissa <<= 1;
        exp--;
    }
    if (trunc) mantissa |= 1;
    while (mantissa >> (1 + flt.mantbits + 2) != 0) {
        mantissa = mantissa >> 1 | (mantissa & 1);
        exp++;
    }
    // Too small: denormalize (the -2 is for the rounding bits).
    while (mantissa > 1 && exp < minExp - 2) {
        mantissa = mantissa >> 1 | (mantissa & 1);
        exp++;
    }
    bool inexact = (mantissa & 3) != 0;
    unsigned round = (unsigned)(mantissa & 3);
    mantissa >>= 2;
    round |= (unsigned)(mantissa & 1);  // round to even: up when the mantissa is odd
    exp += 2;
    if (round == 3) {
        mantissa++;
        if (mantissa == (bits128)1 << (1 + flt.mantbits)) {
            mantissa >>= 1;
            exp++;
        }
    }
    if (mantissa >> flt.mantbits == 0) exp = flt.bias;  // subnormal or zero
    if (exp > maxExp) return {infinityBits(flt, neg), true, true};
    return {assemble(flt, mantissa, (unsigned)(exp - flt.bias), neg), false, inexact};
}

// Go's atof64/atof32 after readFloat: Eisel-Lemire, confirmed with the
// next mantissa when digits were cut off, else exact decimal arithmetic
// (always, for the x87 format, whose 64-bit significand leaves the method
// no rounding bits).
converted atofDecimal(const FloatInfo& flt, const floatText& t) {
    uint64_t bits;
    bool tryEL = !flt.explicitOne && t.exp >= pow10Min && t.exp <= pow10Max;
    uint64_t man = (uint64_t)t.mantissa;  // at most 19 digits
    if (tryEL && eiselLemire(man, (int)t.exp, t.neg, flt, bits)) {
        if (!t.trunc) return {bits, false, false};
        uint64_t up;
        if (eiselLemire(man + 1, (int)t.exp, t.neg, flt, up) && up == bits) return {bits, false, true};
    }
    DecimalBits d = decimalFloatBits(t.digits, t.digitsEnd, t.expText, t.neg, flt);
    return {d.bits, d.overflow, d.inexact};
}

}  // namespace

FloatParse parseFloat(const char* s, size_t n, const FloatInfo& flt, const FloatSyntax& syn) {
    FloatParse r{};
    floatText t;
    size_t i = 0;
    if (i < n && (s[i] == '-' || (syn.plus && s[i] == '+'))) t.neg = s[i++] == '-';
    bool nan;
    if (size_t m = special(s, i, n, nan)) {
        r.n = i + m;
        // C's NAN is the quiet one (the top fraction bit); the sign as written.
        r.bits = nan ? assemble(flt, (bits128)3 << (flt.mantbits - 1), maxBiased(flt), t.neg) : infinityBits(flt, t.neg);
        return r;
    }
    bool hex = syn.hexOnly;
    if (!hex && syn.hexPrefix && i + 1 < n && s[i] == '0' && lower(s[i + 1]) == 'x') {
        // "0x" counts only when a hex digit follows (else the number is "0").
        size_t j = i + 2;
        if (j < n && s[j] == '.') j++;
        if (j < n && isHexDigit(s[j])) {
            hex = true;
            i += 2;
        }
    }
    if (!readFloat(s, i, n, hex, syn.exp, t)) return r;
    converted c = hex ? atofHex(flt, t.mantissa, t.exp, t.neg, t.trunc) : atofDecimal(flt, t);
    bits128 mag = c.bits & ~signBit(flt);
    r.n = t.n;
    r.bits = c.bits;
    r.overflow = c.overflow;
    r.zeroed = mag == 0 && t.mantissa != 0;
    r.tinyInexact = c.inexact && (mag >> expShift(flt)) == 0;
    return r;
}

}  // namespace go::strconv
