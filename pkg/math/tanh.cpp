// tanh.cpp — Tanh. Go's tanh.go uses a Cephes rational function below
// 0.625 and Exp above; fdlibm (and the host's glibc) compute it from Expm1
// and reach 2 ulps. Here, from 2^-3 to 22, (e^2x - 1)/(e^2x + 1) with
// e^2x as 2^k * (hi + lo) to about 2^-60 (expParts) and the quotient
// corrected once; below, the Taylor series; beyond 22, ±1. Error within
// about half an ulp.
#include "internal.h"

namespace gomath {

double Tanh(double x) {
    if (IsNaN(x)) return x;
    double ax = Abs(x);
    double z;
    if (ax >= 22) {  // 1 - tanh(22) is below 2^-63
        z = 1.0;
    } else if (ax < 0x1p-3) {
        if (ax < 0x1p-28) return x;
        // x - x^3/3 + 2x^5/15 - ...: ten terms, the next below 2^-60 of x.
        static constexpr double c[] = {
            -0.3333333333333333,   0.13333333333333333,     -0.05396825396825397,   0.021869488536155203,
            -0.008863235529902197, 0.003592128036572481,    -0.0014558343870513183, 0.000590027440945586,
            -0.00023912911424355248, 9.691537956929451e-05,
        };
        double t = ax * ax;
        double p = c[9];
        for (int i = 8; i >= 0; i--) p = p * t + c[i];
        z = ax + ax * (t * p);
    } else {
        int k;
        double lo;
        double hi = expParts(2 * ax, &k, &lo);
        // e^2x = E*2^k with E = hi + lo; tanh = (E - 2^-k)/(E + 2^-k).
        double f = Ldexp(1.0, -k);
        double nh, nl, dh, dl;
        twoSum(hi, -f, &nh, &nl);
        nl += lo;
        twoSum(hi, f, &dh, &dl);
        dl += lo;
        double q = nh / dh;
        double ph, pl;
        twoProd(q, dh, &ph, &pl);
        z = q + (((nh - ph) - pl) + nl - q * dl) / dh;
    }
    return x < 0 ? -z : z;
}

}  // namespace gomath
