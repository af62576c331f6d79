// Host tests of package math (pkg/math), the <cmath> functions: each one,
// double and float, against the host's libm and against the host's long
// double function (the true value, to a thousandth of an ulp), on a large
// sample: random bit patterns over the whole domain, random values where the
// function does its work, values a few ulps around its special points (0,
// ±1, multiples of pi/2, overflow and underflow thresholds, subnormals;
// integers and half-integers for pow). Each result must be within 1 ulp of
// the true value (exact for sqrt fabs floor ceil trunc round fmod), and
// within 1 ulp of the host's unless the host itself is further than that
// from the true value; for a zero, infinite or NaN argument it must be the
// host's bit for bit (C99 Annex F; signed zeros included). Prints the
// largest errors per function (docs/cxx-math.md has the table).
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

#include "pkg/math/math.h"

namespace {

constexpr int kSamples = 200000;

// Distance in ulps, with the doubles ordered as integers; -0 and +0 are one
// apart, so a wrong zero sign counts as an error. Two NaNs are equal.
template <typename F>
int64_t ordered(F x) {
    if constexpr (sizeof(F) == 8) {
        int64_t b;
        std::memcpy(&b, &x, 8);
        return b >= 0 ? b : -(b & INT64_MAX) - 1;
    } else {
        int32_t b;
        std::memcpy(&b, &x, 4);
        return b >= 0 ? b : -(b & INT32_MAX) - 1;
    }
}
template <typename F>
uint64_t ulps(F got, F want) {
    if (std::isnan(got) || std::isnan(want)) return std::isnan(got) && std::isnan(want) ? 0 : UINT64_MAX;
    int64_t d = ordered(got) - ordered(want);
    return d < 0 ? (uint64_t)-d : (uint64_t)d;
}

std::mt19937_64 rng(20261130);

template <typename F>
F fromBits(uint64_t b) {
    if constexpr (sizeof(F) == 8) {
        double x;
        std::memcpy(&x, &b, 8);
        return x;
    } else {
        uint32_t b32 = (uint32_t)b;
        float x;
        std::memcpy(&x, &b32, 4);
        return x;
    }
}
template <typename F>
F anyBits() { return fromBits<F>(rng()); }
double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }
// |x| = 2^u with u uniform in [lo, hi], random sign unless positive.
double logUniform(double lo, double hi, bool positive = false) {
    double x = std::exp2(uniform(lo, hi));
    return positive || (rng() & 1) ? x : -x;
}
// c moved by up to n ulps either way.
template <typename F>
F nearby(F c, int n) {
    int k = (int)(rng() % (2 * n + 1)) - n;
    F x = c;
    for (; k > 0; k--) x = std::nextafter(x, (F)INFINITY);
    for (; k < 0; k++) x = std::nextafter(x, (F)-INFINITY);
    return x;
}
template <typename F>
F pick(const std::vector<F>& v) { return v[rng() % v.size()]; }

template <typename F>
std::vector<F> commonSpecials() {
    std::vector<F> v = {0,  -0.0, 1,  -1, 0.5, -0.5, 2, -2, 3, 10, INFINITY, -INFINITY, NAN, -NAN,
                        std::numeric_limits<F>::denorm_min(), -std::numeric_limits<F>::denorm_min(),
                        std::numeric_limits<F>::min(), -std::numeric_limits<F>::min(),
                        std::numeric_limits<F>::max(), -std::numeric_limits<F>::max(),
                        std::numeric_limits<F>::min() * (F)0.75, (F)M_PI, (F)M_PI_2, (F)M_PI_4, -(F)M_PI_2};
    return v;
}

// The error of got in units of the last place of F at the true value ref
// (the host's long double function: 64-bit mantissa, so its own error is a
// thousandth of a double's ulp).
template <typename F>
long double refError(F got, long double ref) {
    if (std::isnan(got) || std::isnan(ref)) return std::isnan(got) && std::isnan(ref) ? 0 : INFINITY;
    if (std::isinf(got)) return got == (F)ref ? 0 : INFINITY;  // ref may be beyond F's range and round to it
    constexpr int mant = std::numeric_limits<F>::digits - 1, emin = std::numeric_limits<F>::min_exponent - 1;
    int e = ref == 0 ? emin : std::max(std::ilogb(ref), emin);
    return std::fabs((long double)got - ref) / std::ldexp(1.0L, e - mant);
}

