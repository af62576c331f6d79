// atan.cpp — Atan by fdlibm's method (s_atan.c): |x| is mapped to a small
// argument around one of 0, 0.5, 1, 1.5, infinity (atan x = atan(c) +
// atan((x-c)/(1+c*x))), and atan of that is an odd Remez polynomial of
// degree 23; atan(c) is added in two parts. Go's atan.go uses Cephes'
// rational function with reduction around tan(3pi/8). Error below 1 ulp.
// The kernel takes a tail dx, so that Atan2 can pass the rounding error of
// its quotient, and returns its result unrounded, as hi + lo, so that
// Atan2 can subtract it from pi with one rounding.
#include "internal.h"

namespace gomath {

namespace {
constexpr double atanHi[] = {
    4.63647609000806093515e-01,  // atan(0.5)
    7.85398163397448278999e-01,  // atan(1)
    9.82793723247329054082e-01,  // atan(1.5)
    1.57079632679489655800e+00,  // atan(inf)
};
constexpr double atanLo[] = {
    2.26987774529616870924e-17,
    3.06161699786838301793e-17,
    1.39033110312309984516e-17,
    6.12323399573676603587e-17,
};
constexpr double aT[] = {
    3.33333333333329318027e-01, -1.99999999998764832476e-01, 1.42857142725034663711e-01,
    -1.11111104054623557880e-01, 9.09088713343650656196e-02, -7.69187620504482999495e-02,
    6.66107313738753120669e-02, -5.83357013379057348645e-02, 4.97687799461593236017e-02,
    -3.65315727442169155270e-02, 1.62858201153657823623e-02,
};
}  // namespace

double atanKernel(double x, double dx, double* lo) {
    *lo = 0;
    int32_t hx = highWord(x);
    int32_t ix = hx & 0x7fffffff;
    if (ix >= 0x44100000) {  // |x| >= 2^66 (or NaN): ±pi/2
        if (IsNaN(x)) return x;
        double z = atanHi[3] + atanLo[3];
        return hx > 0 ? z : -z;
    }
    int id;
    if (ix < 0x3fdc0000) {  // |x| < 0.4375
        if (ix < 0x3e400000) {  // |x| < 2^-27
            *lo = dx;
            return x;
        }
        id = -1;
    } else {
        x = Abs(x);
        dx = hx < 0 ? -dx : dx;
        // The reduced argument, and the tail carried through its derivative.
        if (ix < 0x3ff30000) {  // |x| < 1.1875
            if (ix < 0x3fe60000) {  // 0.4375 <= |x| < 0.6875: c = 0.5
                id = 0;
                double d = 2.0 + x;
                x = (2.0 * x - 1.0) / d;
                dx = dx * 5.0 / (d * d);
            } else {  // c = 1
                id = 1;
                double d = x + 1.0;
                x = (x - 1.0) / d;
                dx = dx * 2.0 / (d * d);
            }
        } else if (ix < 0x40038000) {  // |x| < 2.4375: c = 1.5
            id = 2;
            double d = 1.0 + 1.5 * x;
            x = (x - 1.5) / d;
            dx = dx * 3.25 / (d * d);
        } else {  // c = infinity
            id = 3;
            dx = dx / (x * x);
            x = -1.0 / x;
        }
    }
    double z = x * x;
    double w = z * z;
    // Odd and even coefficients separately, for parallelism.
    double s1 = z * (aT[0] + w * (aT[2] + w * (aT[4] + w * (aT[6] + w * (aT[8] + w * aT[10])))));
    double s2 = w * (aT[1] + w * (aT[3] + w * (aT[5] + w * (aT[7] + w * aT[9]))));
    if (id < 0) {
        *lo = dx - x * (s1 + s2);
        return x;
    }
    double hi;
    twoSum(atanHi[id], x - (x * (s1 + s2) - atanLo[id] - dx), &hi, lo);
    if (hx < 0) {
        *lo = -*lo;
        return -hi;
    }
    return hi;
}

double Atan(double x) {
    if (x == 0) return x;  // hi + lo would turn -0 into +0
    double lo;
    double hi = atanKernel(x, 0, &lo);
    return hi + lo;
}

}  // namespace gomath
