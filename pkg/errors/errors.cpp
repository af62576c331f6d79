// errors.cpp — package errors and the go::error value (go/errors.h).
#include "go/errors.h"

namespace go {

namespace detail {

void errorRetain(const errorValue* v) {
    if (v != nullptr && v->refs >= 0) __atomic_add_fetch(&const_cast<errorValue*>(v)->refs, 1, __ATOMIC_RELAXED);
}

void errorRelease(const errorValue* v) {
    while (v != nullptr && v->refs >= 0) {
        if (__atomic_sub_fetch(&const_cast<errorValue*>(v)->refs, 1, __ATOMIC_ACQ_REL) != 0) return;
        const errorValue* next = v->wrapped;
        delete v;
        v = next;  // release the reference it held on what it wraps
    }
}

}  // namespace detail

static const std::string nilText = "<nil>";

const std::string& error::Error() const { return v_ ? v_->text : nilText; }

error error::Unwrap() const {
    if (v_ == nullptr || v_->wrapped == nullptr) return error();
    detail::errorRetain(v_->wrapped);
    return error(v_->wrapped);
}

namespace errors {

error New(std::string_view text) { return error(new detail::errorValue{1, std::string(text), nullptr}); }

error Wrap(std::string text, const error& wrapped) {
    detail::errorRetain(wrapped.value());
    return error(new detail::errorValue{1, std::move(text), wrapped.value()});
}

bool Is(const error& err, const error& target) {
    if (!target) return !err;
    for (const detail::errorValue* v = err.value(); v != nullptr; v = v->wrapped)
        if (v == target.value()) return true;
    return false;
}

}  // namespace errors
}  // namespace go