// Every special input (a zero, an infinity, a NaN) must give the host's
// result bit for bit.
template <typename F>
bool special(F x) { return x == 0 || std::isinf(x) || std::isnan(x); }

struct Stats {
    const char* name;
    uint64_t maxUlps = 0;      // largest distance from the host's result
    long double maxErr = 0;    // largest error against the long double reference
    long double hostErr = 0;   // the host function's own largest error there
    int hostOff = 0;           // samples more than 1 ulp from the host's, where the host is off by more than 1
    double at[2] = {0, 0};     // arguments of maxErr
    bool exact;

    Stats(const char* n, bool e) : name(n), exact(e) {}

    // Records one result; false when it breaks the rules: within 1 ulp of
    // the true value (0 for exact functions), and within 1 ulp of the host's
    // result unless the host itself is further than 1 ulp from the truth.
    template <typename F>
    bool add(F got, F host, long double ref, double x, double y) {
        uint64_t u = ulps(got, host);
        long double err = refError(got, ref), herr = refError(host, ref);
        if (u > maxUlps) maxUlps = u;
        if (err > maxErr) {
            maxErr = err;
            at[0] = x;
            at[1] = y;
        }
        if (herr > hostErr) hostErr = herr;
        if (exact) return u == 0;
        if (u > 1) {
            if (herr <= 1) return false;
            hostOff++;
        }
        return err <= 1;
    }

    void report() const {
        std::printf("%-7s vs host: max %llu ulp", name, (unsigned long long)maxUlps);
        if (hostOff) std::printf(" (%d samples >1 where the host errs by up to %.2Lf ulp)", hostOff, hostErr);
        std::printf("; vs truth: max %.3Lf ulp", maxErr);
        if (maxErr > 0) std::printf(" at (%.17g, %.17g)", at[0], at[1]);
        std::printf("\n");
    }
};

template <typename F, typename Fn, typename Host, typename Ref, typename Gen>
void compare1(Stats st, Fn f, Host host, Ref ref, Gen gen, const std::vector<F>& points) {
    for (F x : points) {
        F got = f(x), want = host(x);
        INFO(st.name << "(" << x << ") = " << got << ", host " << want);
        if (special(x)) CHECK(ulps(got, want) == 0);
        else CHECK(st.add(got, want, ref(x), x, 0));
    }
    int bad = 0;
    double badX = 0;
    for (int i = 0; i < kSamples; i++) {
        F x = gen();
        if (!st.add(f(x), host(x), ref(x), x, 0) && bad++ == 0) badX = x;
    }
    st.report();
    INFO(st.name << ": " << bad << " samples out of bounds, the first at " << badX << " = " << f(badX) << ", host "
                 << host(badX) << ", truth " << (double)ref(badX));
    CHECK(bad == 0);
}

template <typename F, typename Fn, typename Host, typename Ref, typename Gen>
void compare2(Stats st, Fn f, Host host, Ref ref, Gen gen, const std::vector<F>& points) {
    for (F x : points) {
        for (F y : points) {
            F got = f(x, y), want = host(x, y);
            INFO(st.name << "(" << x << ", " << y << ") = " << got << ", host " << want);
            if (special(x) || special(y)) CHECK(ulps(got, want) == 0);
            else CHECK(st.add(got, want, ref(x, y), x, y));
        }
    }
    int bad = 0;
    double badX = 0, badY = 0;
    for (int i = 0; i < kSamples; i++) {
        auto [x, y] = gen();
        if (!st.add(f(x, y), host(x, y), ref(x, y), x, y) && bad++ == 0) badX = x, badY = y;
    }
    st.report();
    INFO(st.name << ": " << bad << " samples out of bounds, the first at (" << badX << ", " << badY
                 << ") = " << f(badX, badY) << ", host " << host(badX, badY) << ", truth " << (double)ref(badX, badY));
    CHECK(bad == 0);
}

