// cbrt.cpp — Cbrt by the method of FreeBSD's s_cbrt.c, as Go's cbrt.go
// follows it: a 5-bit first guess from the exponent bits divided by 3, a
// rational step to 23 bits, the result rounded up to 22 bits (so its
// square is exact), and one Newton step to 53 bits. Error below 0.667 ulp.
#include "internal.h"

namespace gomath {

namespace {
constexpr uint64_t B1 = 715094163;  // (682 - 0.03306235651) * 2^20: 1023/3 in the exponent, biased for the guess
constexpr uint64_t B2 = 696219795;  // (664 - 0.03306235651) * 2^20: the same after scaling by 2^54
constexpr double C = 5.42857142857142815906e-01;   // 19/35
constexpr double D = -7.05306122448979611050e-01;  // -864/1225
constexpr double E = 1.41428571428571436819e+00;   // 99/70
constexpr double F = 1.60714285714285720630e+00;   // 45/28
constexpr double G = 3.57142857142857150787e-01;   // 5/14
}  // namespace

double Cbrt(double x) {
    if (x == 0 || IsNaN(x) || x - x != 0) return x;  // ±0, NaN, ±Inf
    bool neg = x < 0;
    x = Abs(x);
    double t;
    if (x < 0x1p-1022) {  // subnormal: guess from x*2^54, whose cube root is 2^18 larger
        t = x * 0x1p54;
        t = Float64frombits(Float64bits(t) / 3 + (B2 << 32));
    } else {
        t = Float64frombits(Float64bits(x) / 3 + (B1 << 32));
    }
    double r = t * t / x;
    double s = C + r * t;
    t *= G + F / (s + E + D / s);
    // Round up to 22 bits: t*t is then exact, and t is above cbrt(x).
    t = Float64frombits((Float64bits(t) & 0xFFFFFFFFC0000000) + (uint64_t(1) << 30));
    s = t * t;
    r = x / s;
    double w = t + t;
    r = (r - t) / (w + r);
    t = t + t * r;
    return neg ? -t : t;
}

}  // namespace gomath
