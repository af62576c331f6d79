// log10.cpp — Log2 and Log10. Go's log10.go computes Log(x)*(1/Ln10), and
// Log2 from Frexp and Log, which loses accuracy near 1 (log2(1+e) becomes
// 1 + (log(1/2+e/2)/ln2), a cancellation). Here, as in FreeBSD's e_log2.c
// and e_log10.c: log(1+f) is kept as hi + lo (hi = f - f^2/2 chopped to 21
// bits, lo the rest), multiplied by 1/ln2 or 1/ln10 in two parts, and k
// (times log10(2) in two parts) is added last, so exact powers come out
// exact and nothing cancels. Error below 1 ulp.
#include "internal.h"

namespace gomath {

namespace {
// Constants split after 32 bits, so that a 21-bit hi times the high part is exact.
constexpr double InvLn2Hi = 1.4426950407214463;   // 1/ln2
constexpr double InvLn2Lo = 1.6751713164886512e-10;
constexpr double InvLn10Hi = 0.4342944818781689;  // 1/ln10
constexpr double InvLn10Lo = 2.5082946711645275e-11;
constexpr double Log10of2Hi = 0.3010299955494702;  // log10(2)
constexpr double Log10of2Lo = 1.1451100898021838e-10;

// log(x) - k*ln2 = hi + lo, for finite x > 0.
double logParts(double x, int* k, double* lo) {
    double f = logReduce(x, k);
    double hfsq = 0.5 * f * f;
    double hi = clearLow(f - hfsq);
    *lo = (f - hi) - hfsq + log1pTail(f);
    return hi;
}

// NaN, +Inf, negative and zero arguments; returns false for the rest.
bool logSpecial(double x, double* r) {
    if (IsNaN(x) || x == Inf(1)) *r = x;
    else if (x < 0) *r = NaN();
    else if (x == 0) *r = Inf(-1);
    else return false;
    return true;
}

// The logarithm to base b of x, from log(x) = k*ln2 + hi + lo: (hi + lo)/ln(b)
// with 1/ln(b) = invHi + invLo, plus k*log_b(2) with log_b(2) = kHi + kLo
// (k*kHi is exact), the two largest terms added last with the rounding
// error of their sum recovered. Base 2 passes log_2(2) as 1 + 0: k*1 and
// the added zero are exact, so Log2 loses nothing by sharing this.
double logBase(double x, double invHi, double invLo, double kHi, double kLo) {
    double r;
    if (logSpecial(x, &r)) return r;
    int k;
    double lo;
    double hi = logParts(x, &k, &lo);
    double y2 = k * kHi;
    double vhi = hi * invHi;
    double vlo = k * kLo + (lo + hi) * invLo + lo * invHi;
    double w = y2 + vhi;
    vlo += (y2 - w) + vhi;
    return vlo + w;
}
}  // namespace

double Log2(double x) { return logBase(x, InvLn2Hi, InvLn2Lo, 1, 0); }

double Log10(double x) { return logBase(x, InvLn10Hi, InvLn10Lo, Log10of2Hi, Log10of2Lo); }

}  // namespace gomath
