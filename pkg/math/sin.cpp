// sin.cpp — Sin, Cos and Sincos. Reduction to [-pi/4, pi/4] by remPio2
// (trig_reduce.cpp), then fdlibm's kernels (k_sin.c, k_cos.c): odd and even
// Remez polynomials, with the reduction's low part y folded in. Go's sin.go
// uses Cephes' polynomials on [0, pi/4] with a reduction by pi/4; fdlibm's
// pair keeps the error below 1 ulp. The reduction is exact enough for every
// double, so Sin(1e300) is as accurate as Sin(1).
#include "internal.h"

namespace gomath {

namespace {
constexpr double S1 = -1.66666666666666324348e-01;
constexpr double S2 = 8.33333333332248946124e-03;
constexpr double S3 = -1.98412698298579493134e-04;
constexpr double S4 = 2.75573137070700676789e-06;
constexpr double S5 = -2.50507602534068634195e-08;
constexpr double S6 = 1.58969099521155010221e-10;
constexpr double C1 = 4.16666666666666019037e-02;
constexpr double C2 = -1.38888888888741095749e-03;
constexpr double C3 = 2.48015872894767294178e-05;
constexpr double C4 = -2.75573143513906633035e-07;
constexpr double C5 = 2.08757232129817482790e-09;
constexpr double C6 = -1.13596475577881948265e-11;

constexpr uint32_t pio4High = 0x3fe921fb;  // high word of pi/4: the kernels' range
}  // namespace

// sin(x+y) ~ x + x^3*(S1 + x^2*r) with y's first-order effect y*(1 - x^2/2).
double sinKernel(double x, double y) {
    double z = x * x;
    double v = z * x;
    double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    if (y == 0) return x + v * (S1 + z * r);
    return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

// cos(x+y) = 1 - x^2/2 + x^4*r - x*y; 1 - x^2/2 is formed as w plus the
// rounding error of w, which keeps the result within 1 ulp for |x| up to pi/4.
double cosKernel(double x, double y) {
    double z = x * x;
    double w = z * z;
    double r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    double hz = 0.5 * z;
    w = 1.0 - hz;
    return w + (((1.0 - w) - hz) + (z * r - x * y));
}

double Sin(double x) {
    uint32_t ix = (uint32_t)highWord(x) & 0x7fffffff;
    if (ix <= pio4High) {
        if (ix < 0x3e500000) return x;  // |x| < 2^-26: sin x rounds to x
        return sinKernel(x, 0);
    }
    if (ix >= 0x7ff00000) return x - x;  // NaN for ±Inf and NaN
    double y0, y1;
    switch (remPio2(x, &y0, &y1) & 3) {
    case 0: return sinKernel(y0, y1);
    case 1: return cosKernel(y0, y1);
    case 2: return -sinKernel(y0, y1);
    default: return -cosKernel(y0, y1);
    }
}

double Cos(double x) {
    uint32_t ix = (uint32_t)highWord(x) & 0x7fffffff;
    if (ix <= pio4High) {
        if (ix < 0x3e46a09e) return 1.0;  // |x| < 2^-27*sqrt(2): cos x rounds to 1
        return cosKernel(x, 0);
    }
    if (ix >= 0x7ff00000) return x - x;
    double y0, y1;
    switch (remPio2(x, &y0, &y1) & 3) {
    case 0: return cosKernel(y0, y1);
    case 1: return -sinKernel(y0, y1);
    case 2: return -cosKernel(y0, y1);
    default: return sinKernel(y0, y1);
    }
}

// One reduction for both (GCC turns a sin and a cos of the same argument
// into a call to sincos).
void Sincos(double x, double* sin, double* cos) {
    uint32_t ix = (uint32_t)highWord(x) & 0x7fffffff;
    if (ix <= pio4High) {
        *sin = ix < 0x3e500000 ? x : sinKernel(x, 0);
        *cos = ix < 0x3e46a09e ? 1.0 : cosKernel(x, 0);
        return;
    }
    if (ix >= 0x7ff00000) {
        *sin = *cos = x - x;
        return;
    }
    double y0, y1;
    int n = remPio2(x, &y0, &y1);
    double s = sinKernel(y0, y1), c = cosKernel(y0, y1);
    switch (n & 3) {
    case 0: *sin = s; *cos = c; break;
    case 1: *sin = c; *cos = -s; break;
    case 2: *sin = -s; *cos = -c; break;
    default: *sin = -c; *cos = s; break;
    }
}

}  // namespace gomath
