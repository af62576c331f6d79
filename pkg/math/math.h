// math.h — the floating-point functions behind <cmath> (package gomath).
//
// Named as Go's package math names them (Sqrt, Floor, Pow, Sin...), with the
// C library's float forms beside them (Sqrtf, Powf...), which Go does not have.
// Pure functions of their arguments: no runtime, no errno, no locale, so they
// build both freestanding (linked into programs through cmath.cpp) and hosted
// (test/unit/test_math.cpp compares them with the host's libm).
// Special cases (NaN, ±Inf, ±0) follow C99 Annex F; docs/cxx-math.md lists
// the methods and the measured errors.
#pragma once

namespace gomath {

// Sqrt is the SSE2 instruction, which IEEE 754 requires to be correctly
// rounded (Go's sqrt_amd64.s does the same); inline assembly rather than
// __builtin_sqrt, which with errno semantics calls sqrt for a negative
// argument, and that call would come back here. Abs clears the sign bit
// (Go's abs.go), so Abs(-0) is +0 and a NaN stays a NaN.
inline double Sqrt(double x) {
    asm("sqrtsd %1, %0" : "=x"(x) : "x"(x));
    return x;
}
inline double Abs(double x) { return __builtin_fabs(x); }
double Floor(double x);
double Ceil(double x);
double Trunc(double x);
double Round(double x);  // halfway cases away from zero, as C's round
double Mod(double x, double y);  // C's fmod: the sign of x, exact
double Ldexp(double frac, int exp);
double Frexp(double x, int* exp);

double Exp(double x);
double Exp2(double x);
double Log(double x);
double Log2(double x);
double Log10(double x);
double Pow(double x, double y);

double Sin(double x);
double Cos(double x);
void Sincos(double x, double* sin, double* cos);
double Tan(double x);
double Asin(double x);
double Acos(double x);
double Atan(double x);
double Atan2(double y, double x);

double Sinh(double x);
double Cosh(double x);
double Tanh(double x);
double Hypot(double p, double q);
double Cbrt(double x);

// The float forms. Those that are not exact by construction compute in
// double and round once: the double result is within 1 ulp of double, far
// below half an ulp of float, so the float is within 1 ulp of the true value.
inline float Sqrtf(float x) {
    asm("sqrtss %1, %0" : "=x"(x) : "x"(x));
    return x;
}
inline float Absf(float x) { return __builtin_fabsf(x); }
// The rest compute in double and round once; one macro writes each.
#define GOMATH_FLOAT1(F) \
    inline float F##f(float x) { return (float)F(x); }
#define GOMATH_FLOAT2(F) \
    inline float F##f(float x, float y) { return (float)F(x, y); }
GOMATH_FLOAT1(Floor) GOMATH_FLOAT1(Ceil) GOMATH_FLOAT1(Trunc) GOMATH_FLOAT1(Round)
inline float Fmodf(float x, float y) { return (float)Mod(x, y); }  // "Modf" would read as Go's Modf
GOMATH_FLOAT1(Exp) GOMATH_FLOAT1(Exp2) GOMATH_FLOAT1(Log) GOMATH_FLOAT1(Log2) GOMATH_FLOAT1(Log10)
GOMATH_FLOAT2(Pow)
GOMATH_FLOAT1(Sin) GOMATH_FLOAT1(Cos) GOMATH_FLOAT1(Tan)
GOMATH_FLOAT1(Asin) GOMATH_FLOAT1(Acos) GOMATH_FLOAT1(Atan) GOMATH_FLOAT2(Atan2)
GOMATH_FLOAT1(Sinh) GOMATH_FLOAT1(Cosh) GOMATH_FLOAT1(Tanh)
GOMATH_FLOAT2(Hypot) GOMATH_FLOAT1(Cbrt)
#undef GOMATH_FLOAT1
#undef GOMATH_FLOAT2

}  // namespace gomath
