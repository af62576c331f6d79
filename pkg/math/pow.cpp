// pow.cpp — Pow, by fdlibm's method (e_pow.c; Go's pow.go instead
// multiplies by repeated squaring, which can be several ulps off for large
// y). log2|x| is computed to about 70 bits as t1 + t2 (|x| = 2^n * a with a
// near 1 or 1.5, s = (a-b)/(a+b), log2(a) = log2(b) + (2/ln2)(s + s^3/3 +
// ...)), multiplied by y split in two, and 2^(that) is evaluated as in Exp
// with the extra bits carried in the low part. Error below 1 ulp; integer
// powers of integers are exact when representable.
// Special cases as C99 Annex F F.9.4.4 (and Go's Pow) list them.
#include "internal.h"

namespace gomath {

namespace {
constexpr double bp[] = {1.0, 1.5};
constexpr double dpHi[] = {0.0, 5.84962487220764160156e-01};  // log2(1.5), 24 bits
constexpr double dpLo[] = {0.0, 1.35003920212974897128e-08};
constexpr double two53 = 0x1p53;
constexpr double huge = 1.0e300;
constexpr double tiny = 1.0e-300;
// Remez coefficients in s^2 of the tail of log((1+s)/(1-s)) (fdlibm's L1..L6).
constexpr double L1 = 5.99999999999994648725e-01;
constexpr double L2 = 4.28571428578550184252e-01;
constexpr double L3 = 3.33333329818377432918e-01;
constexpr double L4 = 2.72728123808534006489e-01;
constexpr double L5 = 2.30660745775561754067e-01;
constexpr double L6 = 2.06975017800338417784e-01;
// The exp kernel's coefficients (fdlibm's e_pow.c values).
constexpr double P1 = 1.66666666666666019037e-01;
constexpr double P2 = -2.77777777770155933842e-03;
constexpr double P3 = 6.61375632143793436117e-05;
constexpr double P4 = -1.65339022054652515390e-06;
constexpr double P5 = 4.13813679705723846039e-08;
constexpr double lg2 = 6.93147180559945286227e-01;  // ln2, and in two parts (24 bits high)
constexpr double lg2Hi = 6.93147182464599609375e-01;
constexpr double lg2Lo = -1.90465429995776804525e-09;
constexpr double ovt = 8.0085662595372944372e-17;  // -(1024 - log2(max double + ulp/2))
constexpr double cp = 9.61796693925975554329e-01;   // 2/(3 ln2), and in two parts
constexpr double cpHi = 9.61796700954437255859e-01;
constexpr double cpLo = -7.02846165095275826516e-09;
constexpr double ivln2 = 1.44269504088896338700e+00;  // 1/ln2, and in two parts
constexpr double ivln2Hi = 1.44269502162933349609e+00;
constexpr double ivln2Lo = 1.92596299112661746887e-08;

// 0 when y is not an integer, 1 when it is odd, 2 when even.
int yParity(double y) {
    double ay = Abs(y);
    if (ay >= two53) return 2;  // every double this large is even
    if (Trunc(ay) != ay) return 0;
    return ((int64_t)ay & 1) != 0 ? 1 : 2;
}

// log2(ax) = *t1 + *t2 with *t1 chopped to 21 bits, for finite ax > 0.
void log2Parts(double ax, double* t1, double* t2) {
    int n = 0;
    int32_t ix = highWord(ax);
    if (ix < 0x00100000) {  // subnormal: scale into the normals
        ax *= two53;
        n -= 53;
        ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    int32_t j = ix & 0x000fffff;
    ix = j | 0x3ff00000;  // a in [1, 2)
    int k;
    if (j <= 0x3988E) {  // a < sqrt(3/2): b = 1
        k = 0;
    } else if (j < 0xBB67A) {  // a < sqrt(3): b = 1.5
        k = 1;
    } else {  // a/2 is nearer 1
        k = 0;
        n += 1;
        ix -= 0x00100000;
    }
    ax = fromWords((uint32_t)ix, lowWord(ax));
    // s = (a-b)/(a+b) as sHi + sLo.
    double u = ax - bp[k];
    double v = 1.0 / (ax + bp[k]);
    double ss = u * v;
    double sHi = clearLow(ss);
    double tHi = fromWords((uint32_t)(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18)), 0);  // a+b, chopped
    double tLo = ax - (tHi - bp[k]);
    double sLo = v * ((u - sHi * tHi) - sHi * tLo);
    // log((1+s)/(1-s)) = 2s + 2s^3/3 + s^5*R(s^2).
    double s2 = ss * ss;
    double r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sLo * (sHi + ss);
    s2 = sHi * sHi;
    tHi = clearLow(3.0 + s2 + r);
    tLo = r - ((tHi - 3.0) - s2);
    // u + v = s*(3 + s^2 + ...), then times 2/(3 ln2).
    u = sHi * tHi;
    v = sLo * tHi + tLo * ss;
    double pHi = clearLow(u + v);
    double pLo = v - (pHi - u);
    double zHi = cpHi * pHi;
    double zLo = cpLo * pHi + pLo * cp + dpLo[k];
    double t = n;
    *t1 = clearLow(((zHi + zLo) + dpHi[k]) + t);
    *t2 = zLo - (((*t1 - t) - dpHi[k]) - zHi);
}

// log2(ax) = *t1 + *t2 for |ax - 1| <= 2^-20, by the series of log(1+t).
void log2NearOne(double ax, double* t1, double* t2) {
    double t = ax - 1;
    double w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    double u = ivln2Hi * t;
    double v = t * ivln2Lo - w * ivln2;
    *t1 = clearLow(u + v);
    *t2 = v - (*t1 - u);
}

// 2^(pHi + pLo) for |pHi + pLo| < 1075.
double exp2Parts(double pHi, double pLo) {
    double z = pHi + pLo;
    int32_t j = highWord(z);
    int32_t i = j & 0x7fffffff;
    int32_t k = (i >> 20) - 0x3ff;
    int32_t n = 0;
    if (i > 0x3fe00000) {  // |z| > 0.5: n = nearest integer to z, taken off pHi
        n = j + (0x00100000 >> (k + 1));
        k = ((n & 0x7fffffff) >> 20) - 0x3ff;
        double t = fromWords((uint32_t)(n & ~(0x000fffff >> k)), 0);
        n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
        if (j < 0) n = -n;
        pHi -= t;
    }
    double t = clearLow(pLo + pHi);
    double u = t * lg2Hi;
    double v = (pLo - (t - pHi)) * lg2 + t * lg2Lo;
    z = u + v;  // (pHi + pLo)*ln2 as z + w
    double w = v - (z - u);
    t = z * z;
    double t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    double r = (z * t1) / (t1 - 2.0) - (w + z * w);
    return scaleSum(1.0, z - r, n);
}

// Pow for x or y zero, infinite, NaN or one; false for the rest.
bool powSpecial(double x, double y, int parity, double* r) {
    if (y == 0 || x == 1) {  // even when the other is NaN
        *r = 1;
    } else if (IsNaN(x) || IsNaN(y)) {
        *r = x + y;
    } else if (y - y != 0) {  // y = ±Inf
        double ax = Abs(x);
        if (ax == 1) *r = 1;
        else *r = (ax > 1) == (y > 0) ? Inf(1) : 0;
    } else if (x == -1) {  // exactly: the general path would take it as an overflow for |y| > 2^64
        *r = parity == 0 ? NaN() : parity == 1 ? -1.0 : 1.0;
    } else if (x == 0 || x - x != 0) {  // x = ±0 or ±Inf
        double z = Abs(x);
        if (y < 0) z = 1 / z;
        *r = (x < 0 || Float64bits(x) == signMask) && parity == 1 ? -z : z;
    } else {
        return false;
    }
    return true;
}
}  // namespace

double Pow(double x, double y) {
    int parity = yParity(y);
    double r;
    if (powSpecial(x, y, parity, &r)) return r;
    if (y == 1) return x;
    if (y == -1) return 1 / x;
    if (y == 2) return x * x;
    if (y == 0.5 && x > 0) return Sqrt(x);
    if (x < 0 && parity == 0) return NaN();  // negative to a non-integer power
    double sign = x < 0 && parity == 1 ? -1.0 : 1.0;
    double ax = Abs(x);
    double t1, t2;
    int32_t ix = highWord(ax);
    if (Abs(y) > 0x1p31) {
        bool up = y > 0;
        if (Abs(y) > 0x1p64) {  // |x| != 1 here: the result overflows or underflows
            if (ix <= 0x3fefffff) return up ? tiny * tiny : huge * huge;
            return up ? huge * huge : tiny * tiny;
        }
        if (ix < 0x3fefffff) return up ? sign * tiny * tiny : sign * huge * huge;
        if (ix > 0x3ff00000) return up ? sign * huge * huge : sign * tiny * tiny;
        log2NearOne(ax, &t1, &t2);  // |ax - 1| <= 2^-20
    } else {
        log2Parts(ax, &t1, &t2);
    }
    // y*log2(ax) = pHi + pLo, with y split so that yHi*t1 is exact.
    double yHi = clearLow(y);
    double pLo = (y - yHi) * t1 + y * t2;
    double pHi = yHi * t1;
    double z = pLo + pHi;
    int32_t j = highWord(z);
    uint32_t i = lowWord(z);
    if (j >= 0x40900000) {  // z >= 1024
        if (((j - 0x40900000) | i) != 0 || pLo + ovt > z - pHi) return sign * huge * huge;
    } else if ((j & 0x7fffffff) >= 0x4090cc00) {  // z <= -1075
        if ((((uint32_t)j - 0xc090cc00) | i) != 0 || pLo <= z - pHi) return sign * tiny * tiny;
    }
    return sign * exp2Parts(pHi, pLo);
}

}  // namespace gomath
