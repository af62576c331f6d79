// <cmath> in user code: every function of package math (pkg/math,
// docs/cxx-math.md) through the C name <cmath> declares, on inputs the
// compiler cannot see (read through volatile, called through a volatile
// pointer), so the runtime's code runs rather than GCC's constant folding.
// Each result is checked against the correctly rounded value, computed
// beforehand with 1200-bit arithmetic (mpmath) and written below: within
// 1 ulp, and bit for bit for the exact functions (sqrt fabs floor ceil
// trunc round fmod) and for zeros, infinities and NaNs (C99 Annex F).
// Also: ldexp and frexp, the float forms through std::, a sine of 1e300 and of 1e22 (the
// huge-argument reduction), and a sin and cos of one argument, which GCC
// turns into one call to sincos. The printed lines are Go's %.17g of the
// results.
//! stdout: sqrt(2) = 1.4142135623730951
//! stdout: sqrt(9.9999999999999694e-311) = 9.9999999999999857e-156
//! stdout: sqrt(-1) = NaN
//! stdout: sqrt(-0) = -0
//! stdout: fabs(-3.5) = 3.5
//! stdout: fabs(-0) = 0
//! stdout: floor(-2.5) = -3
//! stdout: floor(0.5) = 0
//! stdout: floor(4503599627370495.5) = 4503599627370495
//! stdout: floor(-0) = -0
//! stdout: ceil(-2.5) = -2
//! stdout: ceil(-0.5) = -0
//! stdout: ceil(2.0000010000000001) = 3
//! stdout: trunc(-2.7000000000000002) = -2
//! stdout: trunc(1.0000000000000001e+300) = 1.0000000000000001e+300
//! stdout: round(2.5) = 3
//! stdout: round(-2.5) = -3
//! stdout: round(0.49999999999999994) = 0
//! stdout: exp(1) = 2.7182818284590451
//! stdout: exp(-740) = 4.1995579896505956e-322
//! stdout: exp(709.5) = 1.3549863193146328e+308
//! stdout: exp(9.9999999999999995e-21) = 1
//! stdout: exp2(10.5) = 1448.1546878700492
//! stdout: exp2(-1074) = 4.9406564584124654e-324
//! stdout: exp2(0.10000000000000001) = 1.0717734625362931
//! stdout: log(10) = 2.3025850929940459
//! stdout: log(9.9999999999999694e-311) = -713.80137882815416
//! stdout: log(0.99999999999999989) = -1.1102230246251565e-16
//! stdout: log2(9.9999999999999694e-311) = -1029.7977094150824
//! stdout: log2(1024) = 10
//! stdout: log2(3) = 1.5849625007211561
//! stdout: log10(1e+22) = 22
//! stdout: log10(2) = 0.3010299956639812
//! stdout: log10(0.001) = -3
//! stdout: sin(1) = 0.8414709848078965
//! stdout: sin(1.0000000000000001e+300) = -0.81788191211590855
//! stdout: sin(1e+22) = -0.85220084976718879
//! stdout: sin(3.1415926535897931) = 1.2246467991473532e-16
//! stdout: sin(-0) = -0
//! stdout: cos(1) = 0.54030230586813977
//! stdout: cos(1e+22) = 0.52321478539513899
//! stdout: cos(1.5707963267948966) = 6.123233995736766e-17
//! stdout: tan(1.5707963267948966) = 16331239353195370
//! stdout: tan(1.0000000000000001e+300) = 1.4214488238747245
//! stdout: tan(0.5) = 0.54630248984379048
//! stdout: asin(0.5) = 0.52359877559829893
//! stdout: asin(-1) = -1.5707963267948966
//! stdout: asin(0.99990000000000001) = 1.5566540733173846
//! stdout: acos(-1) = 3.1415926535897931
//! stdout: acos(0.5) = 1.0471975511965979
//! stdout: acos(0.99999990000000005) = 0.00044721359910904126
//! stdout: atan(10000000000) = 1.5707963266948965
//! stdout: atan(0.5) = 0.46364760900080609
//! stdout: atan(-1) = -0.78539816339744828
//! stdout: sinh(1) = 1.1752011936438014
//! stdout: sinh(-0.10000000000000001) = -0.10016675001984403
//! stdout: sinh(710) = 1.1169973830808555e+308
//! stdout: cosh(1) = 1.5430806348152437
//! stdout: cosh(710.39999999999998) = 1.6663642832806496e+308
//! stdout: cosh(-20) = 242582597.70489514
//! stdout: tanh(0.5) = 0.46211715726000974
//! stdout: tanh(-3) = -0.99505475368673046
//! stdout: tanh(1e-10) = 1e-10
//! stdout: cbrt(-27) = -3
//! stdout: cbrt(2) = 1.2599210498948732
//! stdout: cbrt(9.9999999999999694e-311) = 4.6415888336127742e-104
//! stdout: sqrt(-Inf) = NaN
//! stdout: round(-0.40000000000000002) = -0
//! stdout: exp(-Inf) = 0
//! stdout: exp(+Inf) = +Inf
//! stdout: log(-0) = -Inf
//! stdout: log(-1) = NaN
//! stdout: sin(+Inf) = NaN
//! stdout: cos(NaN) = NaN
//! stdout: acos(2) = NaN
//! stdout: atan(-Inf) = -1.5707963267948966
//! stdout: tanh(-Inf) = -1
//! stdout: cosh(-Inf) = +Inf
//! stdout: cbrt(-Inf) = -Inf
//! stdout: pow(2, 0.5) = 1.4142135623730951
//! stdout: pow(-2, 3) = -8
//! stdout: pow(1.0000001000000001, 1000000000) = 2.6881038582144647e+43
//! stdout: pow(10, -300) = 1e-300
//! stdout: pow(0.5, 1074) = 4.9406564584124654e-324
//! stdout: pow(7, 23) = 2.7368747340080914e+19
//! stdout: fmod(10, 3) = 1
//! stdout: fmod(-7.5, 2) = -1.5
//! stdout: fmod(1.0000000000000001e+300, 3) = 0
//! stdout: fmod(4.9406564584124654e-324, 9.9999999999999694e-311) = 4.9406564584124654e-324
//! stdout: atan2(1, -1) = 2.3561944901923448
//! stdout: atan2(-1e-300, -1) = -3.1415926535897931
//! stdout: atan2(3, 1.0000000000000001e-05) = 1.5707929934615632
//! stdout: hypot(3, 4) = 5
//! stdout: hypot(1e+308, 1e+308) = 1.4142135623730951e+308
//! stdout: hypot(9.9999999999999694e-311, 2.9999999999999908e-310) = 3.1622776601683801e-310
//! stdout: pow(-0, -3) = -Inf
//! stdout: pow(-0, -2) = +Inf
//! stdout: pow(-1, +Inf) = 1
//! stdout: pow(1, NaN) = 1
//! stdout: pow(NaN, 0) = 1
//! stdout: pow(-8, 0.33333333333333331) = NaN
//! stdout: pow(-Inf, 3) = -Inf
//! stdout: pow(0.5, -Inf) = +Inf
//! stdout: pow(10, 400) = +Inf
//! stdout: atan2(-0, -0) = -3.1415926535897931
//! stdout: atan2(0, 0) = 0
//! stdout: atan2(-Inf, +Inf) = -0.78539816339744828
//! stdout: hypot(+Inf, NaN) = +Inf
//! stdout: hypot(NaN, 1) = NaN
//! stdout: fmod(1, 0) = NaN
//! stdout: fmod(+Inf, 1) = NaN
//! stdout: fmod(-0, 1) = -0
//! stdout: fmod(3, +Inf) = 3
//! stdout: sinf(1) = 0.841470957
//! stdout: cosf(1.00000002e+30) = -0.61160481
//! stdout: tanf(0.75) = 0.931596458
//! stdout: expf(10) = 22026.4648
//! stdout: logf(3) = 1.09861231
//! stdout: sqrtf(2) = 1.41421354
//! stdout: cbrtf(10) = 2.15443468
//! stdout: asinf(0.25) = 0.252680242
//! stdout: atanf(4) = 1.3258177
//! stdout: tanhf(0.25) = 0.244918659
//! stdout: log10f(5) = 0.69897002
//! stdout: exp2f(-0.5) = 0.707106769
//! stdout: powf(1.5, 20) = 3325.25684
//! stdout: atan2f(1, 3) = 0.321750551
//! stdout: hypotf(5, 12) = 13
//! stdout: sin(2) cos(2) = 0.90929742682568171 -0.41614683654714241
//! stdout: ok
#include <cmath>

