// sinh.cpp — Sinh and Cosh. Go's sinh.go uses a Taylor series below 0.5
// and Exp above, and its Cosh is (e^x+e^-x)/2; fdlibm (and the host's
// glibc) go through Expm1 and reach 1.5 to 2 ulps. Here e^|x| is taken as
// 2^k * (hi + lo) to about 2^-60 (expParts), e^-|x| as its reciprocal
// with the reciprocal's error recovered, and (e^x ± e^-x)/2 is rounded once;
// near 0, where e^x - e^-x cancels, Sinh is its Taylor series. Error within
// about half an ulp; the result is finite up to ln(max double) + ln2.
#include "internal.h"

namespace gomath {

namespace {
constexpr double Overflow = 7.10475860073943863426e+02;  // beyond, ±Inf

// (e^ax + sign*e^-ax) / 2 for 2^-3 <= ax <= Overflow.
double expPair(double ax, double sign) {
    int k;
    double lo;
    double hi = expParts(ax, &k, &lo);
    // 1/(hi+lo) = inv + invLo, and that times 2^-2k: the e^-ax part.
    double inv = 1.0 / hi;
    double ph, pl;
    twoProd(inv, hi, &ph, &pl);
    double invLo = ((1.0 - ph) - pl - inv * lo) / hi;
    double s = 0, sLo = 0;
    if (k < 40) {  // beyond, e^-ax is below e^ax's last bit
        double f = sign * Ldexp(1.0, -2 * k);
        twoSum(hi, f * inv, &s, &sLo);
        sLo += lo + f * invLo;
    } else {
        s = hi;
        sLo = lo;
    }
    return Ldexp(s + sLo, k - 1);
}
}  // namespace

double Sinh(double x) {
    if (IsNaN(x) || x - x != 0) return x;  // NaN, ±Inf
    double ax = Abs(x);
    double z;
    if (ax < 0x1p-3) {
        if (ax < 0x1p-28) return x;
        // x + x^3/3! + ... + x^13/13!: the next term is below 2^-60 of x.
        double t = ax * ax;
        double p = t * (1.0 / 6 + t * (0.008333333333333333 + t * (0.0001984126984126984 +
                        t * (2.7557319223985893e-06 + t * (2.505210838544172e-08 + t * 1.6059043836821613e-10)))));
        z = ax + ax * p;
    } else if (ax <= Overflow) {
        z = expPair(ax, -1.0);
    } else {
        z = Inf(1);
    }
    return x < 0 ? -z : z;
}

double Cosh(double x) {
    if (IsNaN(x)) return x;
    double ax = Abs(x);
    if (ax < 0x1p-3) {
        if (ax < 0x1p-28) return 1.0;
        // 1 + x^2/2! + ... + x^12/12!
        double t = ax * ax;
        double p = t * (0.5 + t * (0.041666666666666664 + t * (0.001388888888888889 +
                        t * (2.48015873015873e-05 + t * (2.755731922398589e-07 + t * 2.08767569878681e-09)))));
        return 1.0 + p;
    }
    if (ax > Overflow) return Inf(1);
    return expPair(ax, 1.0);
}

}  // namespace gomath
