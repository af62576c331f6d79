// tan.cpp — Tan: reduction by remPio2, then fdlibm's kernel (k_tan.c):
// an odd Remez polynomial on [0, 0.67]; above, tan(pi/4 - t) is used with
// t = pi/4 - |x|, and for odd n the kernel returns -1/tan computed so that
// the division does not double the error. Go's tan.go uses Cephes' rational
// function after a reduction by pi/4. Error below 1 ulp.
#include "internal.h"

namespace gomath {

namespace {
constexpr double T[] = {
    3.33333333333334091986e-01, 1.33333333333201242699e-01, 5.39682539762260521377e-02,
    2.18694882948595424599e-02, 8.86323982359930005737e-03, 3.59207910759131235356e-03,
    1.45620945432529025516e-03, 5.88041240820264096874e-04, 2.46463134818469906812e-04,
    7.81794442939557092300e-05, 7.14072491382608190305e-05, -1.85586374855275456654e-05,
    2.59073051863633712884e-05,
};
constexpr double pio4 = 7.85398163397448278999e-01;
constexpr double pio4lo = 3.06161699786838301793e-17;
}  // namespace

double tanKernel(double x, double y, bool reciprocal) {
    int32_t hx = highWord(x);
    bool big = (hx & 0x7fffffff) >= 0x3FE59428;  // |x| >= 0.6744
    if (big) {
        if (hx < 0) {
            x = -x;
            y = -y;
        }
        x = (pio4 - x) + (pio4lo - y);
        y = 0.0;
    }
    double z = x * x;
    double w = z * z;
    // The polynomial in two halves, odd and even powers of w, for parallelism.
    double r = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))));
    double v = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))));
    double s = z * x;
    r = y + z * (s * (r + v) + y);
    r += T[0] * s;
    w = x + r;
    if (big) {
        // tan(pi/4 - t) = 1 - 2*tan(t)/(1 + tan(t)), or -1/that.
        v = reciprocal ? -1.0 : 1.0;
        double t = v - 2.0 * (x - (w * w / (w + v) - r));
        return hx < 0 ? -t : t;
    }
    if (!reciprocal) return w;
    // -1/(x+r): the quotient a = -1/w, corrected with w's chopped high part.
    z = clearLow(w);
    v = r - (z - x);  // w = z + v
    double a = -1.0 / w;
    double t = clearLow(a);
    s = 1.0 + t * z;
    return t + a * (s + t * v);
}

double Tan(double x) {
    uint32_t ix = (uint32_t)highWord(x) & 0x7fffffff;
    if (ix <= 0x3fe921fb) {
        if (ix < 0x3e400000) return x;  // |x| < 2^-27: tan x rounds to x
        return tanKernel(x, 0, false);
    }
    if (ix >= 0x7ff00000) return x - x;
    double y0, y1;
    int n = remPio2(x, &y0, &y1);
    return tanKernel(y0, y1, n & 1);
}

}  // namespace gomath