#include "go.h"
#include "testutil.h"

namespace {

// One case: a function of one or two arguments, in double or in float.
template <class T> struct Unary {
    const char* name;
    T (*f)(T);
    T x, want;
};
template <class T> struct Binary {
    const char* name;
    T (*f)(T, T);
    T x, y, want;
};

const Unary<double> unary[] = {
    {"sqrt", sqrt, 2, 0x1.6a09e667f3bcdp+0},  // 1.4142135623730951
    {"sqrt", sqrt, 1e-310, 0x1.1297872d9cbaep-515},  // 9.999999999999986e-156
    {"sqrt", sqrt, -1.0, NAN},  // nan
    {"sqrt", sqrt, -0.0, -0.0},  // -0.0
    {"fabs", fabs, -3.5, 0x1.c000000000000p+1},  // 3.5
    {"fabs", fabs, -0.0, 0.0},  // 0.0
    {"floor", floor, -2.5, -0x1.8000000000000p+1},  // -3.0
    {"floor", floor, 0.5, 0.0},  // 0.0
    {"floor", floor, 4503599627370495.5, 0x1.ffffffffffffep+51},  // 4503599627370495.0
    {"floor", floor, -0.0, -0.0},  // -0.0
    {"ceil", ceil, -2.5, -0x1.0000000000000p+1},  // -2.0
    {"ceil", ceil, -0.5, -0.0},  // -0.0
    {"ceil", ceil, 2.000001, 0x1.8000000000000p+1},  // 3.0
    {"trunc", trunc, -2.7, -0x1.0000000000000p+1},  // -2.0
    {"trunc", trunc, 1e300, 0x1.7e43c8800759cp+996},  // 1e+300
    {"round", round, 2.5, 0x1.8000000000000p+1},  // 3.0
    {"round", round, -2.5, -0x1.8000000000000p+1},  // -3.0
    {"round", round, 0.49999999999999994, 0.0},  // 0.0
    {"exp", exp, 1, 0x1.5bf0a8b145769p+1},  // 2.718281828459045
    {"exp", exp, -740, 0x0.0000000000055p-1022},  // 4.2e-322
    {"exp", exp, 709.5, 0x1.81e9b4b52d0c9p+1023},  // 1.3549863193146328e+308
    {"exp", exp, 1e-20, 0x1.0000000000000p+0},  // 1.0
    {"exp2", exp2, 10.5, 0x1.6a09e667f3bcdp+10},  // 1448.1546878700494
    {"exp2", exp2, -1074, 0x0.0000000000001p-1022},  // 5e-324
    {"exp2", exp2, 0.1, 0x1.125fbee250664p+0},  // 1.0717734625362931
    {"log", log, 10, 0x1.26bb1bbb55516p+1},  // 2.302585092994046
    {"log", log, 1e-310, -0x1.64e69394d9508p+9},  // -713.8013788281542
    {"log", log, 0.9999999999999999, -0x1.0000000000000p-53},  // -1.1102230246251565e-16
    {"log2", log2, 1e-310, -0x1.01730dabca5f6p+10},  // -1029.7977094150824
    {"log2", log2, 1024, 0x1.4000000000000p+3},  // 10.0
    {"log2", log2, 3, 0x1.95c01a39fbd68p+0},  // 1.584962500721156
    {"log10", log10, 1e22, 0x1.6000000000000p+4},  // 22.0
    {"log10", log10, 2, 0x1.34413509f79ffp-2},  // 0.3010299956639812
    {"log10", log10, 0.001, -0x1.8000000000000p+1},  // -3.0
    {"sin", sin, 1, 0x1.aed548f090ceep-1},  // 0.8414709848078965
    {"sin", sin, 1e300, -0x1.a2c16b010e385p-1},  // -0.8178819121159085
    {"sin", sin, 1e22, -0x1.b453ab76bf397p-1},  // -0.8522008497671888
    {"sin", sin, 3.141592653589793, 0x1.1a62633145c07p-53},  // 1.2246467991473532e-16
    {"sin", sin, -0.0, -0.0},  // -0.0
    {"cos", cos, 1, 0x1.14a280fb5068cp-1},  // 0.5403023058681398
    {"cos", cos, 1e22, 0x1.0be2cef01c8f4p-1},  // 0.523214785395139
    {"cos", cos, 1.5707963267948966, 0x1.1a62633145c07p-54},  // 6.123233995736766e-17
    {"tan", tan, 1.5707963267948966, 0x1.d02967c31cdb5p+53},  // 1.633123935319537e+16
    {"tan", tan, 1e300, 0x1.6be411f37ac77p+0},  // 1.4214488238747245
    {"tan", tan, 0.5, 0x1.17b4f5bf3474ap-1},  // 0.5463024898437905
    {"asin", asin, 0.5, 0x1.0c152382d7366p-1},  // 0.5235987755982989
    {"asin", asin, -1, -0x1.921fb54442d18p+0},  // -1.5707963267948966
    {"asin", asin, 0.9999, 0x1.8e80e1a01556ap+0},  // 1.5566540733173846
    {"acos", acos, -1, 0x1.921fb54442d18p+1},  // 3.141592653589793
    {"acos", acos, 0.5, 0x1.0c152382d7366p+0},  // 1.0471975511965979
    {"acos", acos, 0.9999999, 0x1.d4effc851e7f2p-12},  // 0.00044721359910904126
    {"atan", atan, 1e10, 0x1.921fb543d4de0p+0},  // 1.5707963266948965
    {"atan", atan, 0.5, 0x1.dac670561bb4fp-2},  // 0.4636476090008061
    {"atan", atan, -1, -0x1.921fb54442d18p-1},  // -0.7853981633974483
    {"sinh", sinh, 1, 0x1.2cd9fc44eb982p+0},  // 1.1752011936438014
    {"sinh", sinh, -0.1, -0x1.9a487337b59b3p-4},  // -0.10016675001984403
    {"sinh", sinh, 710, 0x1.3e21a464507f9p+1023},  // 1.1169973830808555e+308
    {"cosh", cosh, 1, 0x1.8b07551d9f550p+0},  // 1.5430806348152437
    {"cosh", cosh, 710.4, 0x1.da98a7371610bp+1023},  // 1.6663642832806496e+308
    {"cosh", cosh, -20, 0x1.ceb088b68e804p+27},  // 242582597.70489514
    {"tanh", tanh, 0.5, 0x1.d9353d7568af3p-2},  // 0.46211715726000974
    {"tanh", tanh, -3, -0x1.fd77d111a0b00p-1},  // -0.9950547536867305
    {"tanh", tanh, 1e-10, 0x1.b7cdfd9d7bdbbp-34},  // 1e-10
    {"cbrt", cbrt, -27, -0x1.8000000000000p+1},  // -3.0
    {"cbrt", cbrt, 2, 0x1.428a2f98d728bp+0},  // 1.2599210498948732
    {"cbrt", cbrt, 1e-310, 0x1.a9d1b0b5d7427p-344},  // 4.641588833612774e-104
    // Special cases (C99 Annex F).
    {"sqrt", sqrt, -INFINITY, NAN},
    {"round", round, -0.4, -0.0},
    {"exp", exp, -INFINITY, 0.0},
    {"exp", exp, INFINITY, INFINITY},
    {"log", log, -0.0, -INFINITY},
    {"log", log, -1, NAN},
    {"sin", sin, INFINITY, NAN},
    {"cos", cos, NAN, NAN},
    {"acos", acos, 2, NAN},
    {"atan", atan, -INFINITY, -0x1.921fb54442d18p+0},
    {"tanh", tanh, -INFINITY, -1.0},
    {"cosh", cosh, -INFINITY, INFINITY},
    {"cbrt", cbrt, -INFINITY, -INFINITY},
};

const Binary<double> binary[] = {
    {"pow", pow, 2, 0.5, 0x1.6a09e667f3bcdp+0},  // 1.4142135623730951
    {"pow", pow, -2, 3, -0x1.0000000000000p+3},  // -8.0
    {"pow", pow, 1.0000001, 1e9, 0x1.349445c228792p+144},  // 2.6881038582144647e+43
    {"pow", pow, 10, -300, 0x1.56e1fc2f8f359p-997},  // 1e-300
    {"pow", pow, 0.5, 1074, 0x0.0000000000001p-1022},  // 5e-324
    {"pow", pow, 7, 23, 0x1.7bd152b330f0ap+64},  // 2.7368747340080914e+19
    {"fmod", fmod, 10, 3, 0x1.0000000000000p+0},  // 1.0
    {"fmod", fmod, -7.5, 2, -0x1.8000000000000p+0},  // -1.5
    {"fmod", fmod, 1e300, 3, 0.0},  // 0.0
    {"fmod", fmod, 5e-324, 1e-310, 0x0.0000000000001p-1022},  // 5e-324
    {"atan2", atan2, 1, -1, 0x1.2d97c7f3321d2p+1},  // 2.356194490192345
    {"atan2", atan2, -1e-300, -1, -0x1.921fb54442d18p+1},  // -3.141592653589793
    {"atan2", atan2, 3, 1e-5, 0x1.921f7d57b40f2p+0},  // 1.5707929934615632
    {"hypot", hypot, 3, 4, 0x1.4000000000000p+2},  // 5.0
    {"hypot", hypot, 1e308, 1e308, 0x1.92c80954c51f5p+1023},  // 1.4142135623730951e+308
    {"hypot", hypot, 1e-310, 3e-310, 0x0.03a365ff2ea11p-1022},  // 3.1622776601684e-310
    // Special cases (C99 Annex F).
    {"pow", pow, -0.0, -3, -INFINITY},
    {"pow", pow, -0.0, -2, INFINITY},
    {"pow", pow, -1, INFINITY, 1.0},
    {"pow", pow, 1, NAN, 1.0},
    {"pow", pow, NAN, 0, 1.0},
    {"pow", pow, -8, 1.0 / 3, NAN},
    {"pow", pow, -INFINITY, 3, -INFINITY},
    {"pow", pow, 0.5, -INFINITY, INFINITY},
    {"pow", pow, 10, 400, INFINITY},
    {"atan2", atan2, -0.0, -0.0, -0x1.921fb54442d18p+1},
    {"atan2", atan2, 0.0, 0.0, 0.0},
    {"atan2", atan2, -INFINITY, INFINITY, -0x1.921fb54442d18p-1},
    {"hypot", hypot, INFINITY, NAN, INFINITY},
    {"hypot", hypot, NAN, 1, NAN},
    {"fmod", fmod, 1, 0, NAN},
    {"fmod", fmod, INFINITY, 1, NAN},
    {"fmod", fmod, -0.0, 1, -0.0},
    {"fmod", fmod, 3, INFINITY, 3.0},
};

const Unary<float> unaryF[] = {
    {"sinf", sinf, 1.0f, 0x1.aed5480000000p-1f},  // 0.8414709568023682
    {"cosf", cosf, 1e30f, -0x1.3924440000000p-1f},  // -0.6116048097610474
    {"tanf", tanf, 0.75f, 0x1.dcfa360000000p-1f},  // 0.9315964579582214
    {"expf", expf, 10.0f, 0x1.5829dc0000000p+14f},  // 22026.46484375
    {"logf", logf, 3.0f, 0x1.193ea80000000p+0f},  // 1.0986123085021973
    {"sqrtf", sqrtf, 2.0f, 0x1.6a09e60000000p+0f},  // 1.4142135381698608
    {"cbrtf", cbrtf, 10.0f, 0x1.13c4840000000p+1f},  // 2.1544346809387207
    {"asinf", asinf, 0.25f, 0x1.02be9c0000000p-2f},  // 0.252680242061615
    {"atanf", atanf, 4.0f, 0x1.5368ca0000000p+0f},  // 1.3258177042007446
    {"tanhf", tanhf, 0.25f, 0x1.f597ea0000000p-3f},  // 0.24491865932941437
    {"log10f", log10f, 5.0f, 0x1.65df660000000p-1f},  // 0.6989700198173523
    {"exp2f", exp2f, -0.5f, 0x1.6a09e60000000p-1f},  // 0.7071067690849304
};

const Binary<float> binaryF[] = {
    {"powf", powf, 1.5f, 20.0f, 0x1.9fa8380000000p+11f},  // 3325.2568359375
    {"atan2f", atan2f, 1.0f, 3.0f, 0x1.4978fa0000000p-2f},  // 0.32175055146217346
    {"hypotf", hypotf, 5.0f, 12.0f, 0x1.a000000000000p+3f},  // 13.0
};

int64_t ordered(double x) {
    int64_t b = __builtin_bit_cast(int64_t, x);
    return b >= 0 ? b : -(b & INT64_MAX) - 1;
}

bool exactFunction(const char* name) {
    const char* exact[] = {"sqrt", "fabs", "floor", "ceil", "trunc", "round", "fmod"};
    for (const char* e : exact)
        if (t::streq(name, e)) return true;
    return false;
}

// Within 1 ulp of want (floats are compared as the doubles they convert
// to, so the distance is in float ulps times 2^29), bit for bit where the
// result must be exact.
bool near(const char* name, double got, double want, int64_t ulp) {
    if (want != want) return got != got;
    if (exactFunction(name) || want == 0 || want - want != 0)
        return __builtin_bit_cast(uint64_t, got) == __builtin_bit_cast(uint64_t, want);
    int64_t d = ordered(got) - ordered(want);
    return -ulp <= d && d <= ulp;
}

int failures = 0;

void report(const char* name, double got, double want, int64_t ulp) {
    if (near(name, got, want, ulp)) return;
    go::fmt::Printf("FAIL: %s: got %.17g, want %.17g\n", name, got, want);
    failures++;
}

// sin and cos of one argument: GCC calls sincos once.
__attribute__((noinline)) void sinAndCos(double x, double* s, double* c) {
    *s = std::sin(x);
    *c = std::cos(x);
}

}  // namespace

