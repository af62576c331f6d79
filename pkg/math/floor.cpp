// floor.cpp — Trunc, Floor, Ceil, Round by clearing fraction bits, as Go's
// floor.go computes Round (Go's Floor/Trunc go through Modf; the result is
// the same). -march=x86-64 has no SSE4.1 roundsd. Exact: the result is
// always representable. Integers, ±0, ±Inf and NaN come back unchanged.
#include "internal.h"

namespace gomath {

namespace {
// The unbiased exponent of x: |x| is in [2^e, 2^(e+1)).
int exponent(uint64_t b) { return (int)((b >> shift) & mask) - bias; }
}  // namespace

double Trunc(double x) {
    uint64_t b = Float64bits(x);
    int e = exponent(b);
    if (e >= shift) return x;  // no fraction bits (or Inf, NaN)
    if (e < 0) return Float64frombits(b & signMask);
    return Float64frombits(b & ~((uint64_t(1) << (shift - e)) - 1));
}

double Floor(double x) {
    double t = Trunc(x);
    return x < 0 && t != x ? t - 1 : t;
}

double Ceil(double x) {
    double t = Trunc(x);
    return x > 0 && t != x ? t + 1 : t;
}

// Adding half an integer to the magnitude's bits and truncating rounds
// halfway cases away from zero; a carry out of the mantissa correctly
// increments the exponent.
double Round(double x) {
    uint64_t b = Float64bits(x);
    int e = exponent(b);
    if (e < -1) return Float64frombits(b & signMask);            // |x| < 0.5
    if (e == -1) return Float64frombits((b & signMask) | 0x3FF0000000000000);  // ±1
    if (e >= shift) return x;
    uint64_t frac = (uint64_t(1) << (shift - e)) - 1;
    b += uint64_t(1) << (shift - 1 - e);
    return Float64frombits(b & ~frac);
}

}  // namespace gomath
