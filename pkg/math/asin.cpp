// asin.cpp — Asin and Acos by fdlibm's method (e_asin.c, e_acos.c): below
// 0.5, asin x = x + x^3*R(x^2) with R a rational Remez approximation; above,
// asin x = pi/2 - 2*asin(sqrt((1-x)/2)), with the square root split so its
// rounding error is carried. Go's asin.go computes Atan(x/Sqrt(1-x*x)),
// which loses accuracy near ±1. Error below 1 ulp.
#include "internal.h"

namespace gomath {

namespace {
constexpr double pio2Hi = 1.57079632679489655800e+00;
constexpr double pio2Lo = 6.12323399573676603587e-17;
constexpr double pio4Hi = 7.85398163397448278999e-01;
constexpr double pi = 3.14159265358979311600e+00;
constexpr double pS0 = 1.66666666666666657415e-01;
constexpr double pS1 = -3.25565818622400915405e-01;
constexpr double pS2 = 2.01212532134862925881e-01;
constexpr double pS3 = -4.00555345006794114027e-02;
constexpr double pS4 = 7.91534994289814532176e-04;
constexpr double pS5 = 3.47933107596021167570e-05;
constexpr double qS1 = -2.40339491173441421878e+00;
constexpr double qS2 = 2.02094576023350569471e+00;
constexpr double qS3 = -6.88283971605453293030e-01;
constexpr double qS4 = 7.70381505559019352791e-02;

// (asin(sqrt(t)) - sqrt(t)) / sqrt(t)^3 ~ R(t) = p(t)/q(t), for t in [0, 0.25].
double R(double t) {
    double p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
    double q = 1.0 + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
    return p / q;
}
}  // namespace

double Asin(double x) {
    int32_t hx = highWord(x);
    int32_t ix = hx & 0x7fffffff;
    if (ix >= 0x3ff00000) {  // |x| >= 1 or NaN
        if (x == 1 || x == -1) return x * pio2Hi + x * pio2Lo;
        return IsNaN(x) ? x : NaN();
    }
    if (ix < 0x3fe00000) {  // |x| < 0.5
        if (ix < 0x3e500000) return x;  // |x| < 2^-26
        return x + x * R(x * x);
    }
    double w = 1.0 - Abs(x);
    double t = w * 0.5;
    double s = Sqrt(t);
    if (ix >= 0x3FEF3333) {  // |x| > 0.975: the split is not needed
        t = pio2Hi - (2.0 * (s + s * R(t)) - pio2Lo);
    } else {
        // pi/4 - (2*asin(s) - pi/4), with s = w + c: w chopped, c its remainder.
        w = clearLow(s);
        double c = (t - w * w) / (s + w);
        double p = 2.0 * s * R(t) - (pio2Lo - 2.0 * c);
        double q = pio4Hi - 2.0 * w;
        t = pio4Hi - (p - q);
    }
    return hx > 0 ? t : -t;
}

double Acos(double x) {
    int32_t hx = highWord(x);
    int32_t ix = hx & 0x7fffffff;
    if (ix >= 0x3ff00000) {
        if (x == 1) return 0.0;
        if (x == -1) return pi + 2.0 * pio2Lo;
        return IsNaN(x) ? x : NaN();
    }
    if (ix < 0x3fe00000) {  // |x| < 0.5: pi/2 - asin x
        if (ix <= 0x3c600000) return pio2Hi + pio2Lo;  // |x| <= 2^-57
        return pio2Hi - (x - (pio2Lo - x * R(x * x)));
    }
    if (hx < 0) {  // x <= -0.5: pi - 2*asin(sqrt((1+x)/2))
        double z = (1.0 + x) * 0.5;
        double s = Sqrt(z);
        double w = R(z) * s - pio2Lo;
        return pi - 2.0 * (s + w);
    }
    // x >= 0.5: 2*asin(sqrt((1-x)/2)), the root split as in Asin.
    double z = (1.0 - x) * 0.5;
    double s = Sqrt(z);
    double df = clearLow(s);
    double c = (z - df * df) / (s + df);
    double w = R(z) * s + c;
    return 2.0 * (df + w);
}

}  // namespace gomath
