// go/chan.h — go::chan<T>, Go's chan T: a copyable reference to a channel.
//
//   auto c = go::make_chan<int>(10);   // make(chan int, 10)
//   c.send(1);                         // c <- 1
//   int v = c.recv();                  // v := <-c
//   bool ok = c.recv(v);               // v, ok := <-c
//   c.close();                         // close(c)
//   for (int x : c) {}                 // for x := range c {}
//
// A default-constructed chan is nil: sends and receives on it block forever.
// Every operation is const: a const chan<T> is like a const pointer, and the
// channel it names stays fully usable. The channel is freed when its last
// handle goes away (goroutines blocked on it hold handles too).
//
// Elements of any movable type travel by move: send(T&&) moves the value in,
// send(const T&) copies it first, recv() moves it out.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include <new>
#include <type_traits>
#include <utility>

namespace runtime {
struct hchan;
}

namespace go {

namespace detail {

// How the runtime moves elements of a channel's type (type-erased T).
struct chantype {
    uint32_t size;
    uint32_t align;
    void (*move)(void* dst, void* src);  // move-construct *dst from *src; nullptr: memmove
    void (*zero)(void* dst);             // value-initialize T{} at dst; nullptr: memset 0
    void (*destroy)(void* p);            // ~T(); nullptr: trivially destructible
};

template <class T> void chanMove(void* dst, void* src) { ::new (dst) T(std::move(*static_cast<T*>(src))); }
template <class T> void chanZero(void* dst) { ::new (dst) T{}; }
template <class T> void chanDestroy(void* p) { static_cast<T*>(p)->~T(); }

template <class T> inline constexpr chantype chantypeOf = {
    (uint32_t)sizeof(T),
    (uint32_t)alignof(T),
    std::is_trivially_copyable_v<T> ? nullptr : &chanMove<T>,
    std::is_trivially_default_constructible_v<T> && std::is_trivially_copyable_v<T> ? nullptr : &chanZero<T>,
    std::is_trivially_destructible_v<T> ? nullptr : &chanDestroy<T>,
};

// The runtime's channel operations (chan.cpp).
runtime::hchan* makechan(const chantype* t, long size);
void chanRetain(runtime::hchan* c);
void chanRelease(runtime::hchan* c);
void chansend1(runtime::hchan* c, void* ep);                   // c <- *ep (moves from *ep)
bool chanrecv1(runtime::hchan* c, void* ep);                   // blocking; constructs *ep; returns ok
void closechan(runtime::hchan* c);
int chanlen(runtime::hchan* c);
int chancap(runtime::hchan* c);

// Uninitialized room for one T.
template <class T> struct slot {
    alignas(T) unsigned char bytes[sizeof(T)];
    T* get() { return std::launder(reinterpret_cast<T*>(bytes)); }
};

}  // namespace detail

template <class T> class chan;
template <class T> chan<T> make_chan(long cap = 0);

template <class T> class chan {
    static_assert(std::is_move_constructible_v<T>, "channel elements must be movable");
    static_assert(std::is_default_constructible_v<T>, "a receive from a closed channel yields T{}");

public:
    using value_type = T;

    constexpr chan() noexcept = default;
    constexpr chan(std::nullptr_t) noexcept {}
    chan(const chan& o) noexcept : c_(o.c_) {
        if (c_) detail::chanRetain(c_);
    }
    chan(chan&& o) noexcept : c_(o.c_) { o.c_ = nullptr; }
    chan& operator=(const chan& o) noexcept {
        if (o.c_) detail::chanRetain(o.c_);
        if (c_) detail::chanRelease(c_);
        c_ = o.c_;
        return *this;
    }
    chan& operator=(chan&& o) noexcept {
        if (this != &o) {
            if (c_) detail::chanRelease(c_);
            c_ = o.c_;
            o.c_ = nullptr;
        }
        return *this;
    }
    ~chan() {
        if (c_) detail::chanRelease(c_);
    }

    // c <- v
    void send(T&& v) const { detail::chansend1(c_, &v); }
    void send(const T& v) const {
        if constexpr (std::is_trivially_copyable_v<T>) {
            detail::chansend1(c_, const_cast<T*>(&v));  // copied bitwise, never modified
        } else {
            T tmp(v);
            detail::chansend1(c_, &tmp);
        }
    }

    // v := <-c
    T recv() const {
        detail::slot<T> s;
        detail::chanrecv1(c_, s.bytes);
        T v(std::move(*s.get()));
        s.get()->~T();
        return v;
    }

    // v, ok := <-c
    bool recv(T& v) const {
        detail::slot<T> s;
        bool ok = detail::chanrecv1(c_, s.bytes);
        v = std::move(*s.get());
        s.get()->~T();
        return ok;
    }

    void close() const { detail::closechan(c_); }
    int len() const { return detail::chanlen(c_); }
    int cap() const { return detail::chancap(c_); }

    bool operator==(std::nullptr_t) const noexcept { return c_ == nullptr; }
    bool operator!=(std::nullptr_t) const noexcept { return c_ != nullptr; }
    bool operator==(const chan& o) const noexcept { return c_ == o.c_; }
    bool operator!=(const chan& o) const noexcept { return c_ != o.c_; }
    bool operator!() const noexcept { return c_ == nullptr; }
    explicit operator bool() const noexcept { return c_ != nullptr; }

    // for (T v : c): receives until the channel is closed and drained.
    class iterator {
    public:
        explicit iterator(const chan* c) : c_(c) { next(); }
        iterator() = default;
        iterator(const iterator&) = delete;
        ~iterator() { reset(); }
        T& operator*() { return *s_.get(); }
        iterator& operator++() {
            next();
            return *this;
        }
        bool operator!=(const iterator&) const { return c_ != nullptr; }

    private:
        void reset() {
            if (full_) s_.get()->~T();
            full_ = false;
        }
        void next() {
            reset();
            if (detail::chanrecv1(c_->c_, s_.bytes)) {
                full_ = true;
            } else {
                s_.get()->~T();  // the T{} of a closed channel
                c_ = nullptr;
            }
        }
        const chan* c_ = nullptr;
        detail::slot<T> s_;
        bool full_ = false;
    };
    iterator begin() const { return iterator(this); }
    iterator end() const { return iterator(); }

    runtime::hchan* raw() const noexcept { return c_; }

private:
    friend chan make_chan<T>(long);
    explicit chan(runtime::hchan* c) noexcept : c_(c) {}
    runtime::hchan* c_ = nullptr;
};

// c := make(chan T, cap). A negative cap panics, as in Go.
template <class T> chan<T> make_chan(long cap) { return chan<T>(detail::makechan(&detail::chantypeOf<T>, cap)); }

}  // namespace go
