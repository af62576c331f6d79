// ftoa.cpp — Go's strconv/ftoa.go: AppendFloat and its layouts (%e %f %g
// %b %x), over exact decimal digit generation; and, beyond Go, the %e %f
// %g of an x87 long double (appendFloat80, for std::to_chars).
//
// Every decimal digit is computed exactly with a small fixed-size big
// integer (Steele & White / Burger & Dybvig digit generation, "Dragon4";
// Go uses Ryu and its multiprecision decimal instead, with the same
// results): the value is held as a ratio r/s, and each digit is
// floor(10r/s). Shortest mode stops as soon as the digits identify the
// float (Go's %v, and %e/%f/%g without precision); fixed mode stops at the
// requested digit and rounds half to even on the exact remainder. Both give
// strconv's results (test/unit/test_fmt.cpp checks thousands of them
// against Go's). No libc and no floating-point arithmetic: the float is only
// taken apart (a float32 argument, widened to double by the caller, is
// narrowed back).
#include "pkg/strconv/strconv.h"

namespace go::strconv {
namespace {

// ---- Big: just enough of a big natural number for digit generation ------
// For a double the largest number in play is below 2^815 (see setupRatio;
// 26 limbs were the most seen over millions of conversions, subnormals and
// %.1100f included), so 28 32-bit limbs suffice: 112 bytes, three per
// conversion. The x87 long double's range (2^-16445 to 2^16384) takes
// numbers up to about 2^11560: 368 limbs (1.5 KB each), in its own
// instantiation, so that converting a double stays as small.
// Limbs are little-endian; n counts the used ones (0 is zero).
template <int Limbs>
struct Big {
    int n;
    uint32_t d[Limbs];
};
using Big64 = Big<28>;
using Big80 = Big<368>;

template <typename Big>
void bigTrim(Big& a) {
    while (a.n > 0 && a.d[a.n - 1] == 0) a.n--;
}

template <typename Big>
void bigSet(Big& a, uint64_t v) {
    a.n = 0;
    while (v) {
        a.d[a.n++] = (uint32_t)v;
        v >>= 32;
    }
}

template <typename Big>
void bigMulSmall(Big& a, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < a.n; i++) {
        uint64_t t = (uint64_t)a.d[i] * m + carry;
        a.d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry) a.d[a.n++] = (uint32_t)carry;
}

template <typename Big>
void bigMulPow5(Big& a, int k) {
    static const uint32_t pow5[13] = {1,       5,        25,        125,        625,       3125,     15625,
                                      78125,   390625,   1953125,   9765625,    48828125,  244140625};
    for (; k >= 13; k -= 13) bigMulSmall(a, 1220703125u);  // 5^13, the largest that fits
    if (k > 0) bigMulSmall(a, pow5[k]);
}

template <typename Big>
void bigShl(Big& a, int bits) {
    if (a.n == 0 || bits == 0) return;
    int limbs = bits / 32, sh = bits % 32;
    if (sh) {
        uint32_t carry = 0;
        for (int i = 0; i < a.n; i++) {
            uint32_t x = a.d[i];
            a.d[i] = (x << sh) | carry;
            carry = x >> (32 - sh);
        }
        if (carry) a.d[a.n++] = carry;
    }
    if (limbs) {
        for (int i = a.n - 1; i >= 0; i--) a.d[i + limbs] = a.d[i];
        for (int i = 0; i < limbs; i++) a.d[i] = 0;
        a.n += limbs;
    }
}

template <typename Big>
int bigCmp(const Big& a, const Big& b) {
    if (a.n != b.n) return a.n < b.n ? -1 : 1;
    for (int i = a.n - 1; i >= 0; i--)
        if (a.d[i] != b.d[i]) return a.d[i] < b.d[i] ? -1 : 1;
    return 0;
}

template <typename Big>
void bigAdd(Big& a, const Big& b) {
    int n = a.n > b.n ? a.n : b.n;
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t t = (uint64_t)(i < a.n ? a.d[i] : 0) + (i < b.n ? b.d[i] : 0) + carry;
        a.d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    a.n = n;
    if (carry) a.d[a.n++] = (uint32_t)carry;
}

// a -= b; a >= b.
template <typename Big>
void bigSub(Big& a, const Big& b) {
    uint64_t borrow = 0;
    for (int i = 0; i < a.n; i++) {
        uint64_t t = (uint64_t)a.d[i] - (i < b.n ? b.d[i] : 0) - borrow;
        a.d[i] = (uint32_t)t;
        borrow = (t >> 32) & 1;  // wrapped below zero
    }
    bigTrim(a);
}

// One decimal digit: q = floor(r/s), r = r mod s, for r < 10s. s must be
// normalized (top limb's high bit set) so that the estimate from the top
// limbs is at most one or two short; the loop makes it exact.
template <typename Big>
uint32_t bigDivDigit(Big& r, const Big& s) {
    int n = s.n;
    if (bigCmp(r, s) < 0) return 0;
    uint64_t top = r.n > n ? ((uint64_t)r.d[n] << 32) | r.d[n - 1] : r.d[n - 1];
    uint32_t q = (uint32_t)(top / ((uint64_t)s.d[n - 1] + 1));
    if (q) {  // r -= q*s
        uint64_t carry = 0, borrow = 0;
        for (int i = 0; i < n; i++) {
            uint64_t prod = (uint64_t)q * s.d[i] + carry;
            carry = prod >> 32;
            uint64_t t = (uint64_t)r.d[i] - (uint32_t)prod - borrow;
            r.d[i] = (uint32_t)t;
            borrow = (t >> 32) & 1;
        }
        if (r.n > n) r.d[n] = (uint32_t)(r.d[n] - carry - borrow);
        bigTrim(r);
    }
    while (bigCmp(r, s) >= 0) {
        bigSub(r, s);
        q++;
    }
    return q;
}

// ---- Exact decimal digits of a float ---------------------------------------

// The digits d1 d2 ... dnd of value 0.d1d2...dnd × 10^dp, stored in the
// output buffer at offset at (scratch that ftoa then lays out), trailing
// zeros trimmed, like strconv's decimalSlice. Zero is nd = dp = 0.
struct Digits {
    size_t at;
    int nd;
    int dp;
};

// value/10^k = r/s, and mm is the lower half-gap to the neighbouring float
// in the same scale. The upper half-gap is mm, or 2mm when the gaps are
// unequal (the float is a power of two: the float below is closer).
template <typename Big>
struct Ratio {
    Big r, s, mm;
    int k;
};

// Set up r/s for v = mant·2^exp. In units of 2^(exp-2) the value is 4·mant
// and the half-gaps are 2 (1 below a power of two), so r, s and mm are
// integers; powers of two common to r and s are left out to keep them short
// (the worst case, the largest subnormals, stays under 2^780).
//
// k starts from floor(log2 v)·log10(2), which is at most the decimal
// exponent; the callers raise it until r/s < 1.
template <typename Big>
void setupRatio(Ratio<Big>& x, uint64_t mant, int exp, bool unequal) {
    int e2 = exp + 63 - __builtin_clzll(mant);  // floor(log2 v)
    int k = (e2 * 78913) >> 18;                 // 78913/2^18 ~ log10(2); C++20 >> floors
    int t = exp - 2 - k;                        // net power of two of v/10^k
    bigSet(x.r, mant);  // then times 4: mant may use all 64 bits
    bigShl(x.r, 2);
    bigSet(x.s, 1);
    bigSet(x.mm, unequal ? 1 : 2);
    if (t > 0) {
        bigShl(x.r, t);
        bigShl(x.mm, t);
    } else {
        bigShl(x.s, -t);
    }
    if (k > 0) {
        bigMulPow5(x.s, k);
    } else {
        bigMulPow5(x.r, -k);
        bigMulPow5(x.mm, -k);
    }
    x.k = k;
}

// Shift everything so s's top limb has its high bit set (for bigDivDigit).
template <typename Big>
void normalize(Ratio<Big>& x) {
    int sh = __builtin_clz(x.s.d[x.s.n - 1]);
    bigShl(x.s, sh);
    bigShl(x.r, sh);
    bigShl(x.mm, sh);
}

// Whether r + (upper half-gap) reaches s: the upper end of the interval of
// decimals that read back as this float is at or past 10^k. Adds and takes
// back the gap in place rather than needing a fourth big number.
template <typename Big>
int cmpHigh(Ratio<Big>& x, bool unequal) {
    bigAdd(x.r, x.mm);
    if (unequal) bigAdd(x.r, x.mm);
    int c = bigCmp(x.r, x.s);
    bigSub(x.r, x.mm);
    if (unequal) bigSub(x.r, x.mm);
    return c;
}

// Round the digits at [at, at+nd) up by one unit in the last place; an all-9
// string becomes "1" one place higher (Go's decimal.RoundUp).
void roundUp(Buf& b, Digits& d) {
    while (d.nd > 0 && b.p[d.at + d.nd - 1] == '9') d.nd--;
    b.len = d.at + d.nd;
    if (d.nd == 0) {
        b.put('1');  // put: there may have been no digit, hence no room
        d.nd = 1;
        d.dp++;
    } else {
        b.p[d.at + d.nd - 1]++;
    }
}

void trimZeros(Buf& b, Digits& d) {
    while (d.nd > 0 && b.p[d.at + d.nd - 1] == '0') d.nd--;
    if (d.nd == 0) d.dp = 0;
    b.len = d.at + d.nd;
}

// The shortest digits that read back as mant·2^exp (strconv's shortest
// mode). Boundaries count as inside when mant is even, since reading rounds
// ties to even. Out of line: its big numbers should only occupy the stack
// while a float is being converted.
template <typename Big>
__attribute__((noinline)) void shortestDigits(Buf& b, uint64_t mant, int exp, bool unequal, Digits& d) {
    d = {b.len, 0, 0};
    if (mant == 0) return;
    bool inclusive = (mant & 1) == 0;
    Ratio<Big> x;
    setupRatio(x, mant, exp, unequal);
    while (cmpHigh(x, unequal) >= (inclusive ? 0 : 1)) {
        bigMulSmall(x.s, 10);
        x.k++;
    }
    normalize(x);
    d.dp = x.k;
    for (;;) {
        bigMulSmall(x.r, 10);
        bigMulSmall(x.mm, 10);
        uint32_t digit = bigDivDigit(x.r, x.s);
        int cl = bigCmp(x.r, x.mm);
        bool low = inclusive ? cl <= 0 : cl < 0;  // digit as is is close enough
        int ch = cmpHigh(x, unequal);
        bool high = inclusive ? ch >= 0 : ch > 0;  // digit+1 is close enough
        if (low && high) {  // both: take the nearer, ties to even
            bigShl(x.r, 1);
            int c = bigCmp(x.r, x.s);
            if (c > 0 || (c == 0 && (digit & 1))) digit++;
        } else if (high) {
            digit++;
        }
        if (digit == 10) {  // cannot happen with the k above; kept safe anyway
            d.nd = (int)(b.len - d.at);
            roundUp(b, d);
        } else {
            b.put((char)('0' + digit));
        }
        if (low || high) break;
    }
    d.nd = (int)(b.len - d.at);
    trimZeros(b, d);
}

// The digits of mant·2^exp correctly rounded (half to even, on the exact
// value) to prec significant digits, or with fracMode to prec digits after
// the decimal point: what strconv gets from decimal.Round.
template <typename Big>
__attribute__((noinline)) void fixedDigits(Buf& b, uint64_t mant, int exp, bool fracMode, int prec, Digits& d) {
    d = {b.len, 0, 0};
    if (mant == 0) return;
    Ratio<Big> x;
    setupRatio(x, mant, exp, false);
    while (bigCmp(x.r, x.s) >= 0) {
        bigMulSmall(x.s, 10);
        x.k++;
    }
    d.dp = x.k;
    long want = fracMode ? (long)x.k + prec : prec;
    if (want < 0) {  // below half a unit of the last place: all zeros
        d.dp = 0;
        return;
    }
    normalize(x);
    for (long i = 0; i < want && x.r.n != 0; i++) {
        bigMulSmall(x.r, 10);
        b.put((char)('0' + bigDivDigit(x.r, x.s)));
    }
    d.nd = (int)(b.len - d.at);
    if (x.r.n != 0) {  // inexact: round on the remainder
        bigShl(x.r, 1);
        int c = bigCmp(x.r, x.s);
        bool odd = d.nd > 0 && ((b.p[d.at + d.nd - 1] - '0') & 1);
        if (c > 0 || (c == 0 && odd)) roundUp(b, d);
    }
    trimZeros(b, d);
}

// ---- The layouts ----------------------------------------------------------------

int imax(int a, int b) { return a > b ? a : b; }
int imin(int a, int b) { return a < b ? a : b; }

// Exponent digits: at least two.
void putExp(Buf& b, int exp) {
    if (exp < 10) b.put('0');
    appendUint(b, (uint64_t)exp);
}

// %e: -d.ddddde±dd
void fmtE(Buf& b, bool neg, const Digits& d, int prec, char fmt) {
    if (neg) b.put('-');
    b.put(d.nd != 0 ? b.p[d.at] : '0');
    if (prec > 0) {
        b.put('.');
        int i = 1;
        int m = imin(d.nd, prec + 1);
        if (i < m) {
            b.putSelf(d.at + i, m - i);
            i = m;
        }
        if (i <= prec) b.fill('0', prec + 1 - i);
    }
    b.put(fmt);
    int exp = d.nd == 0 ? 0 : d.dp - 1;  // 0 has exponent 0
    b.put(exp < 0 ? '-' : '+');
    putExp(b, exp < 0 ? -exp : exp);
}

// %f: -ddddddd.ddddd
void fmtF(Buf& b, bool neg, const Digits& d, int prec) {
    if (neg) b.put('-');
    if (d.dp > 0) {
        int m = imin(d.nd, d.dp);
        b.putSelf(d.at, m);
        b.fill('0', d.dp - m);
    } else {
        b.put('0');
    }
    if (prec > 0) {
        b.put('.');
        for (int i = 0; i < prec; i++) {
            int j = d.dp + i;
            if (j >= d.nd) {  // only zeros from here on
                b.fill('0', prec - i);
                break;
            }
            b.put(j >= 0 ? b.p[d.at + j] : '0');
        }
    }
}

// strconv's formatDigits: choose and apply the layout.
void formatDigits(Buf& b, bool shortest, bool neg, const Digits& d, int prec, char fmt) {
    switch (fmt) {
    case 'e':
    case 'E':
        fmtE(b, neg, d, prec, fmt);
        return;
    case 'f':
        fmtF(b, neg, d, prec);
        return;
    default:  // 'g', 'G': %e for large exponents, %f otherwise
        break;
    }
    int eprec = prec;
    if (eprec > d.nd && d.nd >= d.dp) eprec = d.nd;
    if (shortest) eprec = 6;  // the %e threshold of the shortest form
    int exp = d.dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (prec > d.nd) prec = d.nd;
        fmtE(b, neg, d, prec - 1, (char)(fmt + 'e' - 'g'));
        return;
    }
    if (prec > d.dp) prec = d.nd;
    fmtF(b, neg, d, imax(prec - d.dp, 0));
}

