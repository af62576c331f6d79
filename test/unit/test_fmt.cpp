// test_fmt.cpp — go::fmt against the exact strings Go 1.19's fmt prints.
//
// Most expectations come from running Go itself: tools/gen_fmt_tables.go writes
// fmt_cases.h (verbs × flags × values per type, whole calls with errors and
// argument indexes, Print/Println spacing) and fmt_floats.h (shortest and
// fixed-precision float formatting of thousands of random floats). The rest
// (pointers, C++-only types, the single write, buffers) are checked here.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "go/fmt.h"
#include "pkg/strconv/strconv.h"
#include "hosted.h"

// strconv.FormatFloat, for the tests of the float algorithm on its own.
static std::string formatFloat(double v, char fmt, int prec, int bitSize) {
    char stack[256];
    go::strconv::Buf b(stack, sizeof stack);
    go::strconv::appendFloat(b, v, fmt, prec, bitSize);
    return std::string(b.p, b.len);
}

// ---- What the runtime provides, captured ------------------------------------

namespace {
struct Capture {
    std::string out;
    std::vector<int> fds;
    int calls = 0;
    long fail = 0;  // when nonzero, Write returns this (a negative errno)
    void reset() { *this = Capture{}; }
};
Capture cap;

// Outputs over 256 bytes go to the runtime's heap, which wants a g and an m
// on the calling thread and an initialised heap (both idempotent).
struct FmtFixture {
    FmtFixture() {
        hosted::attach(nullptr);
        runtime::mallocinit();
    }
};
}  // namespace

namespace go::os {
// The real one is package os's (pkg/os/os.cpp); here it records every call.
long Write(int fd, const void* p, size_t n) {
    cap.calls++;
    cap.fds.push_back(fd);
    if (cap.fail) return cap.fail;
    cap.out.append(static_cast<const char*>(p), n);
    return (long)n;
}
}  // namespace go::os

// Format with Sprintf into a buffer big enough for anything in the tables.
// The templates stay thin (no Catch2 macros) so that the hundreds of
// argument-type combinations in the tables compile quickly.
std::vector<char> sbuf(1 << 16);
std::string sprintfResult(int n) {
    REQUIRE(n >= 0);
    REQUIRE((size_t)n < sbuf.size());
    return std::string(sbuf.data(), n);
}
template <class... A> std::string S(const char* format, const A&... a) {
    return sprintfResult(go::fmt::Sprintf(sbuf.data(), sbuf.size(), format, a...));
}

// Printf through the captured Write: exactly one write, all of it.
std::string printfResult(int n) {
    REQUIRE(cap.calls == 1);
    CHECK(cap.fds[0] == 1);
    CHECK(n == (int)cap.out.size());
    return cap.out;
}
template <class... A> std::string P(const char* format, const A&... a) {
    cap.reset();
    return printfResult(go::fmt::Printf(format, a...));
}

using namespace std::literals;  // the generated rows spell outputs with a NUL as ""sv

template <class T, size_t N> struct Row {
    T v;
    std::string_view want[N];
};

struct FixedCase {
    const char* value;  // the float, in its shortest form
    char verb;
    int prec;
    const char* want;
};

void checkCase(int line, const char* format, const char* want, const std::string& got, const std::string& printed) {
    INFO("fmt_cases.h:" << line << " format " << format);
    CHECK(got == want);
    CHECK(printed == want);
}
#define FMT_CASE(want, ...) checkCase(__LINE__, FIRST(__VA_ARGS__), want, S(__VA_ARGS__), P(__VA_ARGS__))
#define FIRST(first, ...) first

// Print and Println of the same operands, each one write.
struct Printed {
    std::string out;
    int n, calls;
};
template <class... A> Printed doPrint(bool ln, const A&... a) {
    cap.reset();
    int n = ln ? go::fmt::Println(a...) : go::fmt::Print(a...);
    return {cap.out, n, cap.calls};
}
void checkPrint(int line, const char* want, const Printed& got) {
    INFO("fmt_cases.h:" << line);
    CHECK(got.calls == 1);
    CHECK(got.out == want);
    CHECK(got.n == (int)got.out.size());
}
#define PRINT_CASE(wantPrint, wantPrintln, ...)                       \
    do {                                                              \
        checkPrint(__LINE__, wantPrint, doPrint(false __VA_OPT__(, ) __VA_ARGS__)); \
        checkPrint(__LINE__, wantPrintln, doPrint(true __VA_OPT__(, ) __VA_ARGS__)); \
    } while (0)

