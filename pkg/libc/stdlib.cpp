// stdlib.cpp — C's strtol family (C17 §7.22.1.4), which std::stoi, stol,
// stoul, stoll and stoull call: leading white space, an optional sign, a
// "0x" prefix in base 16 or 0, a leading 0 meaning octal in base 0. On
// overflow the result is clamped and errno is ERANGE; with no digits the
// result is 0 and *end is the start, which std::stoi turns into the
// invalid_argument panic (pkg/cxx/throw.cpp).
#include <stddef.h>
#include <stdint.h>

#include "libc.h"

namespace {

constexpr int ERANGE = 34;

int digitValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

struct parsed {
    uint64_t mag;   // the magnitude, saturated at UINT64_MAX
    bool neg;
    bool overflow;  // the magnitude did not fit in 64 bits
};

// Parse s in base, setting *end past the last digit (or to s if none).
parsed parse(const char* s, char** end, int base) {
    parsed r{0, false, false};
    const char* p = s;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) p++;
    if (*p == '+' || *p == '-') r.neg = *p++ == '-';
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && digitValue(p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == '0' ? 8 : 10;
    }
    const char* digits = p;
    if (base >= 2 && base <= 36) {
        for (int d; (d = digitValue(*p)) < base; p++) {
            if (r.mag > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) r.overflow = true;
            r.mag = r.overflow ? UINT64_MAX : r.mag * (uint64_t)base + (uint64_t)d;
        }
    }
    if (end != nullptr) *end = (char*)(p == digits ? s : p);
    return r;
}

// A signed result in [min, max] (max = -(min+1)), clamped with ERANGE.
long long toSigned(const parsed& r, unsigned long long max) {
    unsigned long long limit = r.neg ? max + 1 : max;
    if (r.overflow || r.mag > limit) {
        *__errno_location() = ERANGE;
        return r.neg ? -(long long)max - 1 : (long long)max;
    }
    return r.neg ? (long long)(0ull - r.mag) : (long long)r.mag;
}

// An unsigned result: C negates the magnitude in the unsigned type.
unsigned long long toUnsigned(const parsed& r) {
    if (r.overflow) {
        *__errno_location() = ERANGE;
        return UINT64_MAX;
    }
    return r.neg ? 0ull - r.mag : r.mag;
}

}  // namespace

extern "C" {

long strtol(const char* s, char** end, int base) { return (long)toSigned(parse(s, end, base), INT64_MAX); }
long long strtoll(const char* s, char** end, int base) { return toSigned(parse(s, end, base), INT64_MAX); }
unsigned long strtoul(const char* s, char** end, int base) { return toUnsigned(parse(s, end, base)); }
unsigned long long strtoull(const char* s, char** end, int base) { return toUnsigned(parse(s, end, base)); }

}  // extern "C"
