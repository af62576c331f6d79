// Host tests of the floating-point <charconv> and strtod (pkg/cxx/charconv.cpp,
// pkg/strconv/atof.cpp), against the host's libstdc++ and glibc, which are
// correctly rounded:
//  - to_chars of float, double and long double, every form (plain, fixed, scientific,
//    general, hex; shortest and with a precision), on random bit patterns
//    and on random values of ordinary size: the same text as the host's;
//  - every shortest form read back by our from_chars gives the same bits;
//  - from_chars (each format; float, double, long double) and strtod's syntax (through parseFloat, as
//    pkg/libc/strtod.cpp calls it: our strtod cannot be linked beside
//    glibc's) on random decimal strings (1 to 800 digits, exponents over the
//    whole range and past it), on exact and rounded halfway points between
//    neighbouring doubles, on hex strings and on the spellings of inf and
//    nan: the same value, the same end and the same range error.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "pkg/cxx/charconv.h"
#include "pkg/strconv/atof.h"
#include "hosted.h"

namespace {

std::mt19937_64 rng(20261130);

// Long outputs go to the runtime's heap (strconv's Buf), which wants a g
// and an m on the calling thread and an initialised heap (both idempotent).
void heap() {
    hosted::attach(nullptr);
    runtime::mallocinit();
}

template <typename F>
F fromBits(go::strconv::bits128 b) {
    if constexpr (sizeof(F) == 4) return __builtin_bit_cast(float, (uint32_t)b);
    else if constexpr (sizeof(F) == 8) return __builtin_bit_cast(double, (uint64_t)b);
    else return __builtin_bit_cast(long double, b & (((go::strconv::bits128)1 << 80) - 1));
}
// The value's bits (long double: the 80 that are not padding).
template <typename F>
go::strconv::bits128 toBits(F x) {
    if constexpr (sizeof(F) == 4) return __builtin_bit_cast(uint32_t, x);
    else if constexpr (sizeof(F) == 8) return __builtin_bit_cast(uint64_t, x);
    else return __builtin_bit_cast(go::strconv::bits128, x) & (((go::strconv::bits128)1 << 80) - 1);
}

// A random float: any bit pattern, or (half the time) a value between 1e-30
// and 1e30, where fixed and general forms differ most.
template <typename F>
F randomFloat() {
    if (rng() & 1) {
        if constexpr (sizeof(F) > 8) {  // x87: the integer bit set exactly when the exponent is not 0
            unsigned se = (unsigned)rng() & 0xffff;
            uint64_t mant = rng() >> 1 | (uint64_t)((se & 0x7fff) != 0) << 63;
            return fromBits<F>((go::strconv::bits128)se << 64 | mant);
        }
        return fromBits<F>(rng());
    }
    double m = std::uniform_real_distribution<double>(1, 10)(rng);
    F x = (F)(m * std::pow(10.0, (int)(rng() % 61) - 30));
    return rng() & 1 ? -x : x;
}

constexpr std::chars_format plain{}, fixed = std::chars_format::fixed, sci = std::chars_format::scientific,
                            general = std::chars_format::general, hex = std::chars_format::hex;

// Ours and the host's text for one to_chars call (prec -1: none), with a
// buffer of room bytes; "<too large>" for value_too_large.
template <typename F>
std::string host(F x, std::chars_format fmt, int prec, size_t room = 8000) {
    std::string b(room, '\0');
    std::to_chars_result r = fmt == plain ? std::to_chars(b.data(), b.data() + room, x)
                             : prec < 0   ? std::to_chars(b.data(), b.data() + room, x, fmt)
                                          : std::to_chars(b.data(), b.data() + room, x, fmt, prec);
    if (r.ec == std::errc::value_too_large) return r.ptr == b.data() + room ? "<too large>" : "<bad ptr>";
    return std::string(b.data(), r.ptr);
}
template <typename F>
std::string ours(F x, std::chars_format fmt, int prec, size_t room = 8000) {
    std::string b(room, '\0');
    std::to_chars_result r = cxx::floatToChars(b.data(), b.data() + room, x, fmt, prec);
    if (r.ec == std::errc::value_too_large) return r.ptr == b.data() + room ? "<too large>" : "<bad ptr>";
    return std::string(b.data(), r.ptr);
}

const char* fmtName(std::chars_format f) {
    return f == plain ? "plain" : f == fixed ? "fixed" : f == sci ? "scientific" : f == general ? "general" : "hex";
}

// Every form, shortest and with precisions (mostly small, some up to 1100,
// which exercises the exact digits of large and tiny values), against the
// host; the shortest forms read back by our from_chars.
template <typename F>
int checkToChars(int samples) {
    const std::chars_format fmts[] = {plain, fixed, sci, general, hex};
    int bad = 0;
    for (int i = 0; i < samples && bad < 10; i++) {
        F x = randomFloat<F>();
        for (std::chars_format f : fmts) {
            std::string want = host(x, f, -1), got = ours(x, f, -1);
            if (got != want) {
                bad++;
                UNSCOPED_INFO(fmtName(f) << " of " << std::hexfloat << (long double)x << ": got " << got << " want " << want);
                continue;
            }
            if (std::isnan(x)) continue;
            F back = 0;
            std::from_chars_result r =
                cxx::floatFromChars(got.data(), got.data() + got.size(), back, f == plain ? general : f);
            if (r.ec != std::errc{} || r.ptr != got.data() + got.size() || toBits(back) != toBits(x)) {
                bad++;
                UNSCOPED_INFO("read back " << got << " as " << fmtName(f) << ": " << std::hexfloat << (long double)back);
            }
            if (f == plain) continue;
            int prec = i % 16 == 0 ? (int)(rng() % 1100) : (int)(rng() % 25);
            want = host(x, f, prec);
            got = ours(x, f, prec);
            if (got != want) {
                bad++;
                UNSCOPED_INFO(fmtName(f) << " precision " << prec << " of " << std::hexfloat << (long double)x << ": got "
                                         << got << " want " << want);
            }
        }
    }
    return bad;
}

// Decimal text: 1 to 30 digits (sometimes up to 800), a point somewhere or
// none, an exponent over and past the double range, or none.
std::string randomDecimal() {
    std::string s;
    if (rng() % 4 == 0) s += '-';
    int nd = rng() % 8 == 0 ? 1 + (int)(rng() % 800) : 1 + (int)(rng() % 30);
    int point = (int)(rng() % (nd + 2)) - 1;
    for (int i = 0; i < nd; i++) {
        if (i == point) s += '.';
        s += (char)('0' + (i == 0 && rng() % 4 == 0 ? 0 : rng() % 10));
    }
    if (rng() % 4 != 0) {
        s += rng() & 1 ? 'e' : 'E';
        int r = (int)(rng() % 3);
        if (r) s += r == 1 ? '+' : '-';
        s += std::to_string(rng() % 8 == 0 ? rng() % 5000 : rng() % 360);
    }
    return s;
}

// The midpoint between x and its upper neighbour (exact in long double),
// printed exactly or rounded to 17..40 digits (just above or below it).
std::string halfway(double x) {
    long double mid = ((long double)x + (long double)std::nextafter(x, INFINITY)) / 2;
    int digits = rng() & 1 ? 800 : 17 + (int)(rng() % 24);
    char b[1000];
    std::snprintf(b, sizeof b, "%.*Le", digits, mid);
    return b;
}

// strtod's extras: a sign, leading space, hex with and without exponent, the
// spellings of inf and nan, and text that ends early.
std::string randomCText() {
    static const char* const fixedTexts[] = {
        "inf", "-INF", "+Infinity", "infinit", "nan", "-nan", "NaN(0x1_z)", "nan(", "nan(1", "0x", "0x.", "0x.8",
        "0X1P", "0x1p+", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023", "0x1p-1075", "0x1.0000000000001p-1075",
        "0x0.0000000000001p-1022", "0x1p-1074", "0x1.8p-1074", "0x1p99999999999", "0x1p-99999999999",
        "0x123456789abcdef0123p-20", "  \t\n12", "+.5", "-.e1", ".", "-", "", "1e", "1e+", "1e-x", "00000.0000e99999",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623158e308",
        "1.7976931348623159e308", "9007199254740993", "1e23", "8.988465674311579e307", "3.4028235677973366e38"};
    if (rng() % 8 == 0) return fixedTexts[rng() % (sizeof fixedTexts / sizeof fixedTexts[0])];
    if (rng() % 8 == 0) {  // a long double's digits (rounded: near halfway for a double) or hex
        uint64_t mant = rng() | 1ull << 63, se = rng() % 0x7fff;
        long double x = fromBits<long double>((go::strconv::bits128)se << 64 | mant);
        char b[1000];
        if (rng() & 1) std::snprintf(b, sizeof b, "%La", x);
        else std::snprintf(b, sizeof b, "%.*Le", rng() % 4 == 0 ? 800 : 17 + (int)(rng() % 10), x);
        return b;
    }
    if (rng() % 3 == 0) {
        char b[64];
        std::snprintf(b, sizeof b, "%a", fromBits<double>(rng()));
        std::string s = b;
        if (rng() & 1) s = s.substr(0, s.find('p'));  // no exponent
        return rng() & 1 ? " +" + s : s;
    }
    std::string s = rng() % 3 == 0 ? halfway(fromBits<double>(rng() >> 1)) : randomDecimal();
    return rng() % 4 == 0 ? "  +" + s : s;
}

// from_chars against the host's: result code, end and value (left alone on
// a range error: both start from the same sentinel).
template <typename F>
bool sameFromChars(const std::string& s, std::chars_format f) {
    F want = (F)12345, got = (F)12345;
    std::from_chars_result hr = std::from_chars(s.data(), s.data() + s.size(), want, f);
    std::from_chars_result r = cxx::floatFromChars(s.data(), s.data() + s.size(), got, f);
    // libstdc++ 12 drops the sign of "-nan" in hex format; strtod, which
    // the standard defines the pattern by, keeps it, as we do.
    bool nanSign = std::signbit(want) == std::signbit(got) || (f == hex && std::signbit(got) == (s[0] == '-'));
    // libstdc++ 12 reads long double with strtold and calls its underflow
    // ERANGE out of range even for a nonzero subnormal result (subnormals
    // are in range for its float and double, and for all three here): then
    // the value must be glibc's strtold's.
    if (sizeof(F) > 8 && hr.ec == std::errc::result_out_of_range && r.ec == std::errc{} &&
        std::fpclassify(got) == FP_SUBNORMAL) {
        std::string c = s;
        if (f == hex) c = s[0] == '-' ? "-0x" + s.substr(1) : "0x" + s;
        if (toBits((F)std::strtold(c.c_str(), nullptr)) == toBits(got)) {
            hr.ec = r.ec;
            want = got;
        }
    }
    bool ok = hr.ec == r.ec && hr.ptr == r.ptr &&
              (toBits(want) == toBits(got) || (std::isnan(want) && std::isnan(got) && nanSign));
    if (!ok)
        UNSCOPED_INFO("from_chars<" << sizeof(F) * 8 << "> " << fmtName(f) << " \"" << s << "\": got " << std::hexfloat
                                    << (long double)got << " ec " << (int)r.ec << " end " << r.ptr - s.data() << ", want "
                                    << (long double)want << " ec " << (int)hr.ec << " end " << hr.ptr - s.data());
    return ok;
}

// strtod's syntax through parseFloat against glibc's strtod and strtof:
// value, end and ERANGE.
template <typename F>
bool sameStrtod(const std::string& s) {
    const char* p = s.c_str();
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) p++;
    const go::strconv::FloatInfo& flt = sizeof(F) == 4   ? go::strconv::float32info
                                        : sizeof(F) == 8 ? go::strconv::float64info
                                                         : go::strconv::float80info;
    go::strconv::FloatSyntax syn{true, true, false, go::strconv::FloatSyntax::optional};
    go::strconv::FloatParse r = go::strconv::parseFloat(p, SIZE_MAX, flt, syn);
    errno = 0;
    char* end;
    F want;
    if constexpr (sizeof(F) == 4) want = std::strtof(s.c_str(), &end);
    else if constexpr (sizeof(F) == 8) want = std::strtod(s.c_str(), &end);
    else want = std::strtold(s.c_str(), &end);
    bool hostRange = errno == ERANGE;
    F got = fromBits<F>(r.bits);
    const char* gotEnd = r.n == 0 ? s.c_str() : p + r.n;
    bool ok = gotEnd == end && (r.overflow || r.tinyInexact) == hostRange &&
              (toBits(want) == toBits(got) || (std::isnan(want) && std::isnan(got) && std::signbit(want) == std::signbit(got)));
    if (!ok)
        UNSCOPED_INFO("strto" << (sizeof(F) == 4 ? "f" : sizeof(F) == 8 ? "d" : "ld") << " \"" << s << "\": got " << std::hexfloat << (long double)got
                              << " end " << gotEnd - s.c_str() << " range " << (r.overflow || r.tinyInexact) << ", want "
                              << (long double)want << " end " << end - s.c_str() << " range " << hostRange);
    return ok;
}

}  // namespace