// %b: -ddddddddp±ddd
void fmtB(Buf& b, bool neg, uint64_t mant, int exp) {
    if (neg) b.put('-');
    appendUint(b, mant);
    b.put('p');
    b.put(exp >= 0 ? '+' : '-');
    appendUint(b, (uint64_t)(exp >= 0 ? exp : -exp));
}

// %x: -0x1.yyyyyyyyp±ddd (hex mantissa, binary exponent)
void fmtX(Buf& b, int prec, char fmt, bool neg, uint64_t mant, int exp, int mantbits) {
    if (mant == 0) exp = 0;
    // Put the leading 1 (if any) at bit 60.
    mant <<= 60 - mantbits;
    while (mant != 0 && (mant & (1ull << 60)) == 0) {
        mant <<= 1;
        exp--;
    }
    if (prec >= 0 && prec < 15) {  // round to prec hex digits, half to even
        unsigned shift = (unsigned)prec * 4;
        uint64_t extra = (mant << shift) & ((1ull << 60) - 1);
        mant >>= 60 - shift;
        if ((extra | (mant & 1)) > (1ull << 59)) mant++;
        mant <<= 60 - shift;
        if (mant & (1ull << 61)) {  // carried into a new leading digit
            mant >>= 1;
            exp++;
        }
    }
    const char* hex = fmt == 'X' ? upperhex : lowerhex;
    if (neg) b.put('-');
    b.put('0');
    b.put(fmt);
    b.put((char)('0' + ((mant >> 60) & 1)));
    mant <<= 4;  // drop the leading digit
    if (prec < 0 && mant != 0) {
        b.put('.');
        for (; mant != 0; mant <<= 4) b.put(hex[(mant >> 60) & 15]);
    } else if (prec > 0) {
        b.put('.');
        for (int i = 0; i < prec; i++, mant <<= 4) b.put(hex[(mant >> 60) & 15]);
    }
    b.put(fmt == 'X' ? 'P' : 'p');
    b.put(exp < 0 ? '-' : '+');
    putExp(b, exp < 0 ? -exp : exp);
}

