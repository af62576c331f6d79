// internal.h — what the files of package gomath share: the bit views of a
// double (Go's Float64bits/Float64frombits), exact two-term arithmetic, and
// the kernels one function family lends another.
#pragma once
#include <stdint.h>

#include "math.h"

namespace gomath {

constexpr int shift = 52;  // Go's names: bits of mantissa, exponent mask, bias
constexpr uint64_t mask = 0x7FF;
constexpr int bias = 1023;
constexpr uint64_t signMask = uint64_t(1) << 63;

inline uint64_t Float64bits(double f) { return __builtin_bit_cast(uint64_t, f); }
inline double Float64frombits(uint64_t b) { return __builtin_bit_cast(double, b); }
inline uint32_t Float32bits(float f) { return __builtin_bit_cast(uint32_t, f); }
inline float Float32frombits(uint32_t b) { return __builtin_bit_cast(float, b); }

// The upper 32 bits of a double: sign, exponent and the top 20 mantissa
// bits. fdlibm's methods classify arguments by this word.
inline int32_t highWord(double x) { return (int32_t)(Float64bits(x) >> 32); }
inline uint32_t lowWord(double x) { return (uint32_t)Float64bits(x); }
inline double fromWords(uint32_t hi, uint32_t lo) { return Float64frombits((uint64_t)hi << 32 | lo); }
// x with its low 32 bits cleared: at most 21 significant bits, so that its
// product with another such number, or with a 32-bit constant, is exact.
inline double clearLow(double x) { return Float64frombits(Float64bits(x) & 0xFFFFFFFF00000000); }

inline bool IsNaN(double x) { return x != x; }
inline double Inf(int sign) { return Float64frombits(sign >= 0 ? 0x7FF0000000000000 : 0xFFF0000000000000); }
inline double NaN() { return Float64frombits(0x7FF8000000000001); }

// Exact sums and products (Knuth's TwoSum, Dekker's product with
// Veltkamp's split; -march=x86-64 has no FMA). a*b == *hi + *lo exactly as
// long as neither factor is beyond 2^995 and the product does not underflow.
inline void twoSum(double a, double b, double* hi, double* lo) {
    double s = a + b;
    double bb = s - a;
    *hi = s;
    *lo = (a - (s - bb)) + (b - bb);
}
inline void split(double a, double* hi, double* lo) {
    double c = 134217729.0 * a;  // 2^27 + 1
    *hi = c - (c - a);
    *lo = a - *hi;
}
inline void twoProd(double a, double b, double* hi, double* lo) {
    double ah, al, bh, bl;
    split(a, &ah, &al);
    split(b, &bh, &bl);
    *hi = a * b;
    *lo = ((ah * bh - *hi) + ah * bl + al * bh) + al * bl;
}

// ldexp.cpp: (hi + lo) * 2^k rounded once, also when subnormal, for hi in
// [0.5, 4) and |lo| < |hi|/2, both positive or lo small.
double scaleSum(double hi, double lo, int k);
// exp.cpp: e^(hi-lo) * 2^k for |hi-lo| <= ln2/2.
double expmulti(double hi, double lo, int k);
// exp.cpp: e^x = 2^*k * (hi + *lo) to about 2^-60, for |x| < 709.8.
double expParts(double x, int* k, double* lo);
// log.cpp: for 1+f in [sqrt(2)/2, sqrt(2)), log(1+f) - f + f*f/2, the part
// of the logarithm beyond its first two terms (fdlibm's k_log1p).
double log1pTail(double f);
// log.cpp: x = 2^k * (1+f) with 1+f in [sqrt(2)/2, sqrt(2)), for finite x > 0.
double logReduce(double x, int* k);
// trig_reduce.cpp: x - n*pi/2 as *y0 + *y1 with |*y0| <= pi/4; returns n.
int remPio2(double x, double* y0, double* y1);
// sin.cpp, tan.cpp: on [-pi/4, pi/4], the argument given as x + y.
double sinKernel(double x, double y);
double cosKernel(double x, double y);
double tanKernel(double x, double y, bool reciprocal);  // -1/tan when reciprocal
// atan.cpp: atan(x + dx) = hi + *lo, for a small tail dx.
double atanKernel(double x, double dx, double* lo);

}  // namespace gomath