#include "fmt_cases.h"
#include "fmt_floats.h"

template <class T, size_t N, size_t M>
void checkRows(const char* const (&formats)[N], const Row<T, N> (&rows)[M]) {
    for (const auto& row : rows) {
        for (size_t i = 0; i < N; i++) {
            INFO("format " << formats[i] << " row " << (&row - rows));
            CHECK(S(formats[i], row.v) == row.want[i]);
        }
    }
}

TEST_CASE_METHOD(FmtFixture, "fmt: integers, every verb and flag, as Go prints them", "[fmt]") {
    checkRows(kIntCasesFormats, kIntCases);
    checkRows(kInt64CasesFormats, kInt64Cases);
    checkRows(kUint64CasesFormats, kUint64Cases);
    checkRows(kUintCasesFormats, kUintCases);
    checkRows(kInt8CasesFormats, kInt8Cases);
    checkRows(kInt16CasesFormats, kInt16Cases);
    checkRows(kUint8CasesFormats, kUint8Cases);
    checkRows(kUint16CasesFormats, kUint16Cases);
}

TEST_CASE_METHOD(FmtFixture, "fmt: floats, every verb and flag, as Go prints them", "[fmt]") {
    checkRows(kDoubleCasesFormats, kDoubleCases);
    checkRows(kFloatCasesFormats, kFloatCases);
}

TEST_CASE_METHOD(FmtFixture, "fmt: strings and bools, every verb and flag, as Go prints them", "[fmt]") {
    checkRows(kStringCasesFormats, kStringCases);
    checkRows(kBoolCasesFormats, kBoolCases);
}

TEST_CASE_METHOD(FmtFixture, "fmt: whole calls: errors, arity, indexes, star arguments", "[fmt]") {
    for (auto f : kFmtMulti) f();
}

TEST_CASE_METHOD(FmtFixture, "fmt: Print and Println spacing", "[fmt]") {
    for (auto f : kFmtPrint) f();
}

// Print and Println format with their own %v path (pkg/fmt/print.cpp: printValue);
// it must agree with Sprintf's %v for every kind of operand.
TEST_CASE_METHOD(FmtFixture, "fmt: Print's operands look as Sprintf %v shows them", "[fmt]") {
    int x = 7;
    int* nilp = nullptr;
    const void* vp = &x;
    auto same = [](auto v) {
        char want[128];
        go::fmt::Sprintf(want, sizeof want, "%v", v);
        Printed got = doPrint(false, v);
        INFO("want " << want);
        CHECK(got.out == want);
    };
    same(&x);
    same(nilp);
    same(vp);
    same(nullptr);
    same(true);
    same(false);
    same(int64_t(-9223372036854775807 - 1));
    same(uint64_t(18446744073709551615u));
    same(uint8_t(200));
    same('A');
    same("text");
    same(std::string("string"));
    same(3.25);
    same(1e-7f);
}

TEST_CASE_METHOD(FmtFixture, "fmt: shortest float formatting matches Go on random doubles", "[fmt][float]") {
    for (const char* s : kShortest64) {
        double d = strtod(s, nullptr);
        INFO(s);
        CHECK(S("%v", d) == s);
        CHECK(formatFloat(d, 'g', -1, 64) == s);
    }
    for (const char* s : kShortest32) {
        float f = strtof(s, nullptr);
        INFO(s);
        CHECK(S("%v", f) == s);
    }
}

TEST_CASE_METHOD(FmtFixture, "fmt: fixed-precision %e %f %g match Go on random doubles", "[fmt][float]") {
    for (const auto& c : kFixed64) {
        double d = strtod(c.value, nullptr);
        INFO(c.value << " %." << c.prec << c.verb);
        CHECK(formatFloat(d, c.verb, c.prec, 64) == c.want);
        char format[8] = {'%', '.', '*', c.verb, 0};
        CHECK(S(format, c.prec, d) == c.want);
    }
}

