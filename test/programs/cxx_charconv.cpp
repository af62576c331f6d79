// std::to_chars and std::from_chars of float, double and long double, strtod, strtof,
// strtold, std::stod, std::stof, std::stold and std::to_string(double) (pkg/cxx/charconv.cpp,
// pkg/libc/strtod.cpp, pkg/strconv/atof.cpp) on hard cases: shortest
// round-trip digits, subnormals down to 2^-1074 (2^-16445), DBL_MAX, halfway points
// (9007199254740993, the exact midpoint above 1), 1e23, long digit
// strings, inf and nan, out of range, short buffers; long double's
// from_chars, strtold and stold. Each expected line is
// what the same code prints with the host's g++, libstdc++ and glibc, but
// for one: libstdc++ 12's from_chars calls the long double 2^-16445 out of
// range (its strtold underflows); it is in range, as subnormal floats and
// doubles are there too (docs/cxx-runtime.md).
//! stdout: 0.1: 0.1
//! stdout: 1e23: 1e+23
//! stdout: 2^-1074: 5e-324
//! stdout: DBL_MAX: 1.7976931348623157e+308
//! stdout: DBL_MIN: 2.2250738585072014e-308
//! stdout: 2^53+1: 9007199254740992
//! stdout: 2^60: 1152921504606846976
//! stdout: -0: -0
//! stdout: 123456.789: 123456.789
//! stdout: 1e-7: 1e-07
//! stdout: 0.3f: 0.3
//! stdout: FLT_MAX: 3.4028235e+38
//! stdout: FLT_TRUE_MIN: 1e-45
//! stdout: inf: inf
//! stdout: -inf: -inf
//! stdout: nan: nan
//! stdout: -nan: -nan
//! stdout: fixed 1e23: 99999999999999991611392
//! stdout: fixed 2^-1074: 0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005
//! stdout: scientific 123456.789: 1.23456789e+05
//! stdout: general 120: 120
//! stdout: general 1e6: 1e+06
//! stdout: general 0.0001: 0.0001
//! stdout: hex 0.1: 1.999999999999ap-4
//! stdout: hex 2^-1074: 0.0000000000001p-1022
//! stdout: hex 0.1f: 1.99999ap-4
//! stdout: fixed.30 0.1: 0.100000000000000005551115123126
//! stdout: fixed.0 2.5: 2
//! stdout: fixed.0 3.5: 4
//! stdout: fixed.0 1e23: 99999999999999991611392
//! stdout: scientific.20 2^-1074: 4.94065645841246544177e-324
//! stdout: scientific.0 9.5: 1e+01
//! stdout: general.17 DBL_MAX: 1.7976931348623157e+308
//! stdout: general.3 123456: 1.23e+05
//! stdout: general.3 0.0001234: 0.000123
//! stdout: general.0 0.5: 0.5
//! stdout: hex.5 1/3: 1.55555p-2
//! stdout: hex.0 1.5: 2p+0
//! stdout: hex.2 2^-1074: 0.00p-1022
//! stdout: fixed.3 1/3f: 0.333
//! stdout: fixed.1100 2^-1074 (digits of the exact value): 0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000494065645841246544176568792868221372365059802614324764425585682500675507270208751865299836361635992379796564695445717730926656710355939796398774796010781878126300713190311404527845817167848982103688718636056998730723050006387409153564984387312473397273169615140031715385398074126238565591171026658556686768187039560310624931945271591492455329305456544401127480129709999541931989409080416563324524757147869014726780159355238611550134803526493472019379026810710749170333222684475333572083243193609238289345836806010601150616980975307834227731832924790498252473077637592724787465608477820373446969953364701797267771758512566055119913150489110145103786273816725095583738973359899366480994116420570263709027924276754456522908753868250641971826553344726562500000000000000000000000000
//! stdout: long 0.1: 0.1
//! stdout: long LDBL_MAX: 1.189731495357231765e+4932
//! stdout: long LDBL_TRUE_MIN: 4e-4951
//! stdout: long 2^64: 18446744073709551616
//! stdout: long hex 0.1: c.ccccccccccccccdp-7
//! stdout: long hex.3 0.1: c.ccdp-7
//! stdout: long hex LDBL_TRUE_MIN: 0.000000000000001p-16385
//! stdout: long scientific.25 0.1: 1.0000000000000000000135525e-01
//! stdout: long general 1e30: 1e+30
//! stdout: long fixed.30 1/3: 0.333333333333333333342368351437
//! stdout: too large: ec=75 at-last=1 guard=#
//! stdout: fits: 1e+23 ec=0
//! stdout: from_chars<64>("9007199254740993", 3): 4340000000000000 ec=0 end=16
//! stdout: from_chars<64>("9007199254740995", 3): 4340000000000002 ec=0 end=16
//! stdout: from_chars<64>("1e23", 3): 44b52d02c7e14af6 ec=0 end=4
//! stdout: from_chars<64>("1.00000000000000011102230246251565404236316680908203125", 3): 3ff0000000000000 ec=0 end=55
//! stdout: from_chars<64>("1.000000000000000111022302462515654042363166809082031250000000000000000000000001", 3): 3ff0000000000001 ec=0 end=80
//! stdout: from_chars<64>("2.4703282292062327e-324", 3): 4045000000000000 ec=34 end=23
//! stdout: from_chars<64>("2.4703282292062328e-324", 3): 1 ec=0 end=23
//! stdout: from_chars<64>("4.9406564584124654e-324", 3): 1 ec=0 end=23
//! stdout: from_chars<64>("2.2250738585072011e-308", 3): fffffffffffff ec=0 end=23
//! stdout: from_chars<64>("1.7976931348623157e308", 3): 7fefffffffffffff ec=0 end=22
//! stdout: from_chars<64>("1.7976931348623159e308", 3): 4045000000000000 ec=34 end=22
//! stdout: from_chars<64>("1e-400", 3): 4045000000000000 ec=34 end=6
//! stdout: from_chars<64>("-1e400", 3): 4045000000000000 ec=34 end=6
//! stdout: from_chars<64>("0.000000000000000000000000000000000000000000000000000000000000000000000000000000001e81", 3): 3ff0000000000000 ec=0 end=86
//! stdout: from_chars<64>("123456789012345678901234567890123456789012345678901234567890e-40", 3): 43e56a95319d63e1 ec=0 end=64
//! stdout: from_chars<64>("-infinity and more", 3): fff0000000000000 ec=0 end=9
//! stdout: from_chars<64>("nan(123)", 3): 7ff8000000000000 ec=0 end=8
//! stdout: from_chars<64>("-nan", 3): fff8000000000000 ec=0 end=4
//! stdout: from_chars<64>("+1", 3): 4045000000000000 ec=22 end=0
//! stdout: from_chars<64>(".e1", 3): 4045000000000000 ec=22 end=0
//! stdout: from_chars<64>("1e+", 3): 3ff0000000000000 ec=0 end=1
//! stdout: from_chars<64>("1e5", 2): 3ff0000000000000 ec=0 end=1
//! stdout: from_chars<64>("1.5", 1): 4045000000000000 ec=22 end=0
//! stdout: from_chars<64>("1.5e3", 1): 4097700000000000 ec=0 end=5
//! stdout: from_chars<64>("1.8p1", 4): 4008000000000000 ec=0 end=5
//! stdout: from_chars<64>("0x1p3", 4): 0 ec=0 end=1
//! stdout: from_chars<32>("3.4028235e38", 3): 7f7fffff ec=0 end=12
//! stdout: from_chars<32>("3.4028236e38", 3): 42280000 ec=34 end=12
//! stdout: from_chars<32>("1e-45", 3): 1 ec=0 end=5
//! stdout: from_chars<32>("7e-46", 3): 42280000 ec=34 end=5
//! stdout: from_chars<32>("16777217", 3): 4b800000 ec=0 end=8
//! stdout: from_chars<32>("0.1", 3): 3dcccccd ec=0 end=3
//! stdout: strtod("  -0x1.8p1xyz"): c008000000000000 erange=0 strtof: c0400000 erange=0 end=10
//! stdout: strtod("1e400"): 7ff0000000000000 erange=1 strtof: 7f800000 erange=1 end=5
//! stdout: strtod("1e-310"): 12688b70e62b erange=1 strtof: 0 erange=1 end=6
//! stdout: strtod("0x1p-1074"): 1 erange=0 strtof: 0 erange=1 end=9
//! stdout: strtod("+Infinity"): 7ff0000000000000 erange=0 strtof: 7f800000 erange=0 end=9
//! stdout: strtod(" nan(x)"): 7ff8000000000000 erange=0 strtof: 7fc00000 erange=0 end=7
//! stdout: strtod("0x"): 0 erange=0 strtof: 0 erange=0 end=1
//! stdout: strtod("1e+"): 3ff0000000000000 erange=0 strtof: 3f800000 erange=0 end=1
//! stdout: strtod("abc"): 0 erange=0 strtof: 0 erange=0 end=0
//! stdout: strtod("1e-50"): 358dee7a4ad4b81f erange=0 strtof: 0 erange=1 end=5
//! stdout: long double "0.1": from_chars 3ffb:cccccccccccccccd ec=0 end=3 strtold 3ffb:cccccccccccccccd end=3
//! stdout: long double "1.18973149535723176502e+4932": from_chars 7ffe:ffffffffffffffff ec=0 end=28 strtold 7ffe:ffffffffffffffff end=28
//! stdout: long double "1.18973149535723176509e+4932": from_chars 4004:a800000000000000 ec=34 end=28 strtold 7fff:8000000000000000 end=28
//! stdout: long double "3.64519953188247460253e-4951": from_chars 0:0000000000000001 ec=0 end=28 strtold 0:0000000000000001 end=28
//! stdout: long double "-0x1.fffffffffffffffep+16383": from_chars 8000:0000000000000000 ec=0 end=2 strtold fffe:ffffffffffffffff end=28
//! stdout: long double "18446744073709551617": from_chars 403f:8000000000000000 ec=0 end=20 strtold 403f:8000000000000000 end=20
//! stdout: long double "inf": from_chars 7fff:8000000000000000 ec=0 end=3 strtold 7fff:8000000000000000 end=3
//! stdout: long double "nan": from_chars 7fff:c000000000000000 ec=0 end=3 strtold 7fff:c000000000000000 end=3
//! stdout: stold: 1
//! stdout: stod=3f647ae147ae147b stof=501502f9 to_string=1.500000
#include <cerrno>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

