// cmath.cpp — the C library's names for package gomath: what <cmath> and
// <math.h> declare and what GCC calls (it also turns a sin and a cos of one
// argument into sincos). The only file of the package that defines C
// symbols, so that the host unit tests can link the rest beside the host's
// libm. Compiled with -fno-builtin, like the rest of the package, so that
// GCC does not take these definitions for the builtins they replace.
// C's errno is not set: there is no errno (Go reports domain errors as NaN
// and ±Inf too). docs/cxx-math.md lists the methods and measured errors.
#include "math.h"

extern "C" {

double sqrt(double x) { return gomath::Sqrt(x); }
float sqrtf(float x) { return gomath::Sqrtf(x); }
double fabs(double x) { return gomath::Abs(x); }
float fabsf(float x) { return gomath::Absf(x); }
double floor(double x) { return gomath::Floor(x); }
float floorf(float x) { return gomath::Floorf(x); }
double ceil(double x) { return gomath::Ceil(x); }
float ceilf(float x) { return gomath::Ceilf(x); }
double trunc(double x) { return gomath::Trunc(x); }
float truncf(float x) { return gomath::Truncf(x); }
double round(double x) { return gomath::Round(x); }
float roundf(float x) { return gomath::Roundf(x); }
double fmod(double x, double y) { return gomath::Mod(x, y); }
float fmodf(float x, float y) { return gomath::Fmodf(x, y); }
double ldexp(double x, int exp) { return gomath::Ldexp(x, exp); }
float ldexpf(float x, int exp) { return (float)gomath::Ldexp(x, exp); }
double frexp(double x, int* exp) { return gomath::Frexp(x, exp); }
float frexpf(float x, int* exp) { return (float)gomath::Frexp(x, exp); }

double pow(double x, double y) { return gomath::Pow(x, y); }
float powf(float x, float y) { return gomath::Powf(x, y); }
double exp(double x) { return gomath::Exp(x); }
float expf(float x) { return gomath::Expf(x); }
double exp2(double x) { return gomath::Exp2(x); }
float exp2f(float x) { return gomath::Exp2f(x); }
double log(double x) { return gomath::Log(x); }
float logf(float x) { return gomath::Logf(x); }
double log2(double x) { return gomath::Log2(x); }
float log2f(float x) { return gomath::Log2f(x); }
double log10(double x) { return gomath::Log10(x); }
float log10f(float x) { return gomath::Log10f(x); }

double sin(double x) { return gomath::Sin(x); }
float sinf(float x) { return gomath::Sinf(x); }
double cos(double x) { return gomath::Cos(x); }
float cosf(float x) { return gomath::Cosf(x); }
void sincos(double x, double* s, double* c) { gomath::Sincos(x, s, c); }
void sincosf(float x, float* s, float* c) {
    double sd, cd;
    gomath::Sincos(x, &sd, &cd);
    *s = (float)sd;
    *c = (float)cd;
}
double tan(double x) { return gomath::Tan(x); }
float tanf(float x) { return gomath::Tanf(x); }
double asin(double x) { return gomath::Asin(x); }
float asinf(float x) { return gomath::Asinf(x); }
double acos(double x) { return gomath::Acos(x); }
float acosf(float x) { return gomath::Acosf(x); }
double atan(double x) { return gomath::Atan(x); }
float atanf(float x) { return gomath::Atanf(x); }
double atan2(double y, double x) { return gomath::Atan2(y, x); }
float atan2f(float y, float x) { return gomath::Atan2f(y, x); }

double sinh(double x) { return gomath::Sinh(x); }
float sinhf(float x) { return gomath::Sinhf(x); }
double cosh(double x) { return gomath::Cosh(x); }
float coshf(float x) { return gomath::Coshf(x); }
double tanh(double x) { return gomath::Tanh(x); }
float tanhf(float x) { return gomath::Tanhf(x); }
double hypot(double x, double y) { return gomath::Hypot(x, y); }
float hypotf(float x, float y) { return gomath::Hypotf(x, y); }
double cbrt(double x) { return gomath::Cbrt(x); }
float cbrtf(float x) { return gomath::Cbrtf(x); }

}  // extern "C"
