// atan2.cpp — Atan2 as fdlibm's e_atan2.c and Go's atan2.go: the special
// cases of C99 F.9.1.4, then atan(|y/x|) placed in its quadrant with pi in
// two parts. Unlike both, the quotient's rounding error (recovered exactly
// with a Dekker product) is passed to the atan kernel, so the division does
// not add half an ulp to the error.
#include "internal.h"

namespace gomath {

namespace {
constexpr double pi = 3.1415926535897931160E+00;
constexpr double piLo = 1.2246467991473531772E-16;
constexpr double pio2 = 1.5707963267948965580E+00;
constexpr double pio4 = 7.8539816339744827900E-01;

// atan(ay/ax) = hi + *lo for finite nonzero ax, ay whose exponents differ
// by at most 60.
double atanRatio(double ay, double ax, double* lo) {
    // Scale both near 1, so the Dekker product below cannot overflow or
    // underflow (scaling by a power of two is exact).
    int e;
    Frexp(ax, &e);
    ax = Ldexp(ax, -e);
    ay = Ldexp(ay, -e);
    double q = ay / ax;
    double ph, pl;
    twoProd(q, ax, &ph, &pl);
    double dq = ((ay - ph) - pl) / ax;  // ay/ax - q
    return atanKernel(q, dq, lo);
}
}  // namespace

double Atan2(double y, double x) {
    if (IsNaN(x) || IsNaN(y)) return x + y;
    bool ny = Float64bits(y) >> 63, nx = Float64bits(x) >> 63;  // signs, also of zeros
    double ax = Abs(x), ay = Abs(y);
    double z;
    if (ay == 0) {
        z = nx ? pi : 0.0;  // atan2(±0, -0 or negative) = ±pi
    } else if (ax == 0) {
        z = pio2;
    } else if (ax == Inf(1)) {
        if (ay == Inf(1)) z = nx ? 3 * pio4 : pio4;
        else z = nx ? pi : 0.0;
    } else if (ay == Inf(1)) {
        z = pio2;
    } else {
        int k = (int)((Float64bits(ay) >> shift) - (Float64bits(ax) >> shift));
        if (k > 60) {  // |y/x| > 2^60: pi/2 whichever the sign of x
            z = pio2 + 0.5 * piLo;
        } else {
            double lo = 0;
            if (k < -60) z = nx ? 0.0 : ay / ax;  // |y/x| < 2^-60: atan(t) rounds to t
            else z = atanRatio(ay, ax, &lo);
            if (nx) {  // pi - z, in two parts
                double d;
                twoSum(pi, -z, &z, &d);
                lo = d + (piLo - lo);
            }
            z += lo;
        }
    }
    return ny ? -z : z;
}

}  // namespace gomath
