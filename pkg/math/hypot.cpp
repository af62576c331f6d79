// hypot.cpp — Hypot: sqrt(p^2 + q^2) without overflow or underflow. Go's
// hypot.go computes p*sqrt(1 + (q/p)^2), which rounds three times. Here
// both are scaled near 1 by the same power of two, p^2 + q^2 is formed
// exactly as a double-double (Dekker products), and its square root is
// refined by one Newton step on the double-double, r + (s - r^2)/(2r), so
// the result is within a hair of correctly rounded, subnormal or not.
#include "internal.h"

namespace gomath {

double Hypot(double p, double q) {
    p = Abs(p);
    q = Abs(q);
    if (p == Inf(1) || q == Inf(1)) return Inf(1);  // even with a NaN (C99 F.9.4.3)
    if (IsNaN(p) || IsNaN(q)) return p + q;
    if (p < q) {
        double t = p;
        p = q;
        q = t;
    }
    if (q == 0) return p;
    int e;
    Frexp(p, &e);
    int eq;
    Frexp(q, &eq);
    if (e - eq > 60) return p;  // q^2 is below half an ulp of p^2
    p = Ldexp(p, -e);  // [0.5, 1)
    q = Ldexp(q, -e);  // [2^-62, 1): still normal, so exact
    double a, aLo, b, bLo, s, sLo;
    twoProd(p, p, &a, &aLo);
    twoProd(q, q, &b, &bLo);
    twoSum(a, b, &s, &sLo);
    sLo += aLo + bLo;
    double r = Sqrt(s);
    double rr, rrLo;
    twoProd(r, r, &rr, &rrLo);
    double d = (((s - rr) - rrLo) + sLo) / (2 * r);
    return scaleSum(r, d, e);
}

}  // namespace gomath
