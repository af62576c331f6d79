// throw.cpp — the std::__throw_* family that libstdc++'s headers call out of
// line (<bits/functexcept.h>) when a check fails, and
// std::__glibcxx_assert_fail.
//
// User code has no exceptions (-fno-exceptions), so nothing could catch what
// these would throw: each is an unrecovered panic, as Go's index-out-of-range
// is. The panic carries what libstdc++'s exception would return from what()
// (the message the header passes, or the class's fixed text), then the
// goroutine's traceback, exit status 2:
//
//   panic: vector::_M_range_check: __n (which is 5) >= this->size() (which is 3)
//
//   goroutine 1 [running]:
//   std::__throw_out_of_range_fmt(char const*, ...)
//   ...
//   main()
//
// The messages are formatted into a buffer on this frame's stack: a panic
// must not allocate.
#include <stdarg.h>

#include <bits/functexcept.h>

#include "go.h"
#include "runtime/runtime.h"

namespace {

// A bounded writer into a stack buffer; what does not fit is dropped.
struct msgbuf {
    char buf[512];
    size_t n = 0;

    void put(char c) {
        if (n < sizeof buf - 1) buf[n++] = c;
    }
    void puts(const char* s) {
        if (s == nullptr) s = "(null)";
        while (*s) put(*s++);
    }
    void putu(unsigned long v) {
        char d[20];
        int i = 0;
        do d[i++] = (char)('0' + v % 10); while ((v /= 10) != 0);
        while (i > 0) put(d[--i]);
    }
    void putd(long v) {
        if (v < 0) put('-');
        putu(v < 0 ? 0ul - (unsigned long)v : (unsigned long)v);
    }
    const char* str() {
        buf[n] = 0;
        return buf;
    }
};

[[noreturn]] void panicWith(msgbuf& m) { go::panic(m.str()); }

}  // namespace

namespace std {

void __throw_bad_exception() { go::panic("std::bad_exception"); }
void __throw_bad_alloc() { go::panic("std::bad_alloc"); }
void __throw_bad_array_new_length() { go::panic("std::bad_array_new_length"); }
void __throw_bad_cast() { go::panic("std::bad_cast"); }
void __throw_bad_typeid() { go::panic("std::bad_typeid"); }
void __throw_bad_function_call() { go::panic("bad_function_call"); }

void __throw_logic_error(const char* s) { go::panic(s); }
void __throw_domain_error(const char* s) { go::panic(s); }
void __throw_invalid_argument(const char* s) { go::panic(s); }
void __throw_length_error(const char* s) { go::panic(s); }
void __throw_out_of_range(const char* s) { go::panic(s); }
void __throw_runtime_error(const char* s) { go::panic(s); }
void __throw_range_error(const char* s) { go::panic(s); }
void __throw_overflow_error(const char* s) { go::panic(s); }
void __throw_underflow_error(const char* s) { go::panic(s); }

// The library's own printf subset for these messages: %s, %zu and %%
// (what libstdc++'s __snprintf_lite documents), so "%zu" of a size_t, as
// vector::_M_range_check passes it, prints as a decimal.
void __throw_out_of_range_fmt(const char* fmt, ...) {
    msgbuf m;
    va_list ap;
    va_start(ap, fmt);
    for (const char* p = fmt; *p; p++) {
        if (*p != '%') {
            m.put(*p);
        } else if (p[1] == 's') {
            m.puts(va_arg(ap, const char*));
            p++;
        } else if (p[1] == 'z' && p[2] == 'u') {
            m.putu(va_arg(ap, size_t));
            p += 2;
        } else if (p[1] == '%') {
            m.put('%');
            p++;
        } else {
            m.put('%');  // not a conversion the library uses: print as is
        }
    }
    va_end(ap);
    panicWith(m);
}

// <ios>, <system_error> and <future> are not supported (docs/cxx-runtime.md);
// these are reached only through them.
void __throw_ios_failure(const char* s) {
    msgbuf m;
    m.puts(s);
    m.puts(": iostream error");
    panicWith(m);
}
void __throw_ios_failure(const char* s, int) { __throw_ios_failure(s); }

void __throw_system_error(int e) {
    msgbuf m;
    m.puts("std::system_error: errno ");
    m.putd(e);
    panicWith(m);
}

// std::future_errc's values and what libstdc++'s future_category says of them.
void __throw_future_error(int e) {
    static constexpr const char* msgs[] = {"Unknown error", "Future already retrieved", "Promise already satisfied",
                                           "No associated state", "Broken promise"};
    go::panic(e >= 1 && e <= 4 ? msgs[e] : msgs[0]);
}

// -D_GLIBCXX_ASSERTIONS: a precondition the library checks failed (an
// index out of range in operator[], front() of an empty vector...). A
// broken invariant rather than a value the program could have handled, so
// Go's fatal path; the text is the one libstdc++ prints before it aborts.
void __glibcxx_assert_fail(const char* file, int line, const char* function, const char* condition) noexcept {
    msgbuf m;
    m.puts(file);
    m.put(':');
    m.putd(line);
    m.puts(": ");
    m.puts(function);
    m.puts(": Assertion '");
    m.puts(condition);
    m.puts("' failed.");
    runtime::fatal(m.str());
}

}  // namespace std

// The Itanium C++ ABI's hook for new T[n] whose size overflows
// (abi §3.3.5): the compiler calls it instead of operator new[].
extern "C" [[noreturn]] void __cxa_throw_bad_array_new_length() { go::panic("std::bad_array_new_length"); }
