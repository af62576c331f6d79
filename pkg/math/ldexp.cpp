// ldexp.cpp — Ldexp, scaleSum and Frexp. Ldexp multiplies by powers of
// two, so a subnormal result is rounded once, by the last multiplication
// (Go's ldexp.go assembles the bits and rounds its own way; the method here
// is the one of musl's scalbn). scaleSum scales a sum that has not been
// rounded yet, rounding it once even when the result is subnormal.
#include "internal.h"

namespace gomath {

double Ldexp(double frac, int exp) {
    const double two1023 = 0x1p1023;
    const double twoM969 = 0x1p-969;  // 2^-1022 * 2^53: keeps 53 bits above the subnormals
    if (exp > 1023) {
        frac *= two1023;
        exp -= 1023;
        if (exp > 1023) {
            frac *= two1023;
            exp -= 1023;
            if (exp > 1023) exp = 1023;
        }
    } else if (exp < -1022) {
        frac *= twoM969;
        exp += 969;
        if (exp < -1022) {
            frac *= twoM969;
            exp += 969;
            if (exp < -1022) exp = -1022;
        }
    }
    return frac * Float64frombits((uint64_t)(bias + exp) << shift);
}

// Rounding hi + lo and then scaling into the subnormals would round twice.
// Instead the sum is scaled by 2^(k+1022), where the subnormals' spacing
// 2^-1074 becomes 2^-52, the spacing of the doubles in [1, 2): adding 1
// makes the one rounding happen there (the method of ARM's optimized
// routines for exp), and the rest is exact.
double scaleSum(double hi, double lo, int k) {
    if (k >= -1020) return Ldexp(hi + lo, k);  // normal: the scaling is exact (or overflows)
    double y = Ldexp(hi, k + 1022);  // exact: callers have k >= -1081, so y >= 2^-60 is normal
    double ylo = Ldexp(lo, k + 1022);
    if (y + ylo >= 1) return Ldexp(hi + lo, k);  // normal after all
    double h = 1.0 + y;
    double l = ((1.0 - h) + y) + ylo;  // what 1 + y lost, plus ylo
    return ((h + l) - 1.0) * 0x1p-1022;
}

double Frexp(double x, int* exp) {
    *exp = 0;
    if (x == 0 || IsNaN(x) || x - x != 0) return x;
    uint64_t b = Float64bits(x);
    if (((b >> shift) & mask) == 0) {  // subnormal: scale into the normals first
        b = Float64bits(x * 0x1p64);
        *exp = -64;
    }
    *exp += (int)((b >> shift) & mask) - bias + 1;
    b &= ~(mask << shift);
    b |= (uint64_t)(bias - 1) << shift;
    return Float64frombits(b);
}

}  // namespace gomath