// A unary generator: a quarter each of any bit pattern, log-uniform
// magnitudes in [2^lo, 2^hi], uniform values in [a, b], and values near the
// special points.
template <typename F>
auto mix1(double lo, double hi, double a, double b, std::vector<F> points) {
    return [=]() -> F {
        switch (rng() % 4) {
        case 0: return anyBits<F>();
        case 1: return (F)logUniform(lo, hi);
        case 2: return (F)uniform(a, b);
        default: return nearby<F>(pick(points), 40);
        }
    };
}

template <typename F>
std::vector<F> with(std::vector<F> v, std::vector<F> more) {
    v.insert(v.end(), more.begin(), more.end());
    return v;
}

// Multiples of pi/2 (as F) up to large ones, where sin, cos and tan of the
// nearest floats are smallest or largest.
template <typename F>
std::vector<F> piMultiples() {
    std::vector<F> v;
    for (int k = -20; k <= 20; k++) v.push_back((F)(k * M_PI_2));
    for (double k : {1e3, 1e6, 1e9, 1e15, 1e22, 1e300})
        if (k < (double)std::numeric_limits<F>::max()) v.push_back((F)(k * M_PI_2));
    // Doubles closest to a multiple of pi/2 (the reduction's hardest cases):
    // 6381956970095103 * 2^797 (Kahan and McDonald), 5.319372648326541e+255.
    for (double x : {6381956970095103.0 * 0x1p797, 5.319372648326541e+255, 1e22, 0x1.921fb54442d18p+19})
        if (x < (double)std::numeric_limits<F>::max()) v.push_back((F)x);
    return v;
}

}  // namespace

// NAME: the C name; GOFN: gomath's; HOST: the host's function of that
// precision; REF: the host's long double function; EXACT: the result must
// be the host's bit for bit.
#define UNARY(name, gofn, host, ref, exact, gen, points)                                                   \
    compare1<F>(Stats(name, exact), [](F x) -> F { return gofn(x); }, [](F x) -> F { return host(x); },      \
                [](F x) { return ref((long double)x); }, gen, points)

#define BINARY(name, gofn, host, ref, exact, gen, points)                                                  \
    compare2<F>(Stats(name, exact), [](F x, F y) -> F { return gofn(x, y); },                           \
                [](F x, F y) -> F { return host(x, y); }, [](F x, F y) { return ref((long double)x, (long double)y); }, \
                gen, points)