TEST_CASE_METHOD(FmtFixture, "fmt: float edge values", "[fmt][float]") {
    auto bits = [](uint64_t b) {
        double d;
        memcpy(&d, &b, 8);
        return d;
    };
    CHECK(S("%v", bits(1)) == "5e-324");
    CHECK(S("%v", bits(0x000fffffffffffffULL)) == "2.225073858507201e-308");  // largest subnormal
    CHECK(S("%v", bits(0x0010000000000000ULL)) == "2.2250738585072014e-308");
    CHECK(S("%v", bits(0x7fefffffffffffffULL)) == "1.7976931348623157e+308");
    CHECK(S("%v", 9007199254740993.0) == "9.007199254740992e+15");
    CHECK(S("%v %v %v", 1e22, 1e23, 5e-310) == "1e+22 1e+23 5e-310");
    CHECK(S("%v", std::nan("")) == "NaN");
    CHECK(S("%v %.3f", -0.0, -0.0) == "-0 -0.000");
    CHECK(S("%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5) == "0 2 2 4");  // ties to even
    CHECK(S("%.1f %.2f", 0.25, 1.005) == "0.2 1.00");                   // on the exact value
    CHECK(S("%v", (long double)0.1) == "0.1");
    // %f of the largest double: all 309 digits, exact.
    std::string big = S("%.0f", bits(0x7fefffffffffffffULL));
    CHECK(big.size() == 309);
    CHECK(big.substr(0, 20) == "17976931348623157081");
    CHECK(big.substr(303) == "858368");
    // A huge precision pads with zeros beyond the exact expansion.
    std::string tiny = S("%.2000f", 0.5);
    CHECK(tiny.size() == 2002);
    CHECK(tiny.substr(0, 4) == "0.50");
    CHECK(tiny.find_first_not_of('0', 3) == std::string::npos);
}

TEST_CASE_METHOD(FmtFixture, "fmt: output crossing the stack buffer's end", "[fmt]") {
    // Each verb formatted at every offset around the 256-byte stack buffer,
    // so in-place work (digits, padding, rounding) meets the move to the heap.
    const char* verbs[] = {"%v", "%.0f", "%10d", "%-10s|", "%q", "%x", "%010.3f", "%#U", "%e", "%8.3v"};
    for (size_t pad = 240; pad < 272; pad++) {
        std::string prefix(pad, 'a');
        for (const char* v : verbs) {
            std::string want = S(v, 0.6) + S(v, 12345) + S(v, "h\u00e9");
            std::string format = prefix + v + v + v;
            INFO("pad " << pad << " verb " << v);
            CHECK(S(format.c_str(), 0.6, 12345, "h\u00e9") == prefix + want);
        }
    }
}

// ---- Types only C++ has ---------------------------------------------------------

struct Widget {
    int x;
};
enum Color { Red, Green, Blue };
enum class Small : unsigned char { A = 200 };

static std::string hexAddr(const void* p) {
    char buf[32];
    snprintf(buf, sizeof buf, "0x%lx", (unsigned long)(uintptr_t)p);
    return buf;
}

TEST_CASE_METHOD(FmtFixture, "fmt: pointers print like Go's", "[fmt]") {
    int x = 5;
    int* ip = &x;
    std::string a = hexAddr(ip);
    CHECK(S("%p", ip) == a);
    CHECK(S("%v", ip) == a);
    CHECK(S("%#p", ip) == a.substr(2));
    CHECK(S("%#v", ip) == "(*int)(" + a + ")");
    CHECK(S("%x", ip) == a.substr(2));
    CHECK(S("%d", ip) == std::to_string((uintptr_t)ip));
    CHECK(S("%s", ip) == "%!s(*int=" + a + ")");
    CHECK(S("%T", ip) == "*int");
    CHECK(S("%20p|", ip) == std::string(20 - a.size(), ' ') + a + "|");
    int* nil = nullptr;
    CHECK(S("%p %v %d %x %#v", nil, nil, nil, nil, nil) == "0x0 <nil> 0 0 (*int)(nil)");
    CHECK(S("%s %c", nil, nil) == "%!s(*int=<nil>) %!c(*int=<nil>)");
    CHECK(S("%8v|", nil) == "   <nil>|");
    // Type names: void* is unsafe.Pointer; classes and enums by C++ name.
    void* vp = nullptr;
    const Widget* wp = nullptr;
    int** ipp = nullptr;
    double* dp = nullptr;
    void (*fn)() = nullptr;
    CHECK(S("%T %T %T %T %T", vp, wp, ipp, dp, fn) == "unsafe.Pointer *Widget **int *float64 func");
    CHECK(S("%d", &x, 1) == std::to_string((uintptr_t)&x) + "%!(EXTRA int=1)");
    CHECK(S("%s", wp) == "%!s(*Widget=<nil>)");
    CHECK(S("%d", vp, ipp) == "0%!(EXTRA **int=<nil>)");
    CHECK(S("%v %p", (const void*)0x1234, (const void*)0x1234) == "0x1234 0x1234");
    CHECK(S("%010p|%-8p|", (void*)0xab, (void*)0xab) == "0x00000000ab|0xab    |");
}

TEST_CASE_METHOD(FmtFixture, "fmt: C++ types map onto Go's", "[fmt]") {
    // char is byte: a number, except with %c and %q.
    CHECK(S("%v %d %c %q %T", 'A', 'A', 'A', 'A', 'A') == "65 65 A 'A' uint8");
    CHECK(S("%v", (char)-1) == "255");
    CHECK(S("%v %T", (signed char)-1, (signed char)-1) == "-1 int8");
    CHECK(S("%v %T", (unsigned char)200, (unsigned char)200) == "200 uint8");
    CHECK(S("%T %T %T %T", 1, 1u, 1L, 1UL) == "int uint int64 uint64");
    CHECK(S("%T %T %T %T", (short)1, (unsigned short)1, 1LL, 1ULL) == "int16 uint16 int64 uint64");
    CHECK(S("%T %T %T", U'x', u'x', L'x') == "uint32 uint16 int32");
    CHECK(S("%c%c", U'é', L'日') == "é日");
    CHECK(S("%T %T", 1.0f, 1.0) == "float32 float64");
    CHECK(S("%v %T %s", Green, Blue, Red) == "1 Color %!s(Color=0)");
    CHECK(S("%v %T", Small::A, Small::A) == "200 Small");
    CHECK(S("%v %t %T", true, false, true) == "true false bool");
    // Strings: literals, arrays (up to the first NUL), pointers, views.
    char arr[8] = "ab";
    char* mp = arr;
    const char* cp = "cd";
    std::string str("e\0f", 3);
    std::string_view sv("ghij", 2);
    CHECK(S("%s|%s|%s|%s|%s|%s", "lit", arr, mp, cp, str, sv) == std::string("lit|ab|ab|cd|e\0f|gh", 19));
    CHECK(S("%q %x", str, sv) == "\"e\\x00f\" 6768");
    CHECK(S("%T %T %T %T", "lit", arr, cp, sv) == "string string string string");
    CHECK(S("%v", u8"ü") == "ü");
    CHECK(S("%s|%v", std::string_view(), std::string()) == "|");
    // A null char pointer is a nil interface, not a string.
    const char* none = nullptr;
    CHECK(S("%s %v %d %T %q", none, none, none, none, none) == "%!s(<nil>) <nil> %!d(<nil>) <nil> %!q(<nil>)");
    CHECK(S("%p", cp) == "%!p(string=cd)");  // a string has no address in Go
    CHECK(S("", none) == "%!(EXTRA <nil>)");
    CHECK(S("%v %s %T %d", nullptr, nullptr, nullptr, nullptr) == "<nil> %!s(<nil>) <nil> %!d(<nil>)");
    // Print treats a nil as a non-string operand.
    cap.reset();
    go::fmt::Print(1, none, 2, "s", none);
    CHECK(cap.out == "1 <nil> 2s<nil>");
}

TEST_CASE_METHOD(FmtFixture, "fmt: each call is exactly one write, whatever its size", "[fmt]") {
    cap.reset();
    std::string line(5000, 'x');
    int n = go::fmt::Printf("%s|%d|%s\n", line, 42, line);
    CHECK(cap.calls == 1);
    CHECK(n == 10005);
    CHECK(cap.out == line + "|42|" + line + "\n");

    cap.reset();
    n = go::fmt::Println(line, line, 1.5);
    CHECK(cap.calls == 1);
    CHECK(cap.out == line + " " + line + " 1.5\n");
    CHECK(n == 10006);

    cap.reset();
    n = go::fmt::Printf("%*d|", 100000, 7);
    CHECK(cap.calls == 1);
    CHECK(n == 100001);
    CHECK(cap.out == std::string(99999, ' ') + "7|");

    cap.reset();
    n = go::fmt::Fprintf(2, "err %d\n", 1);
    CHECK(cap.calls == 1);
    CHECK(cap.fds == std::vector<int>{2});
    CHECK(cap.out == "err 1\n");
    n = go::fmt::Fprintln(7, "a", 1);
    n = go::fmt::Fprint(8, "b", 2);
    CHECK(cap.fds == std::vector<int>{2, 7, 8});
    CHECK(cap.out == "err 1\na 1\nb2");

    cap.reset();
    CHECK(go::fmt::Printf("") == 0);
    CHECK(go::fmt::Println() == 1);
    CHECK(cap.calls == 2);
    CHECK(cap.out == "\n");

    // Go lets a width reach 1e7 (its check comes before the last digit).
    cap.reset();
    CHECK(go::fmt::Printf("%10000000d", 1) == 10000000);
    CHECK(cap.calls == 1);
}

TEST_CASE_METHOD(FmtFixture, "fmt: a failed write returns the negative errno", "[fmt]") {
    cap.reset();
    cap.fail = -EBADF;
    CHECK(go::fmt::Printf("hello %d\n", 1) == -EBADF);
    CHECK(go::fmt::Println("x") == -EBADF);
    CHECK(go::fmt::Fprint(3, std::string(3000, 'y')) == -EBADF);
    CHECK(cap.calls == 3);
}

TEST_CASE_METHOD(FmtFixture, "fmt: Sprintf is snprintf-like", "[fmt]") {
    char buf[8];
    memset(buf, '#', sizeof buf);
    CHECK(go::fmt::Sprintf(buf, sizeof buf, "%d-%s", 12345, "abcdef") == 12);
    CHECK(std::string(buf) == "12345-a");
    memset(buf, '#', sizeof buf);
    CHECK(go::fmt::Sprintf(buf, 1, "abc") == 3);
    CHECK(buf[0] == 0);
    CHECK(buf[1] == '#');
    CHECK(go::fmt::Sprintf(nullptr, 0, "%05.1f", 2.25) == 5);
    CHECK(go::fmt::Sprintf(buf, sizeof buf, "%s", "1234567") == 7);
    CHECK(std::string(buf) == "1234567");
    // A long result: the full length back, the prefix kept.
    std::vector<char> out(10);
    std::string big(3000, 'z');
    CHECK(go::fmt::Sprintf(out.data(), out.size(), "<%s>", big) == 3002);
    CHECK(std::string(out.data()) == "<zzzzzzzz");
    // The output may be one of the arguments.
    char self[32] = "abc";
    go::fmt::Sprintf(self, sizeof self, "%s-%s", self, self);
    CHECK(std::string(self) == "abc-abc");
    cap.reset();
    go::fmt::Sprintf(buf, sizeof buf, "x");
    CHECK(cap.calls == 0);  // Sprintf never writes to a file
}

TEST_CASE_METHOD(FmtFixture, "fmt: Printf and Sprintf agree", "[fmt]") {
    CHECK(P("%5.2f|%-6s|%x|%v", 3.14159, "go", 255u, 1e21) == S("%5.2f|%-6s|%x|%v", 3.14159, "go", 255u, 1e21));
    CHECK(P("%v %v", 1, "a") == "1 a");
}

TEST_CASE_METHOD(FmtFixture, "fmt: IsPrint tables agree with Go's strconv.IsPrint", "[fmt]") {
    // The count of printable runes in [-10, 0x110010] and a hash of them,
    // both computed by Go 1.19 (strconv.IsPrint).
    uint64_t n = 0, h = 0;
    for (int32_t r = -10; r <= 0x110010; r++) {
        if (go::strconv::isPrint(r)) {
            n++;
            h = h * 31 + (uint64_t)(int64_t)r;
        }
    }
    CHECK(n == 143680);
    CHECK(h == 12258534981884806324ULL);
}
