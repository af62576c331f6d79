// <cstdio> with C's semantics: every check's expected text was printed by
// the host's glibc snprintf (g++ 12, Debian 12) for the same format and
// arguments when this test was written. Then printf/puts/putchar/fputs/
// fwrite on stdout and stderr (one write each), snprintf's truncation and
// return value, %n, and varargs read across stack segments: goroutines call
// snprintf at many depths, so some calls start on a new segment.
//! stdout: printf: 42 -7 ff 3.14 1.500000e+00 ok
//! stdout: puts line
//! stdout: xyz
//! stdout: fwrite
//! stdout: fprintf to stdout 7
//! stdout: snprintf: all checks passed
//! stdout: deep: all checks passed
//! stderr: to stderr: 5
//! stderr: fputs to stderr
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <sys/types.h>

#include "go.h"

static int failures = 0;

static bool same(const char* a, const char* b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

template <class... A> static void check(int line, const char* want, const char* format, A... args) {
    char buf[2048];
    int n = snprintf(buf, sizeof buf, format, args...);
    int wantLen = 0;
    while (want[wantLen]) wantLen++;
    if (!same(buf, want) || n != wantLen) {
        failures++;
        go::fmt::Printf("line %d: %q: got %q (%d), want %q (%d)\n", line, format, buf, n, want, wantLen);
    }
}

static void checks() {
    check(__LINE__, "42 -42 42", "%d %i %u", 42, -42, 42u);
    check(__LINE__, "2147483647|-2147483648", "%d|%d", 2147483647, (-2147483647 - 1));
    check(__LINE__, "4294967295|deadbeef|DEADBEEF|777", "%u|%x|%X|%o", 4294967295u, 3735928559u, 3735928559u, 511u);
    check(__LINE__, "[   42][42   ][00042][+42][ 42][-0042]", "[%5d][%-5d][%05d][%+d][% d][%+05d]", 42, 42, 42, 42, 42, -42);
    check(__LINE__, "[007][    -007][007     ][     007][][     ]", "[%.3d][%8.3d][%-8.3d][%08.3d][%.0d][%5.0d]", 7, -7, 7, 7, 0, 0);
    check(__LINE__, "[0xff][0XFF][010][0][0][0]", "[%#x][%#X][%#o][%#o][%#x][%#.0o]", 255u, 255u, 8u, 0u, 0u, 0u);
    check(__LINE__, "[      0xff][0xff      ][0x000000ff]", "[%#10x][%#-10x][%#010x]", 255u, 255u, 255u);
    check(__LINE__, "44 44 4464 4464", "%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
    check(__LINE__, "-9223372036854775807 18446744073709551615 -5 18446744073709551615", "%ld %lu %lld %llu", -9223372036854775807L, 18446744073709551615UL, -5LL, 18446744073709551615ULL);
    check(__LINE__, "deadbeefcafe FEED 1777", "%lx %llX %lo", 0xdeadbeefcafeUL, 0xfeedULL, 01777UL);
    check(__LINE__, "123456789 -3 ff -77 77 -9", "%zu %zd %zx %jd %ju %td", (size_t)123456789, (ssize_t)-3, (size_t)255, (intmax_t)-77, (uintmax_t)77, (ptrdiff_t)-9);
    check(__LINE__, "[a][  b][c  ]", "[%c][%3c][%-3c]", 'a', 'b', 'c');
    check(__LINE__, "[hello][     hello][hello     ][he][        he][hel       ]", "[%s][%10s][%-10s][%.2s][%10.2s][%-10.3s]", "hello", "hello", "hello", "hello", "hello", "hello");
    check(__LINE__, "[(null)][][(null)]", "[%s][%.3s][%.6s]", (const char*)0, (const char*)0, (const char*)0);
    check(__LINE__, "[    42][42    ][42    ][0042][abc]", "[%*d][%-*d][%*d][%.*d][%.*s]", 6, 42, 6, 42, -6, 42, 4, 42, 3, "abcdef");
    check(__LINE__, "[3.141590][      2.72]", "[%.*f][%*.*f]", -1, 3.14159, 10, 2, 2.71828);
    check(__LINE__, "%|%|50%", "%%|%5%|%d%%", 50);
    check(__LINE__, "0.000000 1.000000 -1.500000 3.141593", "%f %f %f %f", 0.0, 1.0, -1.5, 3.14159265358979);
    check(__LINE__, "0 2 2 4 -0", "%.0f %.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5, -0.5);
    check(__LINE__, "0.1 0.12 1.000 0.3333333333", "%.1f %.2f %.3f %.10f", 0.05, 0.125, 1.0005, 1.0/3.0);
    check(__LINE__, "100000000000000000000.000000 123456789.125000", "%f %f", 1e20, 123456789.125);
    check(__LINE__, "0.10000000000000000555", "%.20f", 0.1);
    check(__LINE__, "[     3.142][3.142     ][-00003.142][+2.50][ 2.50][-0000002.2]", "[%10.3f][%-10.3f][%010.3f][%+.2f][% .2f][%+010.1f]", 3.14159, 3.14159, -3.14159, 2.5, 2.5, -2.25);
    check(__LINE__, "[3.][3.e+00][1.00000][100.]", "[%#.0f][%#.0e][%#g][%#.3g]", 3.0, 3.0, 1.0, 100.0);
    check(__LINE__, "0.000000e+00 1.000000e+00 1.234568e+05 1.234560E-04", "%e %e %e %E", 0.0, 1.0, 123456.789, 0.000123456);
    check(__LINE__, "1e+04 9.6e-01 9.999e+00 1.4285714286e-01", "%.0e %.1e %.3e %.10e", 12345.0, 0.96, 9.9995, 1.0/7.0);
    check(__LINE__, "1.000000e+300 1.000000e-300", "%e %e", 1e300, 1e-300);
    check(__LINE__, "4.940656e-324 1.797693e+308", "%e %e", 5e-324, 1.7976931348623157e308);
    check(__LINE__, "[  1.2346e+03][1.2346e+03  ][-01.2346e+03][+1.000000e+00]", "[%12.4e][%-12.4e][%012.4e][%+e]", 1234.5678, 1234.5678, -1234.5678, 1.0);
    check(__LINE__, "0 1 100000 1e+06 0.0001 1e-05", "%g %g %g %g %g %g", 0.0, 1.0, 100000.0, 1000000.0, 0.0001, 0.00001);
    check(__LINE__, "123457 1.23457e+06 3.14159 1e-10", "%g %g %g %g", 123456.7, 1234567.0, 3.14159265358979, 1e-10);
    check(__LINE__, "1E-10 1E+100 1e+15 0.1", "%G %G %g %g", 1e-10, 1e100, 1e15, 0.1);
    check(__LINE__, "1e+02 1e+02 1.2e+02 123 123.456 0.10000000000000001", "%.0g %.1g %.2g %.3g %.10g %.17g", 123.456, 123.456, 123.456, 123.456, 123.456, 0.1);
    check(__LINE__, "[       1.5][1.5       ][-0000001.5][+1.5][ 1.5]", "[%10g][%-10g][%010g][%+g][% g]", 1.5, 1.5, -1.5, 1.5, 1.5);
    check(__LINE__, "100 1e+06 1e+06", "%g %g %g", 100.0, 1e6, 9.9999995e5);
    check(__LINE__, "0.00012345 1.2345e+08", "%g %g", 0.00012345, 123450000.0);
    check(__LINE__, "inf -inf inf INF -INF INF", "%f %e %g %F %E %G", 1.0/0.0, -1.0/0.0, 1.0/0.0, 1.0/0.0, -1.0/0.0, 1.0/0.0);
    check(__LINE__, "[  nan][inf   ][   inf][+inf]", "[%5f][%-6e][%06g][%+f]", 0.0/0.0 < 0 ? 0.0 : __builtin_nan(""), __builtin_inf(), __builtin_inf(), __builtin_inf());
    check(__LINE__, "-0.000000 -0 -0.000000e+00", "%f %g %e", -0.0, -0.0, -0.0);
    check(__LINE__, "1.500000 2.25", "%Lf %Lg", (long double)1.5, (long double)2.25);
    check(__LINE__, "10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000", "%f", 1e100);
    check(__LINE__, "load=97 (x) 99.50%", "%s=%d (%c) %.2f%%", "load", 97, 'x', 99.5);
    check(__LINE__, "[0x1234][(nil)][     0xabc][0xabc     ][       (nil)]", "[%p][%p][%10p][%-10p][%12p]", (void*)0x1234, (void*)0, (void*)0xabc, (void*)0xabc, (void*)0);
    check(__LINE__, "", "%s", "");
    check(__LINE__, "     |     |", "%5s|%-5s|", "", "");
    check(__LINE__, "[    a][   ab][3    ][0x010][    0][5][5]", "[%05c][%05s][%-05d][%05p][%#5x][%+u][% x]", (int)97, "ab", 3, (void*)0x10, 0u, 5u, 5u);
    check(__LINE__, "0x1p+0 0x1.8p+1 0x1.999999999999ap-4 -0x1.4p+1 0x0p+0", "%a %a %a %a %a", 1.0, 3.0, 0.1, -2.5, 0.0);
    check(__LINE__, "0X1.FFP+7 0x0.0000000000001p-1022 0x1p-1022 0x1.fffffffffffffp+1023", "%A %a %a %a", 255.5, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308);
    check(__LINE__, "0x2p+0 0x2.0p+0 0x1.02p+0 0x1.99ap-4 0x1.999999999999ap-4 0x1.000000000000000p+0", "%.0a %.1a %.2a %.3a %.13a %.15a", 1.5, 1.96875, 1.0078125, 0.1, 0.1, 1.0);
    check(__LINE__, "0x1p+1 0x2p+0 0x1.0p+0", "%.0a %.0a %.1a", 2.5, 1.5, 1.03125);
    check(__LINE__, "[       0x1.8p+0][0x1.8p+0       ][-0x0000001.8p+0][+0x1.8p+0][ 0x1.8p+0][0x1.p+0][0x1.p+0]", "[%15a][%-15a][%015a][%+a][% a][%#a][%#.0a]", 1.5, 1.5, -1.5, 1.5, 1.5, 1.0, 1.0);
    check(__LINE__, "inf -INF -0x0p+0", "%a %A %a", __builtin_inf(), -__builtin_inf(), -0.0);
}

// snprintf at depth d of a recursion whose frames are of varying size.
static int deep(int d, int pad) {
    volatile char frame[64 + pad];
    frame[0] = static_cast<char>(d);
    if (d > 0) return deep(d - 1, (pad * 7 + 13) % 200) + frame[0] - d;
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%d %s %.2f %ld %c %d %d %d", 1, "two", 3.0, 4L, '5', 6, 7, 8);
    return n == 20 && same(buf, "1 two 3.00 4 5 6 7 8") ? 0 : 1;
}

int main() {
    checks();

    char small[8];
    int n = snprintf(small, sizeof small, "%s-%d", "truncated", 12345);
    if (n != 15 || !same(small, "truncat")) go::fmt::Println("truncation: got", n, small);
    if (snprintf(nullptr, 0, "%d", 123456) != 6) go::fmt::Println("snprintf(nullptr, 0) does not count");
    int pos = 0;
    snprintf(small, sizeof small, "ab%ncd", &pos);
    if (pos != 2) go::fmt::Println("%n stored", pos);

    int w = printf("printf: %d %i %x %.2f %e %s\n", 42, -7, 255u, 3.14159, 1.5, "ok");
    if (w != 38) go::fmt::Println("printf returned", w);
    puts("puts line");
    putchar('x'), putchar('y'), putchar('z'), putchar('\n');
    fwrite("fwrite\n", 1, 7, stdout);
    fprintf(stdout, "fprintf to stdout %d\n", 7);
    fprintf(stderr, "to stderr: %d\n", 5);
    fputs("fputs to stderr\n", stderr);
    fflush(stdout);

    if (failures == 0) printf("snprintf: all checks passed\n");

    auto bad = go::make_chan<int>(64);
    go::sync::WaitGroup wg;
    for (int g = 0; g < 64; g++) {
        wg.Add(1);
        go::go([&wg, bad, g] {
            int r = 0;
            for (int d = 0; d < 60; d++) r += deep(d, g * 3);
            bad.send(r);
            wg.Done();
        });
    }
    wg.Wait();
    int errs = 0;
    for (int g = 0; g < 64; g++) errs += bad.recv();
    if (errs == 0) printf("deep: all checks passed\n");
    else printf("deep: %d failures\n", errs);
}