using cf = std::chars_format;

// One to_chars call; fmt cf{}: none, prec -1: none.
template <typename F>
void show(const char* label, F x, cf fmt = cf{}, int prec = -1) {
    char b[1200];
    std::to_chars_result r = fmt == cf{}  ? std::to_chars(b, b + sizeof b, x)
                             : prec == -1 ? std::to_chars(b, b + sizeof b, x, fmt)
                                          : std::to_chars(b, b + sizeof b, x, fmt, prec);
    std::printf("%s: %.*s\n", label, (int)(r.ptr - b), b);
}

unsigned long long bits(double x) { return __builtin_bit_cast(unsigned long long, x); }
unsigned bits(float x) { return __builtin_bit_cast(unsigned, x); }

// One from_chars call: the value's bits, the result code and the end.
template <typename F>
void parse(const char* s, cf fmt = cf::general) {
    F x = 42;
    std::from_chars_result r = std::from_chars(s, s + std::strlen(s), x, fmt);
    std::printf("from_chars<%d>(\"%s\", %d): %llx ec=%d end=%d\n", (int)sizeof(F) * 8, s, (int)fmt,
                (unsigned long long)bits(x), (int)r.ec, (int)(r.ptr - s));
}

// long double (x87): the 80 bits as exponent:significand.
void parseLong(const char* s) {
    long double x = 42;
    std::from_chars_result r = std::from_chars(s, s + std::strlen(s), x);
    unsigned long long w[2];
    std::memcpy(w, &x, sizeof w);
    char* end;
    long double y = std::strtold(s, &end);
    unsigned long long v[2];
    std::memcpy(v, &y, sizeof v);
    std::printf("long double \"%s\": from_chars %llx:%016llx ec=%d end=%d strtold %llx:%016llx end=%d\n", s,
                w[1] & 0xffff, w[0], (int)r.ec, (int)(r.ptr - s), v[1] & 0xffff, v[0], (int)(end - s));
}

