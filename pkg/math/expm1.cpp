// expm1.cpp — Expm1, e^x - 1 without cancellation near 0, by fdlibm's
// method as Go's expm1.go follows it: reduce x = k*ln2 + r, |r| <= ln2/2
// (r as hi - lo, with the reduction's error kept in c); approximate
// e^r - 1 with a rational function built on R1(r^2) = Remez polynomial of
// degree 5; then scale by 2^k, choosing the order of the operations by k so
// that nothing cancels. Error below 1 ulp. Sinh, Cosh and Tanh rest on it.
#include "internal.h"

namespace gomath {

namespace {
constexpr double Othreshold = 7.09782712893383973096e+02;  // ln(max double)
constexpr double Ln2X56 = 3.88162421113569373274e+01;      // 56*ln2: e^x - 1 rounds to -1 below -that
constexpr double Ln2HalfX3 = 1.03972077083991796413e+00;
constexpr double Ln2Half = 3.46573590279972654709e-01;
constexpr double Ln2Hi = 6.93147180369123816490e-01;
constexpr double Ln2Lo = 1.90821492927058770002e-10;
constexpr double InvLn2 = 1.44269504088896338700e+00;
constexpr double Q1 = -3.33333333333331316428e-02;
constexpr double Q2 = 1.58730158725481460165e-03;
constexpr double Q3 = -7.93650757867487942473e-05;
constexpr double Q4 = 4.00821782732936239552e-06;
constexpr double Q5 = -2.01099218183624371326e-07;

// y * 2^k for y in [0.5, 4), k in [-1100, 1100], y*2^k normal: add to the exponent field.
double scale(double y, int k) { return Float64frombits(Float64bits(y) + ((uint64_t)(int64_t)k << shift)); }
}  // namespace

double Expm1(double x) {
    if (IsNaN(x) || x == Inf(1)) return x;
    double ax = Abs(x);
    if (ax >= Ln2X56) {
        if (x < 0) return -1;
        if (ax >= Othreshold) return Inf(1);
    }
    double c = 0;
    int k = 0;
    if (ax > Ln2Half) {
        double hi, lo;
        if (ax < Ln2HalfX3) {  // k = ±1
            k = x < 0 ? -1 : 1;
            hi = x - k * Ln2Hi;
            lo = k * Ln2Lo;
        } else {
            k = (int)(InvLn2 * x + (x < 0 ? -0.5 : 0.5));
            hi = x - k * Ln2Hi;  // exact
            lo = k * Ln2Lo;
        }
        x = hi - lo;
        c = (hi - x) - lo;  // the error of x = hi - lo
    } else if (ax < 0x1p-54) {
        return x;
    }
    double hfx = 0.5 * x;
    double hxs = x * hfx;
    double r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    double t = 3 - r1 * hfx;
    double e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0) return x - (x * e - hxs);  // c is 0
    e = x * (e - c) - c;
    e -= hxs;
    if (k == -1) return 0.5 * (x - e) - 0.5;
    if (k == 1) {
        if (x < -0.25) return -2 * (e - (x + 0.5));
        return 1 + 2 * (x - e);
    }
    if (k <= -2 || k > 56) {  // the -1 is below y's last bit, or y is tiny beside 1
        double y = 1 - (e - x);
        if (k == 1024) return scale(y * 2.0, 1023) - 1;  // 2^1024 is not a double
        return scale(y, k) - 1;
    }
    if (k < 20) {
        t = Float64frombits(0x3ff0000000000000 - (0x20000000000000 >> k));  // 1 - 2^-k
        return scale(t - (e - x), k);
    }
    t = Float64frombits((uint64_t)(bias - k) << shift);  // 2^-k
    return scale((x - (e + t)) + 1, k);
}

}  // namespace gomath
