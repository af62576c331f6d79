// decimal.cpp — Go's strconv/decimal.go, the part that atof.go's slow path
// uses: a multiprecision decimal (up to 800 significant digits, with a flag
// for nonzero digits dropped beyond them) that is shifted by powers of two
// until its integer part is the float's mantissa, then rounded half to
// even. Exact wherever the Eisel-Lemire method (eisel_lemire.cpp) declines:
// ties, subnormals, overflow, more than 19 digits.
//
// Divergence from Go: leftShift writes its digits into slack past the end
// and moves them down, rather than looking up the number of new digits in
// Go's leftcheats table (a left shift by k <= 60 adds at most 19 digits).
#include "pkg/strconv/atof.h"

namespace go::strconv {

namespace {

constexpr int maxDigits = 800;  // Go's len(decimal.d)
constexpr int slack = 19;       // the most digits a shift by maxShift adds
constexpr int maxShift = 60;    // n*10 + 9 < 2^64 with n < 10<<60

struct decimal {
    char d[maxDigits + slack];  // digits, big-endian ('0'..'9')
    int nd = 0;                 // number of digits used
    int dp = 0;                 // decimal point
    bool trunc = false;         // nonzero digits were discarded past d[maxDigits-1]

    void set(const char* s, const char* end, int64_t exp);
    void shift(int k);
    void rightShift(unsigned k);
    void leftShift(unsigned k);
    bool shouldRoundUp(int at) const;
    bits128 roundedInteger() const;
    void trim() {
        while (nd > 0 && d[nd - 1] == '0') nd--;
        if (nd == 0) dp = 0;
    }
};

// Digits and '.' from s to end, leading zeros skipped, then the exponent.
// exp is clamped far beyond any float's range so that dp stays an int.
void decimal::set(const char* s, const char* end, int64_t exp) {
    bool sawdot = false;
    int64_t point = 0, n = 0;
    for (; s < end; s++) {
        if (*s == '.') {
            sawdot = true;
            point = n;
            continue;
        }
        if (*s == '0' && n == 0) {  // leading zeros only move the point
            point--;
            continue;
        }
        if (n < maxDigits) d[n] = *s;
        else if (*s != '0') trunc = true;
        n++;
    }
    if (!sawdot) point = n;
    nd = n < maxDigits ? (int)n : maxDigits;
    point += exp;
    if (point > 100000) point = 100000;
    if (point < -100000) point = -100000;
    dp = (int)point;
    trim();
}

// Binary shift right (divide) by k bits: long division, digit by digit.
void decimal::rightShift(unsigned k) {
    int r = 0, w = 0;
    uint64_t n = 0;
    for (; n >> k == 0; r++) {  // the first digits that reach 2^k
        if (r >= nd) {
            if (n == 0) {
                nd = 0;
                return;
            }
            while (n >> k == 0) {
                n *= 10;
                r++;
            }
            break;
        }
        n = n * 10 + (uint64_t)(d[r] - '0');
    }
    dp -= r - 1;
    uint64_t mask = (1ull << k) - 1;
    for (; r < nd; r++) {
        uint64_t dig = n >> k;
        n &= mask;
        d[w++] = (char)('0' + dig);
        n = n * 10 + (uint64_t)(d[r] - '0');
    }
    while (n > 0) {  // the remainder's digits
        uint64_t dig = n >> k;
        n &= mask;
        if (w < maxDigits) d[w++] = (char)('0' + dig);
        else if (dig > 0) trunc = true;
        n *= 10;
    }
    nd = w;
    trim();
}

// Binary shift left (multiply) by k bits: from the last digit up, into
// [0, nd+slack), then moved down to start at d[0].
void decimal::leftShift(unsigned k) {
    int w = nd + slack;
    uint64_t n = 0;
    for (int r = nd - 1; r >= 0; r--) {
        n += (uint64_t)(d[r] - '0') << k;
        uint64_t quo = n / 10;
        d[--w] = (char)('0' + (n - 10 * quo));
        n = quo;
    }
    while (n > 0) {
        uint64_t quo = n / 10;
        d[--w] = (char)('0' + (n - 10 * quo));
        n = quo;
    }
    int delta = slack - w;  // digits added in front
    int total = nd + delta;
    __builtin_memmove(d, d + w, (size_t)total);
    if (total > maxDigits) {
        for (int i = maxDigits; i < total; i++)
            if (d[i] != '0') trunc = true;
        total = maxDigits;
    }
    nd = total;
    dp += delta;
    trim();
}

// Binary shift left (k > 0) or right (k < 0), in steps of at most maxShift.
void decimal::shift(int k) {
    if (nd == 0) return;
    if (k > 0) {
        for (; k > maxShift; k -= maxShift) leftShift(maxShift);
        leftShift((unsigned)k);
    } else if (k < 0) {
        for (; k < -maxShift; k += maxShift) rightShift(maxShift);
        rightShift((unsigned)-k);
    }
}

// Whether rounding to the first at digits goes up: half to even, a tie
// with discarded nonzero digits being above half.
bool decimal::shouldRoundUp(int at) const {
    if (at < 0 || at >= nd) return false;
    if (d[at] == '5' && at + 1 == nd) {
        if (trunc) return true;
        return at > 0 && (d[at - 1] - '0') % 2 == 1;
    }
    return d[at] >= '5';
}

// The integer part, rounded; dp <= 20 (else all ones: overflow). 128 bits:
// an x87 significand rounds up to 2^64.
bits128 decimal::roundedInteger() const {
    if (dp > 20) return ~(bits128)0;
    bits128 n = 0;
    int i = 0;
    for (; i < dp && i < nd; i++) n = n * 10 + (unsigned)(d[i] - '0');
    for (; i < dp; i++) n *= 10;
    if (shouldRoundUp(dp)) n++;
    return n;
}

// Go's powtab: a shift by powtab[n] bits moves dp by about n.
constexpr int powtab[] = {1, 3, 6, 9, 13, 16, 19, 23, 26};
constexpr int npowtab = sizeof powtab / sizeof powtab[0];

}  // namespace

DecimalBits decimalFloatBits(const char* digits, const char* end, int64_t exp10, bool neg, const FloatInfo& flt) {
    decimal d;
    d.set(digits, end, exp10);
    int exp = 0;
    bits128 mant = 0;
    bool inexact = false;
    if (d.nd == 0) {
        exp = flt.bias;
    } else if (d.dp > flt.dpMax) {
        return {infinityBits(flt, neg), true, true};
    } else if (d.dp < flt.dpMin) {
        exp = flt.bias;
        inexact = true;
    } else {
        // Scale by powers of two until in [0.5, 1).
        while (d.dp > 0) {
            int n = d.dp >= npowtab ? 27 : powtab[d.dp];
            d.shift(-n);
            exp += n;
        }
        while (d.dp < 0 || (d.dp == 0 && d.d[0] < '5')) {
            int n = -d.dp >= npowtab ? 27 : powtab[-d.dp];
            d.shift(n);
            exp -= n;
        }
        exp--;  // [0.5, 1) is [1, 2) times 2^-1
        // Below the smallest normal exponent: denormalize.
        if (exp < flt.bias + 1) {
            int n = flt.bias + 1 - exp;
            d.shift(-n);
            exp += n;
        }
        if (exp - flt.bias >= (int)maxBiased(flt)) return {infinityBits(flt, neg), true, true};
        // Extract 1+mantbits bits, rounded.
        d.shift((int)(1 + flt.mantbits));
        inexact = d.trunc || d.nd > d.dp;
        mant = d.roundedInteger();
        // Rounding might have added a bit.
        if (mant == (bits128)2 << flt.mantbits) {
            mant >>= 1;
            exp++;
            if (exp - flt.bias >= (int)maxBiased(flt)) return {infinityBits(flt, neg), true, true};
        }
        if ((mant & ((bits128)1 << flt.mantbits)) == 0) exp = flt.bias;  // subnormal
    }
    return {assemble(flt, mant, (unsigned)(exp - flt.bias), neg), false, inexact};
}

}  // namespace go::strconv
