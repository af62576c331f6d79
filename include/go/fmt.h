// go/fmt.h — go::fmt, Go's package fmt for C++ programs (the public part,
// included by go.h).
//
// Each argument is turned into a tagged value (detail::Arg) by a template,
// then one non-template engine in pkg/fmt/print.cpp formats the whole call into a
// buffer and hands it to the file descriptor in a single write, so lines
// printed by different goroutines never interleave.
//
// How C++ types map to Go's:
//   bool                          bool
//   char, unsigned char, char8_t  uint8 (Go's byte: a number with %v/%d, a
//                                 character with %c)
//   signed char, short, long...   int8, int16, int64 by size and sign; C++
//                                 `int` and `unsigned` are Go's int and uint
//   float / double, long double   float32 / float64
//   const char*, char*, char[N],  string (a char array stops at its first
//   anything with .data()/.size() NUL; a null char pointer is a nil
//                                 interface: <nil> for %v, %!s(<nil>) for %s)
//   T* (any other pointer)        a Go pointer, type name *T (void* is
//                                 unsafe.Pointer, function pointers func)
//   enums                         their underlying integer, named by the enum
//   std::nullptr_t                a nil interface
//
// The format of Printf, Fprintf and Sprintf may be a std::string or
// std::string_view as well as a const char*.
//
// Error messages and %T use those Go names; classes (behind pointers) and
// enums are spelled as C++ spells them ("*Widget", "Color"; Go would say
// "*main.Widget").
//
// Where this stops short of Go: there are no Stringer/error/Formatter
// methods, structs, slices, maps or complex numbers; a pointer to a class
// prints as its address (Go prints &{...} for a pointer to a struct); %p on
// a string is a bad verb, as in Go (cast to const void* for the address).
//
// Printf and friends return the bytes written, or a negative errno when the
// write fails. Only freestanding headers: this is compiled into every user
// program.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <type_traits>

