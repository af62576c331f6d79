// eisel_lemire.cpp — Go's strconv/eisel_lemire.go: the Eisel-Lemire
// decimal-to-binary conversion (Daniel Lemire, "Number Parsing at a
// Gigabyte per Second", 2021). man·10^exp10 is computed as man times a
// 128-bit truncation of 10^exp10 (pow10tab.cpp); when the bits that decide
// the rounding could change with the truncated part, the method declines
// and the caller falls back to exact arithmetic (decimal.cpp). Go has one
// function per float size; this one takes the format, the constants
// following from its mantissa width.
#include "pkg/strconv/atof.h"

namespace go::strconv {

namespace {

// The 128-bit product of a and b as {high, low}.
void mul64(uint64_t a, uint64_t b, uint64_t& hi, uint64_t& lo) {
    unsigned __int128 p = (unsigned __int128)a * b;
    hi = (uint64_t)(p >> 64);
    lo = (uint64_t)p;
}

}  // namespace

bool eiselLemire(uint64_t man, int exp10, bool neg, const FloatInfo& flt, uint64_t& bits) {
    uint64_t signBit = (uint64_t)neg << (flt.mantbits + flt.expbits);
    if (man == 0) {
        bits = signBit;
        return true;
    }
    if (exp10 < pow10Min || exp10 > pow10Max) return false;

    // Normalization: the product's top bit then falls in one of two places.
    int clz = __builtin_clzll(man);
    man <<= clz;
    int expBias = -flt.bias;  // Go's float64ExponentBias, 1023 (127)
    // 217706/2^16 ~ log2(10); >> of a negative int floors (C++20).
    uint64_t retExp2 = (uint64_t)(((217706 * (int64_t)exp10) >> 16) + 64 + expBias) - (uint64_t)clz;

    // Multiplication by the high half of 10^exp10.
    const uint64_t* p = pow10tab[exp10 - pow10Min];
    uint64_t xHi, xLo;
    mul64(man, p[1], xHi, xLo);

    // The bits below the mantissa and its two rounding bits.
    unsigned shift = 64 - flt.mantbits - 3;  // 9 for float64, 38 for float32
    uint64_t mask = (1ull << shift) - 1;

    // Wider approximation: when those bits are all ones and the low half
    // could carry into them, add the product with the low half of 10^exp10.
    if ((xHi & mask) == mask && xLo + man < man) {
        uint64_t yHi, yLo;
        mul64(man, p[0], yHi, yLo);
        uint64_t mergedHi = xHi, mergedLo = xLo + yHi;
        if (mergedLo < xLo) mergedHi++;
        if ((mergedHi & mask) == mask && mergedLo + 1 == 0 && yLo + man < man) return false;
        xHi = mergedHi;
        xLo = mergedLo;
    }

    // Shifting to mantbits+2 bits.
    uint64_t msb = xHi >> 63;
    uint64_t retMantissa = xHi >> (msb + shift);
    retExp2 -= 1 ^ msb;

    // Half-way ambiguity: an exact product ending in ...1 followed by zeros
    // is a tie that the truncated table cannot settle.
    if (xLo == 0 && (xHi & mask) == 0 && (retMantissa & 3) == 1) return false;

    // From mantbits+2 to mantbits+1 bits, rounding half up (the tie case
    // was excluded above, so this is to nearest).
    retMantissa += retMantissa & 1;
    retMantissa >>= 1;
    if (retMantissa >> (flt.mantbits + 1) > 0) {
        retMantissa >>= 1;
        retExp2++;
    }
    // retExp2 is unsigned: 0 or "negative" is subnormal, all ones or more is
    // infinity; neither is this method's business.
    uint64_t expMax = (1ull << flt.expbits) - 1;
    if (retExp2 - 1 >= expMax - 1) return false;
    bits = retExp2 << flt.mantbits | (retMantissa & ((1ull << flt.mantbits) - 1)) | signBit;
    return true;
}

}  // namespace go::strconv
