// go/errors.h — Go's error values and package errors.
//
// go::error is a value like Go's error interface: default-constructed it is
// nil, `if (err)` is true when it is not, err.Error() gives its text. Two
// errors are == when they are the same error value (Go compares an error
// interface holding a pointer by that pointer, which is how sentinels such as
// io.EOF are tested). An error may wrap another (Go's Unwrap), which
// go::errors::Is follows.
#pragma once
#include <stddef.h>

#include <string>
#include <string_view>

namespace go {

namespace detail {
// The shared, immutable body of an error. refs < 0: a static sentinel, never
// freed; otherwise the number of go::error values referring to it.
struct errorValue {
    long refs;
    std::string text;
    const errorValue* wrapped;  // the error it wraps (holds a reference), or nullptr
};
void errorRetain(const errorValue* v);
void errorRelease(const errorValue* v);
}  // namespace detail

class error {
public:
    constexpr error() = default;
    constexpr explicit error(const detail::errorValue* v) : v_(v) {}  // takes over one reference
    error(const error& o) : v_(o.v_) { detail::errorRetain(v_); }
    error(error&& o) noexcept : v_(o.v_) { o.v_ = nullptr; }
    error& operator=(const error& o) {
        detail::errorRetain(o.v_);
        detail::errorRelease(v_);
        v_ = o.v_;
        return *this;
    }
    error& operator=(error&& o) noexcept {
        if (this != &o) {
            detail::errorRelease(v_);
            v_ = o.v_;
            o.v_ = nullptr;
        }
        return *this;
    }
    ~error() { detail::errorRelease(v_); }

    explicit operator bool() const { return v_ != nullptr; }
    bool operator==(const error& o) const { return v_ == o.v_; }
    // The text, as Go's Error() method: "<nil>" for a nil error (where Go
    // would panic on the nil interface, a C++ caller gets a printable text).
    const std::string& Error() const;
    // The error this one wraps, nil if none (Go's errors.Unwrap).
    error Unwrap() const;

    const detail::errorValue* value() const { return v_; }

private:
    const detail::errorValue* v_ = nullptr;
};

// What a call that can fail returns (lower-case so that programs that say
// `using namespace go;` keep their own Result): the result first, the error last, so
// `auto [n, err] = conn.Read(buf, sizeof buf);` reads as Go's `n, err :=`.
template <class T> struct result {
    T value;
    error err;
};

namespace errors {
error New(std::string_view text);  // errors.New
bool Is(const error& err, const error& target);  // errors.Is: err is target or wraps it
// An error with text whose Unwrap is wrapped (what fmt.Errorf's %w makes).
error Wrap(std::string text, const error& wrapped);
}  // namespace errors

}  // namespace go