int main() {
    for (const Unary<double>& c : unary) {
        volatile double x = c.x;
        double (*volatile f)(double) = c.f;
        double got = f(x);
        go::fmt::Printf("%s(%.17g) = %.17g\n", c.name, c.x, got);
        report(c.name, got, c.want, 1);
    }
    for (const Binary<double>& c : binary) {
        volatile double x = c.x, y = c.y;
        double (*volatile f)(double, double) = c.f;
        double got = f(x, y);
        go::fmt::Printf("%s(%.17g, %.17g) = %.17g\n", c.name, c.x, c.y, got);
        report(c.name, got, c.want, 1);
    }
    const int64_t floatUlp = int64_t(1) << 29;  // one float ulp, in double ulps
    for (const Unary<float>& c : unaryF) {
        volatile float x = c.x;
        float (*volatile f)(float) = c.f;
        float got = f(x);
        go::fmt::Printf("%s(%.9g) = %.9g\n", c.name, c.x, got);
        report(c.name, got, c.want, floatUlp);
    }
    for (const Binary<float>& c : binaryF) {
        volatile float x = c.x, y = c.y;
        float (*volatile f)(float, float) = c.f;
        float got = f(x, y);
        go::fmt::Printf("%s(%.9g, %.9g) = %.9g\n", c.name, c.x, c.y, got);
        report(c.name, got, c.want, floatUlp);
    }

    // Direct calls of the std:: overloads, float and double.
    volatile float xf = 0.5f;
    volatile double xd = 0.5;
    report("std::sin(float)", std::sin(xf), 0x1.eaee88p-2f, floatUlp);
    report("std::pow(float)", std::pow(xf, 3.0f), 0.125, 0);
    report("std::atan2(double)", std::atan2(xd, 1.0), 0x1.dac670561bb4fp-2, 1);
    report("std::fmod(double)", std::fmod(xd * 7, 2.0), 1.5, 0);
    volatile int n = -1073;
    report("std::ldexp", std::ldexp(xd, n), 0x1p-1074, 0);  // to the smallest subnormal
    int e;
    report("std::frexp", std::frexp(xd * 0x1p-1070, &e), 0.5, 0);  // a subnormal: e from its true exponent
    CHECK_EQ(e, -1070);

    double s, c;
    sinAndCos(xd * 4, &s, &c);  // sin 2, cos 2
    report("sincos sin", s, 0x1.d18f6ead1b446p-1, 1);
    report("sincos cos", c, -0x1.aa22657537205p-2, 1);
    go::fmt::Printf("sin(2) cos(2) = %.17g %.17g\n", s, c);

    if (failures != 0) return 1;
    go::fmt::Println("ok");
}
