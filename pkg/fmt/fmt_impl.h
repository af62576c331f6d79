// fmt_impl.h — package fmt's internals, shared by print.cpp (Go's
// fmt/print.go: the pp state, argument and verb handling, Printf, Print,
// Println) and format.cpp (fmt/format.go: how each verb lays out a value).
// Not part of the public header.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "go/fmt.h"
#include "pkg/strconv/strconv.h"
#include "pkg/unicode/utf8/utf8.h"

namespace go::fmt::detail {

using strconv::Buf;

// Digits for fmtInteger; the 17th is the x of a 0x prefix.
inline constexpr char ldigits[] = "0123456789abcdefx";
inline constexpr char udigits[] = "0123456789ABCDEFX";

inline constexpr char nilAngle[] = "<nil>";

// Go limits widths and precisions to 1e6.
inline bool tooLarge(long x) { return x > 1000000 || x < -1000000; }

// strnlen (the packages link no libc).
inline size_t cstrnlen(const char* s, size_t max) {
    size_t n = 0;
    while (n < max && s[n]) n++;
    return n;
}

// One call's state: Go's pp (print.go) with its fmt (format.go) folded in.
struct Printer {
    Buf buf;
    Arg* args;
    int nargs;
    const Arg* cur = nullptr;  // the argument being printed, for badVerb

    // Go's fmtFlags, width and precision.
    bool widPresent, precPresent, minus, plus, sharp, space, zero, plusV, sharpV;
    int wid, prec;

    bool reordered = false, goodArgNum = true;

    Printer(char* stack, size_t n, Arg* a, int na) : buf(stack, n), args(a), nargs(na) {
        clearflags();
        for (int i = 0; i < na; i++)  // C strings: find their length once
            if (a[i].kind == Kind::String && a[i].cstr) a[i].n = cstrnlen(a[i].s, a[i].n);
    }

    void clearflags() {
        widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
        wid = prec = 0;
    }

    // ---- format.go: padding
    void writePadding(long n) {
        if (n > 0) buf.fill(zero ? '0' : ' ', (size_t)n);
    }
    void padString(const char* s, size_t n) {
        if (!widPresent || wid == 0) return buf.put(s, n);
        long width = wid - (long)unicode::utf8::runeCount(s, n);
        if (!minus) writePadding(width);
        buf.put(s, n);
        if (minus) writePadding(width);
    }
    void padString(const char* s) { padString(s, strconv::cstrlen(s)); }
    // Pad what was formatted in place since start.
    void padFrom(size_t start) {
        if (!widPresent || wid == 0) return;
        long width = wid - (long)unicode::utf8::runeCount(buf.p + start, buf.len - start);
        if (width <= 0) return;
        if (minus) writePadding(width);
        else buf.insert(start, zero ? '0' : ' ', (size_t)width);
    }
    // Go's truncateString: the byte length of the first prec runes.
    size_t truncate(const char* s, size_t n) {
        if (!precPresent) return n;
        long left = prec;
        for (size_t i = 0; i < n; left--) {
            if (left <= 0) return i;
            int w = 1;
            if ((uint8_t)s[i] >= 0x80) unicode::utf8::decodeRune(s + i, n - i, &w);
            i += w;
        }
        return n;
    }

    void fmtBoolean(bool v) { padString(v ? "true" : "false"); }
    void fmtInteger(uint64_t u, int base, bool isSigned, int32_t verb, const char* digits);
    void fmtUnicode(uint64_t u);
    void fmtS(const char* s, size_t n) { padString(s, truncate(s, n)); }
    void fmtSbx(const char* s, size_t n, const char* digits);
    void fmtQ(const char* s, size_t n);
    void fmtC(uint64_t c);
    void fmtQc(uint64_t c);
    void fmtFloat(double v, int size, char verb, int prec);
    void floatSharp(size_t start, char verb, int prec);

    // ---- print.go
    void badVerb(int32_t verb);
    void fmtBool(bool v, int32_t verb);
    void fmt0x64(uint64_t v, bool leading0x);
    void ppFmtInteger(uint64_t v, bool isSigned, int32_t verb);
    void ppFmtFloat(double v, int size, int32_t verb);
    void fmtString(const char* s, size_t n, int32_t verb);
    void fmtPointer(const Arg& a, int32_t verb);
    void printArg(const Arg& a, int32_t verb);
    void putTypeName(const Arg& a);
    void intFromArg(int& argNum, int& num, bool& isInt);
    int argNumber(int argNum, const char* format, size_t& i, size_t end, bool& found);
    void parseFlags(const char* format, size_t& i, size_t end);
    void parseWidthPrec(const char* format, size_t& i, size_t end, int& argNum, bool& afterIndex);
    void printVerb(int32_t verb, int& argNum);
    void printExtra(int argNum);
    void doPrintf(Format format);
    void doPrint();
    void doPrintln();
    void printValue(const Arg& a);
};

}  // namespace go::fmt::detail