void strtodCase(const char* s) {
    char* end;
    errno = 0;
    double d = std::strtod(s, &end);
    int e1 = errno;
    errno = 0;
    float f = std::strtof(s, &end);
    std::printf("strtod(\"%s\"): %llx erange=%d strtof: %x erange=%d end=%d\n", s, bits(d), e1 == ERANGE, bits(f),
                errno == ERANGE, (int)(end - s));
}

}  // namespace

int main() {
    show("0.1", 0.1);
    show("1e23", 1e23);
    show("2^-1074", 5e-324);
    show("DBL_MAX", DBL_MAX);
    show("DBL_MIN", DBL_MIN);
    show("2^53+1", 9007199254740993.0);
    show("2^60", 1152921504606846976.0);
    show("-0", -0.0);
    show("123456.789", 123456.789);
    show("1e-7", 1e-7);
    show("0.3f", 0.3f);
    show("FLT_MAX", FLT_MAX);
    show("FLT_TRUE_MIN", FLT_TRUE_MIN);
    show("inf", INFINITY);
    show("-inf", -INFINITY);
    show("nan", NAN);
    show("-nan", -NAN);
    show("fixed 1e23", 1e23, cf::fixed);
    show("fixed 2^-1074", 5e-324, cf::fixed);
    show("scientific 123456.789", 123456.789, cf::scientific);
    show("general 120", 120.0, cf::general);
    show("general 1e6", 1e6, cf::general);
    show("general 0.0001", 0.0001, cf::general);
    show("hex 0.1", 0.1, cf::hex);
    show("hex 2^-1074", 5e-324, cf::hex);
    show("hex 0.1f", 0.1f, cf::hex);
    show("fixed.30 0.1", 0.1, cf::fixed, 30);
    show("fixed.0 2.5", 2.5, cf::fixed, 0);
    show("fixed.0 3.5", 3.5, cf::fixed, 0);
    show("fixed.0 1e23", 1e23, cf::fixed, 0);
    show("scientific.20 2^-1074", 5e-324, cf::scientific, 20);
    show("scientific.0 9.5", 9.5, cf::scientific, 0);
    show("general.17 DBL_MAX", DBL_MAX, cf::general, 17);
    show("general.3 123456", 123456.0, cf::general, 3);
    show("general.3 0.0001234", 0.0001234, cf::general, 3);
    show("general.0 0.5", 0.5, cf::general, 0);
    show("hex.5 1/3", 1.0 / 3, cf::hex, 5);
    show("hex.0 1.5", 1.5, cf::hex, 0);
    show("hex.2 2^-1074", 5e-324, cf::hex, 2);
    show("fixed.3 1/3f", 1.0f / 3, cf::fixed, 3);
    show("fixed.1100 2^-1074 (digits of the exact value)", 5e-324, cf::fixed, 1100);
    show("long 0.1", 0.1L);
    show("long LDBL_MAX", LDBL_MAX);
    show("long LDBL_TRUE_MIN", LDBL_TRUE_MIN);
    show("long 2^64", 18446744073709551616.0L);
    show("long hex 0.1", 0.1L, cf::hex);
    show("long hex.3 0.1", 0.1L, cf::hex, 3);
    show("long hex LDBL_TRUE_MIN", LDBL_TRUE_MIN, cf::hex);
    show("long scientific.25 0.1", 0.1L, cf::scientific, 25);
    show("long general 1e30", 1e30L, cf::general);
    show("long fixed.30 1/3", 1.0L / 3, cf::fixed, 30);

    // A short buffer: value_too_large, last returned, nothing written past it.
    char small[6] = "#####";
    std::to_chars_result r = std::to_chars(small, small + 4, 1e23, cf::fixed);
    std::printf("too large: ec=%d at-last=%d guard=%c\n", (int)r.ec, r.ptr == small + 4, small[4]);
    r = std::to_chars(small, small + 5, 1e23);
    std::printf("fits: %.*s ec=%d\n", (int)(r.ptr - small), small, (int)r.ec);

    parse<double>("9007199254740993");
    parse<double>("9007199254740995");
    parse<double>("1e23");
    parse<double>("1.00000000000000011102230246251565404236316680908203125");
    parse<double>("1.000000000000000111022302462515654042363166809082031250000000000000000000000001");
    parse<double>("2.4703282292062327e-324");
    parse<double>("2.4703282292062328e-324");
    parse<double>("4.9406564584124654e-324");
    parse<double>("2.2250738585072011e-308");
    parse<double>("1.7976931348623157e308");
    parse<double>("1.7976931348623159e308");
    parse<double>("1e-400");
    parse<double>("-1e400");
    parse<double>("0.000000000000000000000000000000000000000000000000000000000000000000000000000000001e81");
    parse<double>("123456789012345678901234567890123456789012345678901234567890e-40");
    parse<double>("-infinity and more");
    parse<double>("nan(123)");
    parse<double>("-nan");
    parse<double>("+1");
    parse<double>(".e1");
    parse<double>("1e+");
    parse<double>("1e5", cf::fixed);
    parse<double>("1.5", cf::scientific);
    parse<double>("1.5e3", cf::scientific);
    parse<double>("1.8p1", cf::hex);
    parse<double>("0x1p3", cf::hex);
    parse<float>("3.4028235e38");
    parse<float>("3.4028236e38");
    parse<float>("1e-45");
    parse<float>("7e-46");
    parse<float>("16777217");
    parse<float>("0.1");

    strtodCase("  -0x1.8p1xyz");
    strtodCase("1e400");
    strtodCase("1e-310");
    strtodCase("0x1p-1074");
    strtodCase("+Infinity");
    strtodCase(" nan(x)");
    strtodCase("0x");
    strtodCase("1e+");
    strtodCase("abc");
    strtodCase("1e-50");

    parseLong("0.1");
    parseLong("1.18973149535723176502e+4932");
    parseLong("1.18973149535723176509e+4932");
    parseLong("3.64519953188247460253e-4951");
    parseLong("-0x1.fffffffffffffffep+16383");
    parseLong("18446744073709551617");
    parseLong("inf");
    parseLong("nan");
    long double ld = std::stold("0.1");
    std::printf("stold: %d\n", ld == 0.1L);

    std::printf("stod=%llx stof=%x to_string=%s\n", bits(std::stod("2.5e-3")), bits(std::stof(" 1e10 ")),
                std::to_string(1.5).c_str());
    return 0;
}