struct FloatBits {
    uint64_t bits;
    int mantbits, expbits, bias;
};

FloatBits floatBits(double val, int bitSize) {
    if (bitSize == 32) return {__builtin_bit_cast(uint32_t, (float)val), 23, 8, -127};
    return {__builtin_bit_cast(uint64_t, val), 52, 11, -1023};
}

// The digits and the precision the layout uses.
template <typename Big>
void floatDigits(Buf& b, uint64_t mant, int exp, const FloatBits& fb, char fmt, int& prec, Digits& d) {
    int e2 = exp - fb.mantbits;
    if (prec < 0) {
        bool unequal = mant == (1ull << fb.mantbits) && exp > fb.bias + 1;
        shortestDigits<Big>(b, mant, e2, unequal, d);
        if (fmt == 'e' || fmt == 'E') prec = imax(d.nd - 1, 0);
        else if (fmt == 'f') prec = imax(d.nd - d.dp, 0);
        else prec = d.nd;
        return;
    }
    if (fmt == 'f') {
        fixedDigits<Big>(b, mant, e2, true, prec, d);
    } else if (fmt == 'e' || fmt == 'E') {
        fixedDigits<Big>(b, mant, e2, false, prec + 1, d);
    } else {
        if (prec == 0) prec = 1;
        fixedDigits<Big>(b, mant, e2, false, prec, d);
    }
}