// Both precisions share the generators: F is double, then float.
template <typename F>
void testUnary(bool isDouble) {
    auto sp = commonSpecials<F>();
    auto pi = piMultiples<F>();
    F big = isDouble ? 709.782712893384 : 88.72283935546875;   // exp overflows above
    F small = isDouble ? -745.1332191019411 : -103.97208404541016;  // exp underflows to 0 below
    auto expPoints = with<F>(sp, {big, small, isDouble ? (F)-708.3964185322641 : (F)-87.33654022216797, 0.34657359f, 1.0397208f});
    auto exp2Points = with<F>(sp, {1024, -1022, -1074, -1075, 128, -126, -149, -150, 0.5, -0.5});
    auto logPoints = with<F>(sp, {(F)M_SQRT2, (F)M_SQRT1_2, 1e10, 1e-10, 100, 1000, 0.1f, 10, 1024});
    auto invPoints = with<F>(sp, {0.975, -0.975, 0.4375, 0.6875, 1.1875, 2.4375, 0.125, 1e-8, -1e-8});
    auto hypPoints = with<F>(sp, {22, -22, 0.5, 0.34657359f, 710.4758600739439, 709.78, 88.72f, 89.4f, 1e-9, 20});
    auto roundPoints = with<F>(sp, {0.49999997f, 1.5, 2.5, -2.5, -0.49999997f, 4503599627370495.5, 8388607.5f, 1e20, 0x1p52, 0x1p23});

    if (isDouble) {
        UNARY("sqrt", gomath::Sqrt, std::sqrt, sqrtl, true, mix1<F>(-1074, 1023, 0, 100, sp), sp);
        UNARY("fabs", gomath::Abs, std::fabs, fabsl, true, mix1<F>(-1074, 1023, -10, 10, sp), sp);
        UNARY("floor", gomath::Floor, std::floor, floorl, true, mix1<F>(-10, 60, -100, 100, roundPoints), roundPoints);
        UNARY("ceil", gomath::Ceil, std::ceil, ceill, true, mix1<F>(-10, 60, -100, 100, roundPoints), roundPoints);
        UNARY("trunc", gomath::Trunc, std::trunc, truncl, true, mix1<F>(-10, 60, -100, 100, roundPoints), roundPoints);
        UNARY("round", gomath::Round, std::round, roundl, true, mix1<F>(-10, 60, -100, 100, roundPoints), roundPoints);
        UNARY("exp", gomath::Exp, std::exp, expl, false, mix1<F>(-60, 10, -750, 710, expPoints), expPoints);
        UNARY("exp2", gomath::Exp2, std::exp2, exp2l, false, mix1<F>(-60, 11, -1080, 1025, exp2Points), exp2Points);
        UNARY("log", gomath::Log, std::log, logl, false, mix1<F>(-1074, 1023, 0, 4, logPoints), logPoints);
        UNARY("log2", gomath::Log2, std::log2, log2l, false, mix1<F>(-1074, 1023, 0, 4, logPoints), logPoints);
        UNARY("log10", gomath::Log10, std::log10, log10l, false, mix1<F>(-1074, 1023, 0, 4, logPoints), logPoints);
        UNARY("sin", gomath::Sin, std::sin, sinl, false, mix1<F>(-30, 1023, -100, 100, pi), with(sp, pi));
        UNARY("cos", gomath::Cos, std::cos, cosl, false, mix1<F>(-30, 1023, -100, 100, pi), with(sp, pi));
        UNARY("tan", gomath::Tan, std::tan, tanl, false, mix1<F>(-30, 1023, -100, 100, pi), with(sp, pi));
        UNARY("asin", gomath::Asin, std::asin, asinl, false, mix1<F>(-60, 0, -1, 1, invPoints), invPoints);
        UNARY("acos", gomath::Acos, std::acos, acosl, false, mix1<F>(-60, 0, -1, 1, invPoints), invPoints);
        UNARY("atan", gomath::Atan, std::atan, atanl, false, mix1<F>(-60, 70, -5, 5, invPoints), invPoints);
        UNARY("sinh", gomath::Sinh, std::sinh, sinhl, false, mix1<F>(-60, 10, -30, 30, hypPoints), hypPoints);
        UNARY("cosh", gomath::Cosh, std::cosh, coshl, false, mix1<F>(-60, 10, -30, 30, hypPoints), hypPoints);
        UNARY("tanh", gomath::Tanh, std::tanh, tanhl, false, mix1<F>(-60, 5, -3, 3, hypPoints), hypPoints);
        UNARY("cbrt", gomath::Cbrt, std::cbrt, cbrtl, false, mix1<F>(-1074, 1023, -10, 10, sp), sp);
    } else {
        UNARY("sqrtf", gomath::Sqrtf, sqrtf, sqrtl, true, mix1<F>(-149, 127, 0, 100, sp), sp);
        UNARY("fabsf", gomath::Absf, fabsf, fabsl, true, mix1<F>(-149, 127, -10, 10, sp), sp);
        UNARY("floorf", gomath::Floorf, floorf, floorl, true, mix1<F>(-10, 30, -100, 100, roundPoints), roundPoints);
        UNARY("ceilf", gomath::Ceilf, ceilf, ceill, true, mix1<F>(-10, 30, -100, 100, roundPoints), roundPoints);
        UNARY("truncf", gomath::Truncf, truncf, truncl, true, mix1<F>(-10, 30, -100, 100, roundPoints), roundPoints);
        UNARY("roundf", gomath::Roundf, roundf, roundl, true, mix1<F>(-10, 30, -100, 100, roundPoints), roundPoints);
        UNARY("expf", gomath::Expf, expf, expl, false, mix1<F>(-30, 7, -104, 89, expPoints), expPoints);
        UNARY("exp2f", gomath::Exp2f, exp2f, exp2l, false, mix1<F>(-30, 8, -151, 129, exp2Points), exp2Points);
        UNARY("logf", gomath::Logf, logf, logl, false, mix1<F>(-149, 127, 0, 4, logPoints), logPoints);
        UNARY("log2f", gomath::Log2f, log2f, log2l, false, mix1<F>(-149, 127, 0, 4, logPoints), logPoints);
        UNARY("log10f", gomath::Log10f, log10f, log10l, false, mix1<F>(-149, 127, 0, 4, logPoints), logPoints);
        UNARY("sinf", gomath::Sinf, sinf, sinl, false, mix1<F>(-30, 127, -100, 100, pi), with(sp, pi));
        UNARY("cosf", gomath::Cosf, cosf, cosl, false, mix1<F>(-30, 127, -100, 100, pi), with(sp, pi));
        UNARY("tanf", gomath::Tanf, tanf, tanl, false, mix1<F>(-30, 127, -100, 100, pi), with(sp, pi));
        UNARY("asinf", gomath::Asinf, asinf, asinl, false, mix1<F>(-60, 0, -1, 1, invPoints), invPoints);
        UNARY("acosf", gomath::Acosf, acosf, acosl, false, mix1<F>(-60, 0, -1, 1, invPoints), invPoints);
        UNARY("atanf", gomath::Atanf, atanf, atanl, false, mix1<F>(-60, 70, -5, 5, invPoints), invPoints);
        UNARY("sinhf", gomath::Sinhf, sinhf, sinhl, false, mix1<F>(-30, 7, -30, 30, hypPoints), hypPoints);
        UNARY("coshf", gomath::Coshf, coshf, coshl, false, mix1<F>(-30, 7, -30, 30, hypPoints), hypPoints);
        UNARY("tanhf", gomath::Tanhf, tanhf, tanhl, false, mix1<F>(-30, 5, -3, 3, hypPoints), hypPoints);
        UNARY("cbrtf", gomath::Cbrtf, cbrtf, cbrtl, false, mix1<F>(-149, 127, -10, 10, sp), sp);
    }
}

