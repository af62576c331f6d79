// print.cpp — Go's fmt/print.go: the engine behind go::fmt (go/fmt.h).
// One call formats all its operands into one buffer (strconv::Buf: the
// caller's stack, then the heap) and hands it to the file in a single
// write, so lines printed by different goroutines never interleave; fmt
// writes through package os (go::os::Write), as Go's fmt writes to an
// os.File. Parsing of the format (flags, width, precision, [n] indexes)
// and the choice of layout per argument kind are here; the layouts are in
// format.cpp.
#include "pkg/fmt/fmt_impl.h"

#include "go/os.h"

namespace go::fmt::detail {

void Printer::putTypeName(const Arg& a) {
    if (a.kind == Kind::Nil) return buf.puts(nilAngle);
    buf.fill('*', a.stars);
    if (!a.pretty) return buf.puts(a.tname);
    // __PRETTY_FUNCTION__: "... prettyName() [with T = Foo]" (g++) or
    // "[T = Foo]" (clang): take what follows "T = " up to the closing ']'.
    const char* s = a.tname;
    for (; *s; s++)
        if (s[0] == 'T' && s[1] == ' ' && s[2] == '=' && s[3] == ' ') break;
    if (!*s) return buf.put('?');
    s += 4;
    size_t n = strconv::cstrlen(s);
    if (n > 0 && s[n - 1] == ']') n--;
    buf.put(s, n);
}

void Printer::badVerb(int32_t verb) {
    buf.put("%!", 2);
    strconv::appendRune(buf, verb);
    buf.put('(');
    if (cur == nullptr || cur->kind == Kind::Nil) {
        buf.puts(nilAngle);
    } else {
        const Arg* a = cur;
        putTypeName(*a);
        buf.put('=');
        printArg(*a, 'v');
    }
    buf.put(')');
}

void Printer::fmtBool(bool v, int32_t verb) {
    if (verb == 't' || verb == 'v') fmtBoolean(v);
    else badVerb(verb);
}

void Printer::fmt0x64(uint64_t v, bool leading0x) {
    bool old = sharp;
    sharp = leading0x;
    fmtInteger(v, 16, false, 'v', ldigits);
    sharp = old;
}

void Printer::ppFmtInteger(uint64_t v, bool isSigned, int32_t verb) {
    switch (verb) {
    case 'v':
        if (sharpV && !isSigned) fmt0x64(v, true);
        else fmtInteger(v, 10, isSigned, verb, ldigits);
        break;
    case 'd': fmtInteger(v, 10, isSigned, verb, ldigits); break;
    case 'b': fmtInteger(v, 2, isSigned, verb, ldigits); break;
    case 'o':
    case 'O': fmtInteger(v, 8, isSigned, verb, ldigits); break;
    case 'x': fmtInteger(v, 16, isSigned, verb, ldigits); break;
    case 'X': fmtInteger(v, 16, isSigned, verb, udigits); break;
    case 'c': fmtC(v); break;
    case 'q': fmtQc(v); break;
    case 'U': fmtUnicode(v); break;
    default: badVerb(verb);
    }
}

void Printer::ppFmtFloat(double v, int size, int32_t verb) {
    switch (verb) {
    case 'v': fmtFloat(v, size, 'g', -1); break;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X': fmtFloat(v, size, (char)verb, -1); break;
    case 'f':
    case 'e':
    case 'E': fmtFloat(v, size, (char)verb, 6); break;
    case 'F': fmtFloat(v, size, 'f', 6); break;
    default: badVerb(verb);
    }
}

void Printer::fmtString(const char* s, size_t n, int32_t verb) {
    switch (verb) {
    case 'v':
        if (sharpV) fmtQ(s, n);
        else fmtS(s, n);
        break;
    case 's': fmtS(s, n); break;
    case 'x': fmtSbx(s, n, ldigits); break;
    case 'X': fmtSbx(s, n, udigits); break;
    case 'q': fmtQ(s, n); break;
    default: badVerb(verb);
    }
}

void Printer::fmtPointer(const Arg& a, int32_t verb) {
    if (a.kind != Kind::Pointer) return badVerb(verb);
    uint64_t u = (uint64_t)(uintptr_t)a.p;
    switch (verb) {
    case 'v':
        if (sharpV) {  // Go syntax: (*T)(0x...) or (*T)(nil)
            buf.put('(');
            putTypeName(a);
            buf.put(")(", 2);
            if (u == 0) buf.put("nil", 3);
            else fmt0x64(u, true);
            buf.put(')');
        } else if (u == 0) {
            padString(nilAngle);
        } else {
            fmt0x64(u, !sharp);
        }
        break;
    case 'p': fmt0x64(u, !sharp); break;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X': ppFmtInteger(u, false, verb); break;
    default: badVerb(verb);
    }
}

void Printer::printArg(const Arg& a, int32_t verb) {
    cur = &a;
    if (a.kind == Kind::Nil) {
        if (verb == 'T' || verb == 'v') padString(nilAngle);
        else badVerb(verb);
        return;
    }
    if (verb == 'T') {  // fmtS of the type's name
        size_t start = buf.len;
        putTypeName(a);
        buf.len = start + truncate(buf.p + start, buf.len - start);
        return padFrom(start);
    }
    if (verb == 'p') return fmtPointer(a, 'p');
    switch (a.kind) {
    case Kind::Bool: fmtBool(a.b, verb); break;
    case Kind::Float32: a.floatfn(this, a.f, 32, verb); break;
    case Kind::Float64: a.floatfn(this, a.f, 64, verb); break;
    case Kind::Int: ppFmtInteger(a.u, true, verb); break;
    case Kind::Uint: ppFmtInteger(a.u, false, verb); break;
    case Kind::String: fmtString(a.s, a.n, verb); break;
    default: fmtPointer(a, verb); break;
    }
}

namespace {

// parsenum: a decimal number at format[i:end); num 0 and ok false if none,
// and the whole rest of the format consumed if it is absurdly long.
bool parsenum(const char* format, size_t& i, size_t end, int& num) {
    num = 0;
    bool isnum = false;
    long n = 0;
    for (; i < end && '0' <= format[i] && format[i] <= '9'; i++) {
        if (tooLarge(n)) {
            i = end;
            return false;
        }
        n = n * 10 + (format[i] - '0');
        isnum = true;
    }
    num = (int)n;
    return isnum;
}

}  // namespace

// intFromArg: a * width or precision; any integer kind that fits.
void Printer::intFromArg(int& argNum, int& num, bool& isInt) {
    num = 0;
    isInt = false;
    if (argNum >= nargs) return;
    const Arg& a = args[argNum++];
    int64_t v = 0;
    if (a.kind == Kind::Int) v = a.i, isInt = true;
    else if (a.kind == Kind::Uint && (int64_t)a.u >= 0) v = (int64_t)a.u, isInt = true;
    if (!isInt || tooLarge(v)) {
        isInt = false;
        return;
    }
    num = (int)v;
}

// argNumber: an explicit [n] index at format[i]; sets found and returns
// the (zero-based) argument to use next.
int Printer::argNumber(int argNum, const char* format, size_t& i, size_t end, bool& found) {
    found = false;
    if (i >= end || format[i] != '[') return argNum;
    reordered = true;
    // parseArgNumber: "[n]" needs at least 3 bytes and a closing bracket.
    size_t close = i + 1;
    while (close < end && format[close] != ']') close++;
    if (end - i < 3 || close >= end) {
        i += 1;
        goodArgNum = false;
        return argNum;
    }
    size_t j = i + 1;
    int n;
    bool ok = parsenum(format, j, close, n) && j == close;
    i = close + 1;
    if (ok && 1 <= n && n <= nargs) {
        found = true;
        return n - 1;
    }
    goodArgNum = false;
    found = ok;
    return argNum;
}

// The flags after a '%': # 0 + - space.
void Printer::parseFlags(const char* format, size_t& i, size_t end) {
    for (; i < end; i++) {
        char c = format[i];
        if (c == '#') sharp = true;
        else if (c == '0') zero = !minus;  // zero padding only to the left
        else if (c == '+') plus = true;
        else if (c == '-') minus = true, zero = false;
        else if (c == ' ') space = true;
        else return;
    }
}

// Width, then precision, each a number or '*', each possibly preceded by an
// argument index: what follows the flags of one verb.
void Printer::parseWidthPrec(const char* format, size_t& i, size_t end, int& argNum, bool& afterIndex) {
    argNum = argNumber(argNum, format, i, end, afterIndex);
    if (i < end && format[i] == '*') {
        i++;
        intFromArg(argNum, wid, widPresent);
        if (!widPresent) buf.puts("%!(BADWIDTH)");
        if (wid < 0) {  // a negative width means left-justify
            wid = -wid;
            minus = true;
            zero = false;
        }
        afterIndex = false;
    } else {
        widPresent = parsenum(format, i, end, wid);
        if (afterIndex && widPresent) goodArgNum = false;  // "%[3]2d"
    }
    if (i + 1 < end && format[i] == '.') {  // a '.' that ends the format is the verb
        i++;
        if (afterIndex) goodArgNum = false;  // "%[3].2d"
        argNum = argNumber(argNum, format, i, end, afterIndex);
        if (i < end && format[i] == '*') {
            i++;
            intFromArg(argNum, prec, precPresent);
            if (prec < 0) {  // a negative precision means none
                prec = 0;
                precPresent = false;
            }
            if (!precPresent) buf.puts("%!(BADPREC)");
            afterIndex = false;
        } else {
            parsenum(format, i, end, prec);  // none ("%.d") is precision 0
            precPresent = true;
        }
    }
    if (!afterIndex) argNum = argNumber(argNum, format, i, end, afterIndex);
}

// One verb, its operand chosen: print it or say why not.
void Printer::printVerb(int32_t verb, int& argNum) {
    if (verb == '%') {  // absorbs no operand, ignores width and precision
        buf.put('%');
        return;
    }
    if (!goodArgNum || argNum >= nargs) {
        buf.put("%!", 2);
        strconv::appendRune(buf, verb);
        buf.puts(!goodArgNum ? "(BADINDEX)" : "(MISSING)");
        return;
    }
    if (verb == 'v') {  // %#v is Go syntax, %+v field names
        sharpV = sharp;
        sharp = false;
        plusV = plus;
        plus = false;
    }
    printArg(args[argNum++], verb);
}

// %!(EXTRA type=value, ...) for operands no verb used.
void Printer::printExtra(int argNum) {
    clearflags();
    buf.puts("%!(EXTRA ");
    for (int k = argNum; k < nargs; k++) {
        if (k > argNum) buf.put(", ", 2);
        if (args[k].kind == Kind::Nil) {
            buf.puts(nilAngle);
            continue;
        }
        putTypeName(args[k]);
        buf.put('=');
        printArg(args[k], 'v');
    }
    buf.put(')');
}

void Printer::doPrintf(Format f) {
    const char* format = f.s;
    size_t end = !format ? 0 : f.n == Format::NulTerminated ? strconv::cstrlen(format) : f.n;
    int argNum = 0;
    bool afterIndex = false;  // the previous item was an index like [3]
    reordered = false;
    for (size_t i = 0; i < end;) {
        goodArgNum = true;
        size_t lasti = i;
        while (i < end && format[i] != '%') i++;
        if (i > lasti) buf.put(format + lasti, i - lasti);
        if (i >= end) break;
        i++;  // the '%'
        clearflags();
        parseFlags(format, i, end);
        parseWidthPrec(format, i, end, argNum, afterIndex);
        if (i >= end) {
            buf.puts("%!(NOVERB)");
            break;
        }
        int w = 1;
        int32_t verb = (uint8_t)format[i];
        if (verb >= 0x80) verb = unicode::utf8::decodeRune(format + i, end - i, &w);
        i += w;
        printVerb(verb, argNum);
    }
    // Extra operands, unless the format reordered them (then it cannot tell).
    if (!reordered && argNum < nargs) printExtra(argNum);
}

// printArg(a, 'v') with no flags, as Print and Println use it, in its own
// function: it reaches none of the other verbs, so a program that only ever
// prints with them does not link quoting and its Unicode tables (%q, %c, %U)
// or badVerb. Floats still go through their own pointer (go/fmt.h).
void Printer::printValue(const Arg& a) {
    cur = &a;
    switch (a.kind) {
    case Kind::Nil: padString(nilAngle); break;
    case Kind::Bool: fmtBoolean(a.b); break;
    case Kind::Float32: a.floatfn(this, a.f, 32, 'v'); break;
    case Kind::Float64: a.floatfn(this, a.f, 64, 'v'); break;
    case Kind::Int: fmtInteger(a.u, 10, true, 'v', ldigits); break;
    case Kind::Uint: fmtInteger(a.u, 10, false, 'v', ldigits); break;
    case Kind::String: fmtS(a.s, a.n); break;
    default:  // pointers: fmtPointer's %v without flags
        if (a.p == nullptr) padString(nilAngle);
        else fmt0x64((uint64_t)(uintptr_t)a.p, true);
        break;
    }
}

// Print: a space between operands when neither is a string.
void Printer::doPrint() {
    bool prevString = false;
    for (int k = 0; k < nargs; k++) {
        bool isString = args[k].kind == Kind::String;
        if (k > 0 && !isString && !prevString) buf.put(' ');
        printValue(args[k]);
        prevString = isString;
    }
}

// Println: always a space between operands, and a newline.
void Printer::doPrintln() {
    for (int k = 0; k < nargs; k++) {
        if (k > 0) buf.put(' ');
        printValue(args[k]);
    }
    buf.put('\n');
}

namespace {

// Small outputs stay in this much of the caller's stack; goroutine stacks
// start at 2 KB, so it is kept well under the 512-byte frame budget.
constexpr size_t StackBuf = 256;

int clampInt(size_t n) { return n > 0x7FFFFFFF ? 0x7FFFFFFF : (int)n; }

// The one write of a call.
int flush(Printer& p, int fd) {
    long r = go::os::Write(fd, p.buf.p, p.buf.len);
    if (r < 0) return (int)r;
    return clampInt((size_t)r);
}

// snprintf's contract: at most size-1 bytes and a NUL; the full length back.
int copyOut(const Buf& b, char* out, size_t size) {
    if (size > 0) {
        size_t m = b.len < size - 1 ? b.len : size - 1;
        __builtin_memmove(out, b.p, m);  // memmove: out may alias an argument
        out[m] = 0;
    }
    return clampInt(b.len);
}

}  // namespace

int vfprintf(int fd, Format format, Arg* a, int n) {
    char stack[StackBuf];
    Printer p(stack, sizeof stack, a, n);
    p.doPrintf(format);
    return flush(p, fd);
}

int vsprintf(char* out, size_t size, Format format, Arg* a, int n) {
    char stack[StackBuf];
    Printer p(stack, sizeof stack, a, n);
    p.doPrintf(format);
    return copyOut(p.buf, out, size);
}

int vfprint(int fd, Arg* a, int n, bool ln) {
    char stack[StackBuf];
    Printer p(stack, sizeof stack, a, n);
    if (ln) p.doPrintln();
    else p.doPrint();
    return flush(p, fd);
}

// Float arguments carry a pointer to this (go/fmt.h), so only programs
// that print floats link the float code.
void formatFloatArg(void* printer, double v, int size, int32_t verb) {
    static_cast<Printer*>(printer)->ppFmtFloat(v, size, verb);
}

}  // namespace go::fmt::detail
