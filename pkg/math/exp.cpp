// exp.cpp — Exp and Exp2, by fdlibm's method as Go's exp.go follows it:
// reduce to r = x - k*ln2 with |r| <= ln2/2 (ln2 in two parts, so k*Ln2Hi
// is exact), approximate e^r by a rational function of r (Remez polynomial
// in r^2 of degree 5), and scale by 2^k. Error below 1 ulp.
#include "internal.h"

namespace gomath {

namespace {
constexpr double Ln2Hi = 6.93147180369123816490e-01;  // 0x3fe62e42fee00000: 32 bits
constexpr double Ln2Lo = 1.90821492927058770002e-10;  // ln2 - Ln2Hi
constexpr double Log2e = 1.44269504088896338700e+00;
constexpr double P1 = 1.66666666666666657415e-01;
constexpr double P2 = -2.77777777770155933842e-03;
constexpr double P3 = 6.61375632143793436117e-05;
constexpr double P4 = -1.65339022054652515390e-06;
constexpr double P5 = 4.13813679705723846039e-08;
}  // namespace

// e^r * 2^k with r = hi - lo. R(r) = r*(e^r+1)/(e^r-1) is approximated by
// 2 + P1*r^2 + ... + P5*r^10; e^r = 1 + 2r/(R - r), rearranged so that the
// rounding error of lo does not spoil the result.
double expmulti(double hi, double lo, int k) {
    double r = hi - lo;
    double t = r * r;
    double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    return scaleSum(1.0, hi - (lo - (r * c) / (2 - c)), k);
}

double Exp(double x) {
    const double Overflow = 7.09782712893383973096e+02;   // ln(max double)
    const double Underflow = -7.45133219101941108420e+02;  // below: rounds to 0
    const double NearZero = 0x1p-28;
    if (IsNaN(x) || x > Overflow) return x > Overflow ? Inf(1) : x;
    if (x < Underflow) return 0;
    if (-NearZero < x && x < NearZero) return 1 + x;
    int k = (int)(x < 0 ? Log2e * x - 0.5 : Log2e * x + 0.5);
    double hi = x - k * Ln2Hi;
    double lo = k * Ln2Lo;
    return expmulti(hi, lo, k);
}

// 2^x = 2^k * e^(t*ln2) with k the integer nearest x and t = x - k exact.
// Go's exp2 multiplies t by Ln2Hi, which rounds; here t is split so that
// its high part times Ln2Hi is exact and the rest goes to lo.
double Exp2(double x) {
    if (IsNaN(x) || x >= 1024) return x >= 1024 ? Inf(1) : x;
    if (x < -1080) return 0;  // below 2^-1075: rounds to 0 (Ldexp would too)
    int k = (int)(x < 0 ? x - 0.5 : x + 0.5);
    double t = x - k;
    double th = clearLow(t);  // 21 bits: th*Ln2Hi is exact
    double hi = th * Ln2Hi;
    double lo = -((t - th) * Ln2Hi + t * Ln2Lo);
    return expmulti(hi, lo, k);
}

// For Sinh, Cosh and Tanh, which combine e^x and e^-x and so need more
// than its rounded value: r = x - k*ln2 as rh + rl, and e^r = 1 + r + r^2/2
// + r^3*P(r) with P the Taylor polynomial to r^16 (its remainder is below
// 2^-68 for |r| <= ln2/2), the first terms summed exactly.
double expParts(double x, int* k, double* lo) {
    static constexpr double inverseFactorial[] = {
        0.16666666666666666,    0.041666666666666664,  0.008333333333333333,  0.001388888888888889,
        0.0001984126984126984,  2.48015873015873e-05,  2.7557319223985893e-06, 2.755731922398589e-07,
        2.505210838544172e-08,  2.08767569878681e-09,  1.6059043836821613e-10, 1.1470745597729725e-11,
        7.647163731819816e-13,  4.779477332387385e-14,
    };  // 1/3! ... 1/16!
    int n = (int)(x < 0 ? Log2e * x - 0.5 : Log2e * x + 0.5);
    double rh, rl;
    twoSum(x - n * Ln2Hi, -(n * Ln2Lo), &rh, &rl);  // x - n*Ln2Hi is exact
    double p = inverseFactorial[13];
    for (int i = 12; i >= 0; i--) p = p * rh + inverseFactorial[i];
    double sq, sqLo;
    twoProd(rh, rh, &sq, &sqLo);
    double a, aLo, b, bLo;
    twoSum(1.0, rh, &a, &aLo);
    twoSum(a, 0.5 * sq, &b, &bLo);
    double tail = aLo + bLo + rl + 0.5 * sqLo + rh * rl + sq * rh * p;
    double hi = b + tail;
    *lo = tail - (hi - b);
    *k = n;
    return hi;
}

}  // namespace gomath