// Pairs: a fifth each of any bit patterns, log-uniform magnitudes, values
// in [-10, 10], special points crossed with random values, and the
// function's own cases (below).
template <typename F, typename Own>
auto mix2(double lo, double hi, std::vector<F> points, Own own) {
    return [=]() -> std::pair<F, F> {
        switch (rng() % 5) {
        case 0: return {anyBits<F>(), anyBits<F>()};
        case 1: return {(F)logUniform(lo, hi), (F)logUniform(lo, hi)};
        case 2: return {(F)uniform(-10, 10), (F)uniform(-10, 10)};
        case 3: return rng() & 1 ? std::pair<F, F>{pick(points), (F)logUniform(lo, hi)}
                                 : std::pair<F, F>{(F)logUniform(lo, hi), pick(points)};
        default: return own();
        }
    };
}

template <typename F>
std::pair<F, F> powCase(bool isDouble) {
    int maxExp = isDouble ? 1023 : 127;
    switch (rng() % 6) {
    case 0: return {(F)logUniform(-20, 20, true), (F)uniform(-60, 60)};
    case 1: {  // x near 1, y large: the error of log2(x) is multiplied by y
        F x = nearby<F>(1, 1000);
        return {x, (F)logUniform(10, isDouble ? 60 : 30)};
    }
    case 2: return {(F)-logUniform(-10, 10, true), (F)(int)uniform(-80, 80)};  // negative x, integer y
    case 3: return {(F)logUniform(-10, 10), (F)((int)uniform(-80, 80) + 0.5)};
    case 4: return {(F)(int)uniform(0, 100), (F)(int)uniform(-5, 40)};  // exact results
    default: {  // results near overflow and underflow
        F y = (F)uniform(2, 100);
        F x = (F)std::exp2(uniform(-1, 1) * (maxExp + 52) / y);
        return {x, y};
    }
    }
}

