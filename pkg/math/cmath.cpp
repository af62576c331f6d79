// cmath.cpp — the C library's names for package gomath: what <cmath> and
// <math.h> declare and what GCC calls (it also turns a sin and a cos of one
// argument into sincos). The only file of the package that defines C
// symbols, so that the host unit tests can link the rest beside the host's
// libm. Compiled with -fno-builtin, like the rest of the package, so that
// GCC does not take these definitions for the builtins they replace.
// C's errno is not set: there is no errno (Go reports domain errors as NaN
// and ±Inf too). docs/cxx-math.md lists the methods and measured errors.
#include "math.h"

// Each C name and its f form call the gomath function and its f form.
#define C_MATH1(c, F)                                \
    double c(double x) { return gomath::F(x); }      \
    float c##f(float x) { return gomath::F##f(x); }
#define C_MATH2(c, F)                                              \
    double c(double x, double y) { return gomath::F(x, y); }       \
    float c##f(float x, float y) { return gomath::F##f(x, y); }

extern "C" {

C_MATH1(sqrt, Sqrt)
C_MATH1(fabs, Abs)
C_MATH1(floor, Floor)
C_MATH1(ceil, Ceil)
C_MATH1(trunc, Trunc)
C_MATH1(round, Round)
double fmod(double x, double y) { return gomath::Mod(x, y); }
float fmodf(float x, float y) { return gomath::Fmodf(x, y); }
double ldexp(double x, int exp) { return gomath::Ldexp(x, exp); }
float ldexpf(float x, int exp) { return (float)gomath::Ldexp(x, exp); }
double frexp(double x, int* exp) { return gomath::Frexp(x, exp); }
float frexpf(float x, int* exp) { return (float)gomath::Frexp(x, exp); }

C_MATH2(pow, Pow)
C_MATH1(exp, Exp)
C_MATH1(exp2, Exp2)
C_MATH1(log, Log)
C_MATH1(log2, Log2)
C_MATH1(log10, Log10)

C_MATH1(sin, Sin)
C_MATH1(cos, Cos)
void sincos(double x, double* s, double* c) { gomath::Sincos(x, s, c); }
void sincosf(float x, float* s, float* c) {
    double sd, cd;
    gomath::Sincos(x, &sd, &cd);
    *s = (float)sd;
    *c = (float)cd;
}
C_MATH1(tan, Tan)
C_MATH1(asin, Asin)
C_MATH1(acos, Acos)
C_MATH1(atan, Atan)
C_MATH2(atan2, Atan2)

C_MATH1(sinh, Sinh)
C_MATH1(cosh, Cosh)
C_MATH1(tanh, Tanh)
C_MATH2(hypot, Hypot)
C_MATH1(cbrt, Cbrt)

}  // extern "C"
