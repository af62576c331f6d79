// trig_reduce.cpp — remPio2: x - n*pi/2 as y0 + y1, for sin, cos and tan.
//
// Up to |x| ~ 2^20*pi/2, Cody and Waite's reduction as fdlibm's
// e_rem_pio2.c does it: pi/2 in 33-bit pieces, so n*piece is exact, with a
// second and third piece only when the first subtraction cancels many bits.
//
// Beyond, Payne and Hanek's reduction (K. C. Ng, "Argument reduction for
// huge arguments: good to the last bit", 1992), with 64-bit integers as Go's
// trig_reduce.go does it. Go reduces by pi/4 and keeps a 64-bit fraction;
// here x*(2/pi) mod 4 is kept to 128 bits and turned into a double-double,
// so the result carries more than the 53 bits a tiny remainder needs.
#include "internal.h"

namespace gomath {

namespace {
constexpr double invpio2 = 6.36619772367581382433e-01;  // 2/pi
constexpr double pio2_1 = 1.57079632673412561417e+00;   // first 33 bits of pi/2
constexpr double pio2_1t = 6.07710050650619224932e-11;  // pi/2 - pio2_1
constexpr double pio2_2 = 6.07710050630396597660e-11;   // next 33 bits
constexpr double pio2_2t = 2.02226624879595063154e-21;
constexpr double pio2_3 = 2.02226624871116645580e-21;   // next 33 bits
constexpr double pio2_3t = 8.47842766036889956997e-32;

// The bits of 2/pi after the point, 64 per word, after one word of zeros
// (so that the window taken below may start before the point).
constexpr uint64_t twoOverPi[] = {
    0x0000000000000000, 0xa2f9836e4e441529, 0xfc2757d1f534ddc0, 0xdb6295993c439041,
    0xfe5163abdebbc561, 0xb7246e3a424dd2e0, 0x06492eea09d1921c, 0xfe1deb1cb129a73e,
    0xe88235f52ebb4484, 0xe99c7026b45f7e41, 0x3991d639835339f4, 0x9c845f8bbdf9283b,
    0x1ff897ffde05980f, 0xef2f118b5a0a6d1f, 0x6d367ecf27cb09b7, 0x4f463f669e5fea2d,
    0x7527bac7ebe5f17b, 0x3d0739f78a5292ea, 0x6bfb5fb11f8d5d08, 0x56033046fc7b6bab,
};

int exponentOf(double x) { return (int)((Float64bits(x) >> shift) & mask); }

int codyWaite(double x, double* y0, double* y1) {
    // Nearest integer to x*2/pi: adding 1.5*2^52 rounds it into the low bits.
    double fn = (x * invpio2 + 0x1.8p52) - 0x1.8p52;
    int n = (int)fn;
    double r = x - fn * pio2_1;
    double w = fn * pio2_1t;
    *y0 = r - w;
    int e = exponentOf(x);
    if (e - exponentOf(*y0) > 16) {  // cancellation: 33 more bits of pi/2
        double t = r;
        w = fn * pio2_2;
        r = t - w;
        w = fn * pio2_2t - ((t - r) - w);
        *y0 = r - w;
        if (e - exponentOf(*y0) > 49) {  // and 33 more
            t = r;
            w = fn * pio2_3;
            r = t - w;
            w = fn * pio2_3t - ((t - r) - w);
            *y0 = r - w;
        }
    }
    *y1 = (r - *y0) - w;
    return n;
}

// For |x| >= 2^19: x = m * 2^e with m a 53-bit integer and e >= -33. The
// bits of 2/pi worth 2^2 and more after multiplying by 2^e only add
// multiples of 4 (a whole turn), so the product is taken with the 192 bits
// that start at the bit worth 2^(1-e): a 256-bit m*W whose bits 190 and 191
// are n mod 4 and whose next 128 bits are the fraction. The bits of 2/pi
// left out change the fraction by less than 2^-137.
int payneHanek(double ax, double* y0, double* y1) {
    uint64_t m = (Float64bits(ax) & ((uint64_t(1) << shift) - 1)) | uint64_t(1) << shift;
    int e = exponentOf(ax) - bias - shift;
    int g = e + 62;  // the window's first bit, counting from the table's start
    int word = g / 64, bit = g % 64;
    uint64_t w[3];
    for (int i = 0; i < 3; i++) {
        w[i] = twoOverPi[word + i] << bit;
        if (bit != 0) w[i] |= twoOverPi[word + i + 1] >> (64 - bit);
    }
    typedef unsigned __int128 u128;
    u128 p2 = (u128)m * w[2];
    u128 p1 = (u128)m * w[1];
    uint64_t p0 = m * w[0];  // only its low 64 bits reach bits 128..191
    u128 mid = (p2 >> 64) + (uint64_t)p1;
    uint64_t r2 = (uint64_t)p2;
    uint64_t r1 = (uint64_t)mid;
    uint64_t r0 = p0 + (uint64_t)(p1 >> 64) + (uint64_t)(mid >> 64);
    int n = (int)(r0 >> 62);
    // The fraction as a 128-bit fixed-point number, then rounded to the
    // nearest integer n: a fraction of a half or more counts as negative.
    u128 f = (u128)(r0 << 2 | r1 >> 62) << 64 | (r1 << 2 | r2 >> 62);
    bool neg = f >> 127;
    if (neg) {
        f = -f;
        n++;
    }
    // f * 2^-128 as hi + lo (53 + 53 bits), then times pi/2 in two parts.
    int lz = f >> 64 ? __builtin_clzll((uint64_t)(f >> 64)) : 64 + __builtin_clzll((uint64_t)f | 1);
    f <<= lz;
    double hi = Ldexp((double)(uint64_t)(f >> 75), -53 - lz);
    double lo = Ldexp((double)(uint64_t)(f >> 22 & ((uint64_t(1) << 53) - 1)), -106 - lz);
    const double pio2Hi = 1.57079632679489655800e+00, pio2Lo = 6.12323399573676603587e-17;
    double ph, pl;
    twoProd(hi, pio2Hi, &ph, &pl);
    pl += hi * pio2Lo + lo * pio2Hi;
    twoSum(ph, pl, y0, y1);
    if (neg) {
        *y0 = -*y0;
        *y1 = -*y1;
    }
    return n & 3;
}
}  // namespace

int remPio2(double x, double* y0, double* y1) {
    double ax = Abs(x);
    int n;
    if (ax < 0x1p19) {  // fdlibm goes to 2^20*pi/2; below 2^19, n < 2^20 surely
        n = codyWaite(ax, y0, y1);
    } else {
        n = payneHanek(ax, y0, y1);
    }
    if (x < 0) {
        *y0 = -*y0;
        *y1 = -*y1;
        n = -n;
    }
    return n;
}

}  // namespace gomath
