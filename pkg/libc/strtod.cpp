// strtod.cpp — C's strtod, strtof and strtold (C17 §7.22.1.3), which
// std::stod, std::stof and std::stold call, over package strconv's ParseFloat (pkg/strconv/atof.cpp):
// leading white space, an optional sign, then decimal digits with an
// optional point and exponent, "0x" hexadecimal digits with an optional 'p'
// exponent, "inf", "infinity", "nan" or "nan(chars)", in either case;
// correctly rounded, ties to even. *end is set past the number, or to s
// when there is none (the result is then 0). ERANGE: on overflow (the
// result is ±HUGE_VAL), and on underflow, when the result is subnormal or
// zero and not the exact value (the result is that value, as glibc returns
// it). long double is the x87 extended format.
#include <stddef.h>
#include <stdint.h>

#include "libc.h"
#include "pkg/strconv/atof.h"

namespace {

constexpr int ERANGE = 34;

// The parse, with errno and *end set as C says.
go::strconv::bits128 strtoBits(const char* s, char** end, const go::strconv::FloatInfo& flt) {
    const char* p = s;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) p++;
    go::strconv::FloatSyntax syn{true, true, false, go::strconv::FloatSyntax::optional};
    go::strconv::FloatParse r = go::strconv::parseFloat(p, SIZE_MAX, flt, syn);  // NUL ends every match
    if (end != nullptr) *end = (char*)(r.n == 0 ? s : p + r.n);
    if (r.n == 0) return 0;
    if (r.overflow || r.tinyInexact) *__errno_location() = ERANGE;
    return r.bits;
}

}  // namespace

extern "C" {

double strtod(const char* s, char** end) {
    return __builtin_bit_cast(double, (uint64_t)strtoBits(s, end, go::strconv::float64info));
}
float strtof(const char* s, char** end) {
    return __builtin_bit_cast(float, (uint32_t)strtoBits(s, end, go::strconv::float32info));
}
long double strtold(const char* s, char** end) {
    return __builtin_bit_cast(long double, strtoBits(s, end, go::strconv::float80info));  // the top 48 bits are padding
}

}  // extern "C"
