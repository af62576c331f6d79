// go/handle.h — the counted reference behind go::net::Conn, Listener and
// go::os::File: like a Go pointer to a shared object, copies share one body;
// the last copy to go releases it (which closes the descriptor if the
// program did not: what Go's finalizer on an unreachable object would do).
#pragma once

namespace go::detail {

// T's package defines handleRetain(T*) and handleRelease(T*).
template <class T> class handle {
public:
    handle() = default;
    explicit handle(T* p) : p_(p) {}  // takes over one reference
    handle(const handle& o) : p_(o.p_) {
        if (p_) handleRetain(p_);
    }
    handle(handle&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
    handle& operator=(const handle& o) {
        if (o.p_) handleRetain(o.p_);
        if (p_) handleRelease(p_);
        p_ = o.p_;
        return *this;
    }
    handle& operator=(handle&& o) noexcept {
        if (this != &o) {
            if (p_) handleRelease(p_);
            p_ = o.p_;
            o.p_ = nullptr;
        }
        return *this;
    }
    ~handle() {
        if (p_) handleRelease(p_);
    }
    explicit operator bool() const { return p_ != nullptr; }

protected:
    T* p_ = nullptr;
};

}  // namespace go::detail