// The %e %f %g layouts of mant·2^(exp-mantbits), digits made with Big.
template <typename Big>
void decimalLayout(Buf& b, bool neg, uint64_t mant, int exp, const FloatBits& fb, char fmt, int prec) {
    bool shortest = prec < 0;
    Digits d;
    floatDigits<Big>(b, mant, exp, fb, fmt, prec, d);
    size_t from = b.len;
    formatDigits(b, shortest, neg, d, prec, fmt);
    b.collapse(d.at, from);  // drop the scratch digits
}

}  // namespace

void appendFloat(Buf& b, double val, char fmt, int prec, int bitSize) {
    FloatBits fb = floatBits(val, bitSize);
    bool neg = (fb.bits >> (fb.expbits + fb.mantbits)) != 0;
    int exp = (int)(fb.bits >> fb.mantbits) & ((1 << fb.expbits) - 1);
    uint64_t mant = fb.bits & ((1ull << fb.mantbits) - 1);
    if (exp == (1 << fb.expbits) - 1) {
        b.puts(mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf");
        return;
    }
    if (exp == 0) exp++;  // subnormal
    else mant |= 1ull << fb.mantbits;
    exp += fb.bias;
    if (fmt == 'b') return fmtB(b, neg, mant, exp - fb.mantbits);
    if (fmt == 'x' || fmt == 'X') return fmtX(b, prec, fmt, neg, mant, exp, fb.mantbits);
    decimalLayout<Big64>(b, neg, mant, exp, fb, fmt, prec);
}

void appendFloat80(Buf& b, long double val, char fmt, int prec) {
    // The x87 extended format: 64-bit significand with the integer bit
    // stored (bit 63), 15-bit exponent above it, then the sign.
    unsigned __int128 raw = __builtin_bit_cast(unsigned __int128, val);
    uint64_t mant = (uint64_t)raw;
    unsigned se = (unsigned)(raw >> 64) & 0xffff;
    bool neg = se >> 15;
    int exp = (int)(se & 0x7fff);
    if (exp == 0x7fff) {
        b.puts(mant << 1 != 0 ? "NaN" : neg ? "-Inf" : "+Inf");
        return;
    }
    if (exp == 0) exp++;  // subnormal: the integer bit is already clear
    FloatBits fb{0, 63, 15, -16383};
    decimalLayout<Big80>(b, neg, mant, exp + fb.bias, fb, fmt, prec);
}

}  // namespace go::strconv
