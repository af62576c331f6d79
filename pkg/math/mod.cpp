// mod.cpp — Mod, C's fmod: x - n*y with n = trunc(x/y), which is always
// representable, computed exactly. Go's mod.go subtracts scaled copies of
// y in floating point; here the mantissas are reduced as integers, 11 bits
// at a time, which is exact and needs at most ~190 divisions.
#include "internal.h"

namespace gomath {

namespace {
// |x| = *m * 2^*e with *m < 2^53, for finite x.
void decompose(double x, uint64_t* m, int* e) {
    uint64_t b = Float64bits(x);
    int be = (int)((b >> shift) & mask);
    *m = b & ((uint64_t(1) << shift) - 1);
    if (be == 0) {
        *e = 1 - bias - shift;  // subnormal: no implicit bit
    } else {
        *m |= uint64_t(1) << shift;
        *e = be - bias - shift;
    }
}
}  // namespace

double Mod(double x, double y) {
    if (y == 0 || IsNaN(x) || IsNaN(y) || x - x != 0) return NaN();  // x infinite
    double ax = Abs(x), ay = Abs(y);
    if (ax < ay) return x;  // also y infinite
    uint64_t mx, my;
    int ex, ey;
    decompose(ax, &mx, &ex);
    decompose(ay, &my, &ey);
    // (mx * 2^(ex-ey)) mod my, shifting in at most 11 bits so r << s < 2^64.
    uint64_t r = mx % my;
    for (int d = ex - ey; d > 0 && r != 0;) {
        int s = d < 11 ? d : 11;
        r = (r << s) % my;
        d -= s;
    }
    double z = Ldexp((double)r, ey);  // a multiple of y's ulp: exact
    return x < 0 ? -z : z;
}

}  // namespace gomath