namespace go::fmt {
namespace detail {

enum class Kind : uint8_t { Nil, Bool, Int, Uint, Float32, Float64, String, Pointer };

// One argument, as the engine sees it. 32 bytes, built on the caller's stack.
struct Arg {
    Kind kind;
    uint8_t stars;     // Pointer: leading '*'s of the type name (int** is "**int")
    bool pretty;       // tname is a __PRETTY_FUNCTION__ to take "T = ..." from
    bool cstr;         // String: n bounds a NUL-terminated string; the engine
                       // finds the length (no strlen here: no libc in user code)
    const char* tname; // Go type name, for %T and error messages
    union {
        int64_t i;
        uint64_t u;
        double f;
        const void* p;
        const char* s;
        bool b;
    };
    union {
        size_t n;  // String: the length (or, with cstr, its upper bound)
        // Float32/Float64: the engine's float formatter. Reached only through
        // this pointer, so programs that never print a float do not link
        // the float code (about a fifth of fmt).
        void (*floatfn)(void* printer, double v, int size, int32_t verb);
    };
};

// The float formatter (pkg/fmt/print.cpp).
void formatFloatArg(void* printer, double v, int size, int32_t verb);


// The C++ spelling of T, found by the engine in this function's name. Used
// for pointers to classes and for enums, which have no Go name of their own.
template <class T> const char* prettyName() { return __PRETTY_FUNCTION__; }

template <class T> inline constexpr bool alwaysFalse = false;

// Go's name for an integer type: by size and sign, except that C++ int and
// unsigned play Go's int and uint, and char is byte (uint8).
template <class T> constexpr const char* intName() {
    if constexpr (std::is_same_v<T, int>) return "int";
    else if constexpr (std::is_same_v<T, unsigned>) return "uint";
    else if constexpr (std::is_same_v<T, char>) return "uint8";
    else if constexpr (std::is_signed_v<T>)
        return sizeof(T) == 1 ? "int8" : sizeof(T) == 2 ? "int16" : sizeof(T) == 4 ? "int32" : "int64";
    else
        return sizeof(T) == 1 ? "uint8" : sizeof(T) == 2 ? "uint16" : sizeof(T) == 4 ? "uint32" : "uint64";
}

struct TypeName {
    const char* name;
    uint8_t stars;
    bool pretty;
};

// The Go-style name of T, for pointers' pointees (recursively: int** is
// two stars and "int").
template <class T> TypeName typeName() {
    using U = std::remove_cv_t<T>;
    if constexpr (std::is_pointer_v<U>) {
        using P = std::remove_cv_t<std::remove_pointer_t<U>>;
        if constexpr (std::is_void_v<P>) return {"unsafe.Pointer", 0, false};
        else if constexpr (std::is_function_v<P>) return {"func", 0, false};
        else {
            TypeName t = typeName<P>();
            t.stars++;
            return t;
        }
    } else if constexpr (std::is_same_v<U, bool>) return {"bool", 0, false};
    else if constexpr (std::is_integral_v<U>) return {intName<U>(), 0, false};
    else if constexpr (std::is_same_v<U, float>) return {"float32", 0, false};
    else if constexpr (std::is_floating_point_v<U>) return {"float64", 0, false};
    else return {prettyName<U>(), 0, true};
}

template <class T> constexpr bool isCharType =
    std::is_same_v<std::remove_cv_t<T>, char> || std::is_same_v<std::remove_cv_t<T>, char8_t>;

// string_view-like: .data() gives chars, .size() their count.
template <class T> constexpr bool isStringLike = requires(const T& t) {
    requires std::is_convertible_v<decltype(t.data()), const char*>;
    static_cast<size_t>(t.size());
};

// A format: a NUL-terminated const char*, or anything string-like
// (std::string, std::string_view: isStringLike), whose size bounds it.
struct Format {
    static constexpr size_t NulTerminated = ~size_t(0);
    const char* s;
    size_t n;
    Format(const char* f) : s(f), n(NulTerminated) {}
    template <class S>
        requires isStringLike<S>
    Format(const S& f) : s(f.data()), n(static_cast<size_t>(f.size())) {
        if (!s) s = "";  // an empty view is "", not nil
    }
};

// The engine, in pkg/fmt/print.cpp. The Arg arrays are the caller's to scribble on.
int vfprintf(int fd, Format format, Arg* a, int n);
int vsprintf(char* buf, size_t size, Format format, Arg* a, int n);
int vfprint(int fd, Arg* a, int n, bool ln);

inline Arg stringArg(const char* s, size_t n, bool cstr) {
    Arg a{};
    a.kind = s ? Kind::String : Kind::Nil;
    a.tname = "string";
    a.s = s;
    a.n = n;
    a.cstr = cstr;
    return a;
}

template <class T> Arg makeArg(const T& v) {
    using U = std::remove_cv_t<T>;
    Arg a{};
    if constexpr (std::is_same_v<U, bool>) {
        a.kind = Kind::Bool;
        a.tname = "bool";
        a.b = v;
    } else if constexpr (std::is_same_v<U, char>) {
        a.kind = Kind::Uint;  // byte, whatever char's signedness
        a.tname = "uint8";
        a.u = static_cast<unsigned char>(v);
    } else if constexpr (std::is_integral_v<U>) {
        a.kind = std::is_signed_v<U> ? Kind::Int : Kind::Uint;
        a.tname = intName<U>();
        if constexpr (std::is_signed_v<U>) a.i = v;
        else a.u = v;
    } else if constexpr (std::is_enum_v<U>) {
        using B = std::underlying_type_t<U>;
        a.kind = std::is_signed_v<B> ? Kind::Int : Kind::Uint;
        a.tname = prettyName<U>();
        a.pretty = true;
        if constexpr (std::is_signed_v<B>) a.i = static_cast<B>(v);
        else a.u = static_cast<B>(v);
    } else if constexpr (std::is_same_v<U, float>) {
        a.kind = Kind::Float32;
        a.tname = "float32";
        a.f = v;
        a.floatfn = &formatFloatArg;
    } else if constexpr (std::is_floating_point_v<U>) {
        a.kind = Kind::Float64;
        a.tname = "float64";
        a.f = static_cast<double>(v);
        a.floatfn = &formatFloatArg;
    } else if constexpr (std::is_null_pointer_v<U>) {
        a.kind = Kind::Nil;
    } else if constexpr (std::is_array_v<U>) {
        static_assert(isCharType<std::remove_extent_t<U>> && std::rank_v<U> == 1,
                      "go::fmt: the only arrays printed are char arrays (strings)");
        a = stringArg(reinterpret_cast<const char*>(v), std::extent_v<U>, true);
    } else if constexpr (std::is_pointer_v<U> && isCharType<std::remove_pointer_t<U>>) {
        a = stringArg(reinterpret_cast<const char*>(v), ~size_t(0), true);
    } else if constexpr (std::is_pointer_v<U>) {
        TypeName t = typeName<U>();
        a.kind = Kind::Pointer;
        a.tname = t.name;
        a.stars = t.stars;
        a.pretty = t.pretty;
        a.p = reinterpret_cast<const void*>(v);
    } else if constexpr (requires { v.Error(); v.Unwrap(); }) {
        // go::error: its text, as Go prints an error; <nil> when nil.
        if (!v) {
            a.kind = Kind::Nil;
        } else {
            a = stringArg(v.Error().data(), v.Error().size(), false);
            a.tname = "error";
        }
    } else if constexpr (isStringLike<U>) {
        a = stringArg(v.data(), static_cast<size_t>(v.size()), false);
        if (!a.s) {  // an empty view is "", not nil
            a.kind = Kind::String;
            a.s = "";
        }
    } else {
        static_assert(alwaysFalse<T>, "go::fmt: unsupported argument type");
    }
    return a;
}

// Calls f(args, n) with the operands made into an Arg array (nullptr and 0
// when there are none: a zero-length array is not C++).
template <class F, class... A> int withArgs(F f, const A&... a) {
    if constexpr (sizeof...(A) == 0) {
        return f(nullptr, 0);
    } else {
        Arg args[] = {makeArg(a)...};
        return f(args, (int)sizeof...(A));
    }
}

}  // namespace detail

// fmt.Fprintf: returns the bytes written, or a negative errno.
template <class... A> int Fprintf(int fd, detail::Format format, const A&... a) {
    return detail::withArgs([&](detail::Arg* args, int n) { return detail::vfprintf(fd, format, args, n); }, a...);
}

template <class... A> int Printf(detail::Format format, const A&... a) { return Fprintf(1, format, a...); }

// Like C's snprintf: writes at most n-1 bytes and a NUL (when n > 0) and
// returns the length the whole output has.
template <class... A> int Sprintf(char* buf, size_t n, detail::Format format, const A&... a) {
    return detail::withArgs([&](detail::Arg* args, int na) { return detail::vsprintf(buf, n, format, args, na); },
                            a...);
}

// fmt.Fprintln / Println: operands separated by one space, then a newline.
template <class... A> int Fprintln(int fd, const A&... a) {
    return detail::withArgs([&](detail::Arg* args, int n) { return detail::vfprint(fd, args, n, true); }, a...);
}

template <class... A> int Println(const A&... a) { return Fprintln(1, a...); }

// fmt.Fprint / Print: a space only between two operands that are not strings.
template <class... A> int Fprint(int fd, const A&... a) {
    return detail::withArgs([&](detail::Arg* args, int n) { return detail::vfprint(fd, args, n, false); }, a...);
}

template <class... A> int Print(const A&... a) { return Fprint(1, a...); }

}  // namespace go::fmt
