// to_chars.cpp — libstdc++'s out-of-line floating-point std::to_chars and
// std::from_chars (declared in <charconv>), for float, double and long
// double, forwarding to charconv.cpp. A negative precision is printf's: the
// default, 6 (for hex, the exact value).
#include "charconv.h"

namespace {

int precisionOrDefault(std::chars_format fmt, int prec) {
    if (prec >= 0) return prec;
    return fmt == std::chars_format::hex ? -1 : 6;
}

}  // namespace

// The three to_chars overloads of one type (float and double have the
// same, by the ABI; so has long double).
#define TO_CHARS(T)                                                                               \
    to_chars_result to_chars(char* first, char* last, T value) noexcept {                         \
        return cxx::floatToChars(first, last, value, chars_format{}, -1);                         \
    }                                                                                             \
    to_chars_result to_chars(char* first, char* last, T value, chars_format fmt) noexcept {       \
        return cxx::floatToChars(first, last, value, fmt, -1);                                    \
    }                                                                                             \
    to_chars_result to_chars(char* first, char* last, T value, chars_format fmt, int prec) noexcept { \
        return cxx::floatToChars(first, last, value, fmt, precisionOrDefault(fmt, prec));         \
    }

namespace std {

TO_CHARS(float)
TO_CHARS(double)
TO_CHARS(long double)

from_chars_result from_chars(const char* first, const char* last, float& value, chars_format fmt) noexcept {
    return cxx::floatFromChars(first, last, value, fmt);
}
from_chars_result from_chars(const char* first, const char* last, double& value, chars_format fmt) noexcept {
    return cxx::floatFromChars(first, last, value, fmt);
}
from_chars_result from_chars(const char* first, const char* last, long double& value, chars_format fmt) noexcept {
    return cxx::floatFromChars(first, last, value, fmt);
}

}  // namespace std