template <typename F>
void testBinary(bool isDouble) {
    auto sp = commonSpecials<F>();
    auto powPoints = with<F>(sp, {0.25, -3, 4, 1.5, -1.5, 0x1p53, -0x1p53, 0x1p64, 3e9, -3e9, 1.0000001f, 0.9999999f});
    auto own = [isDouble] { return powCase<F>(isDouble); };
    auto modCase = [isDouble]() -> std::pair<F, F> {
        int range = isDouble ? 1074 : 149;
        return {(F)logUniform(-range, isDouble ? 1023 : 127), (F)logUniform(-range, 20)};
    };
    auto atan2Case = []() -> std::pair<F, F> {
        F x = (F)logUniform(-80, 80);
        return {(F)(x * logUniform(-70, 70)), x};  // ratios around the 2^60 cut-offs
    };
    auto hypotCase = [isDouble]() -> std::pair<F, F> {
        double top = isDouble ? 1023 : 127, bottom = isDouble ? -1074 : -149;
        double e = rng() & 1 ? uniform(top - 5, top) : uniform(bottom, bottom + 60);
        return {(F)logUniform(e - 3, e), (F)logUniform(e - 40, e)};
    };
    if (isDouble) {
        BINARY("pow", gomath::Pow, std::pow, powl, false, mix2<F>(-30, 30, powPoints, own), powPoints);
        BINARY("fmod", gomath::Mod, std::fmod, fmodl, true, mix2<F>(-1074, 1023, sp, modCase), sp);
        BINARY("atan2", gomath::Atan2, std::atan2, atan2l, false, mix2<F>(-1074, 1023, sp, atan2Case), sp);
        BINARY("hypot", gomath::Hypot, std::hypot, hypotl, false, mix2<F>(-1074, 1023, sp, hypotCase), sp);
    } else {
        BINARY("powf", gomath::Powf, powf, powl, false, mix2<F>(-30, 30, powPoints, own), powPoints);
        BINARY("fmodf", gomath::Fmodf, fmodf, fmodl, true, mix2<F>(-149, 127, sp, modCase), sp);
        BINARY("atan2f", gomath::Atan2f, atan2f, atan2l, false, mix2<F>(-149, 127, sp, atan2Case), sp);
        BINARY("hypotf", gomath::Hypotf, hypotf, hypotl, false, mix2<F>(-149, 127, sp, hypotCase), sp);
    }
}

TEST_CASE("math: double functions within 1 ulp of the host libm", "[math]") {
    testUnary<double>(true);
    testBinary<double>(true);
}

TEST_CASE("math: float functions within 1 ulp of the host libm", "[math]") {
    testUnary<float>(false);
    testBinary<float>(false);
}

TEST_CASE("math: Ldexp and Frexp are exact", "[math]") {
    for (int i = 0; i < kSamples; i++) {
        double x = i % 2 ? anyBits<double>() : logUniform(-1074, 1023);
        int n = (int)(rng() % 4401) - 2200;
        INFO("ldexp(" << x << ", " << n << ")");
        REQUIRE(ulps(gomath::Ldexp(x, n), std::ldexp(x, n)) == 0);
        float xf = anyBits<float>();  // ldexpf, frexpf: through double, then narrowed
        REQUIRE(ulps((float)gomath::Ldexp(xf, n % 300), std::ldexp(xf, n % 300)) == 0);
        int e, want;
        double f = gomath::Frexp(x, &e);
        REQUIRE(ulps(f, std::frexp(x, &want)) == 0);
        if (std::isfinite(x)) REQUIRE(e == want);
    }
}

TEST_CASE("math: integer powers of integers are exact", "[math]") {
    for (int x = -20; x <= 20; x++) {
        double want = 1;
        for (int y = 0; y < 64 && std::fabs(want) < 0x1p53; y++, want *= x) {
            INFO("pow(" << x << ", " << y << ")");
            REQUIRE(gomath::Pow(x, y) == want);
            int ax = x < 0 ? -x : x;
            if (ax != 0 && (ax & (ax - 1)) == 0) REQUIRE(gomath::Pow(x, -y) == 1 / want);  // a power of 2: exact
        }
    }
}

TEST_CASE("math: Sincos agrees with Sin and Cos", "[math]") {
    for (int i = 0; i < 10000; i++) {
        double x = i % 2 ? anyBits<double>() : uniform(-1e6, 1e6);
        double s, c;
        gomath::Sincos(x, &s, &c);
        REQUIRE(ulps(s, gomath::Sin(x)) == 0);
        REQUIRE(ulps(c, gomath::Cos(x)) == 0);
    }
}
