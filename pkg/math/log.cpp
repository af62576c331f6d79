// log.cpp — Log, by fdlibm's method as Go's log.go follows it: x = 2^k *
// (1+f) with 1+f in [sqrt(2)/2, sqrt(2)); with s = f/(2+f),
// log(1+f) = 2s + 2s^3/3 + ... = f - f^2/2 + s*(f^2/2 + R(s^2)), R a Remez
// polynomial; k*ln2 is added in two parts. Error below 1 ulp.
#include "internal.h"

namespace gomath {

namespace {
constexpr double Ln2Hi = 6.93147180369123816490e-01;
constexpr double Ln2Lo = 1.90821492927058770002e-10;
constexpr double L1 = 6.666666666666735130e-01;
constexpr double L2 = 3.999999999940941908e-01;
constexpr double L3 = 2.857142874366239149e-01;
constexpr double L4 = 2.222219843214978396e-01;
constexpr double L5 = 1.818357216161805012e-01;
constexpr double L6 = 1.531383769920937332e-01;
constexpr double L7 = 1.479819860511658591e-01;
}  // namespace

double logReduce(double x, int* k) {
    const double Sqrt2 = 1.41421356237309504880;
    double f1 = Frexp(x, k);  // f1 in [0.5, 1)
    if (f1 < Sqrt2 / 2) {
        f1 *= 2;
        (*k)--;
    }
    return f1 - 1;  // exact (Sterbenz)
}

double log1pTail(double f) {
    double s = f / (2 + f);
    double s2 = s * s;
    double s4 = s2 * s2;
    double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    double hfsq = 0.5 * f * f;
    return s * (hfsq + t1 + t2);
}

double Log(double x) {
    if (IsNaN(x) || x == Inf(1)) return x;
    if (x < 0) return NaN();
    if (x == 0) return Inf(-1);
    int k;
    double f = logReduce(x, &k);
    double hfsq = 0.5 * f * f;
    return k * Ln2Hi - ((hfsq - (log1pTail(f) + k * Ln2Lo)) - f);
}

}  // namespace gomath