TEST_CASE("to_chars double: every form as the host's, shortest forms read back", "[charconv]") {
    heap();
    CHECK(checkToChars<double>(40000) == 0);
}

TEST_CASE("to_chars float: every form as the host's, shortest forms read back", "[charconv]") {
    heap();
    CHECK(checkToChars<float>(40000) == 0);
}

TEST_CASE("to_chars long double: every form as the host's, shortest forms read back", "[charconv]") {
    heap();
    CHECK(checkToChars<long double>(3000) == 0);
}

TEST_CASE("to_chars: value_too_large at every short buffer", "[charconv]") {
    heap();
    const double xs[] = {0, -0.0, 1e23, 5e-324, -1.5, DBL_MAX, 0.1, NAN, -INFINITY};
    const std::chars_format fmts[] = {plain, fixed, sci, general, hex};
    int bad = 0;
    for (double x : xs)
        for (std::chars_format f : fmts)
            for (int prec : {-1, 0, 3, 30}) {
                if (f == plain && prec >= 0) continue;
                std::string full = ours(x, f, prec);
                for (size_t room = 0; room <= full.size(); room++) {
                    std::string want = room == full.size() ? full : "<too large>";
                    if (ours(x, f, prec, room) != want || host(x, f, prec, room) != want) {
                        bad++;
                        UNSCOPED_INFO(fmtName(f) << " precision " << prec << " of " << x << " in " << room << ": got "
                                                 << ours(x, f, prec, room) << ", host " << host(x, f, prec, room));
                    }
                }
            }
    CHECK(bad == 0);
}

TEST_CASE("from_chars: each format on random decimal, halfway, hex and special text, as the host's", "[charconv]") {
    const std::chars_format fmts[] = {general, fixed, sci, hex};
    int bad = 0;
    for (int i = 0; i < 60000 && bad < 10; i++) {
        std::string s = rng() % 3 == 0 ? halfway(fromBits<double>(rng() >> 1)) : randomDecimal();
        if (rng() % 10 == 0) s = randomCText();
        for (std::chars_format f : fmts) {
            if (!sameFromChars<double>(s, f)) bad++;
            if (!sameFromChars<float>(s, f)) bad++;
            if (i % 4 == 0 && !sameFromChars<long double>(s, f)) bad++;  // slower: always exact arithmetic
        }
    }
    CHECK(bad == 0);
}

TEST_CASE("strtod, strtof and strtold syntax: as glibc's, with its ERANGE", "[charconv]") {
    int bad = 0;
    for (int i = 0; i < 60000 && bad < 10; i++) {
        std::string s = randomCText();
        if (!sameStrtod<double>(s)) bad++;
        if (!sameStrtod<float>(s)) bad++;
        if (i % 4 == 0 && !sameStrtod<long double>(s)) bad++;
    }
    CHECK(bad == 0);
}
