// go/select.h — go::select, Go's select statement.
//
//   int v; bool ok;
//   switch (go::select(go::recv(c1, &v), go::recv(c2, &v, &ok), go::send(c3, 42), go::default_case)) {
//   case 0: ...   // the position of the case that ran, 0-based, in argument order
//   }
//
// Among ready cases one is chosen uniformly at random; nil channels are never
// ready; with no ready case and no default it blocks; go::select() with no
// cases blocks forever. A receive writes *v (and *ok) only if its case runs.
#pragma once
#include "go/chan.h"

namespace go {

namespace detail {
// One case as the runtime sees it (select.cpp).
struct scase {
    runtime::hchan* c;  // nullptr: never ready
    void* elem;         // send: the value; receive: room for one T, or nullptr to discard
    bool isSend;
};
// Go's selectgo: returns the index of the chosen case, or -1 if !block and
// none was ready; *recvOK tells a receive whether it got a value (false:
// closed). order is scratch for 2*n uint16s.
int selectgo(scase* cases, uint16_t* order, int n, bool block, bool* recvOK);
[[noreturn]] void selectBlockForever();

template <class T> struct recvCase {
    runtime::hchan* c;
    T* v;
    bool* ok;
    slot<T> s;
};
// A send case. The value is the caller's rvalue argument itself (a
// temporary or std::move(x): both live until the select returns), moved from
// only if this case runs; an lvalue is copied into the case, as Go copies
// the operand when it evaluates the statement.
template <class T> struct sendCase {
    runtime::hchan* c;
    T* src;
    slot<T> own;
    bool owned;
    sendCase(runtime::hchan* ch, T* p) : c(ch), src(p), owned(false) {}
    template <class U> sendCase(runtime::hchan* ch, std::in_place_t, U&& v) : c(ch), owned(true) {
        src = ::new (own.bytes) T(std::forward<U>(v));
    }
    sendCase(const sendCase&) = delete;
    sendCase& operator=(const sendCase&) = delete;
    ~sendCase() {
        if (owned) src->~T();
    }
};
struct defaultCase {};

template <class C> struct caseTraits;
template <class T> struct caseTraits<recvCase<T>> {
    static constexpr bool isDefault = false;
    static scase make(recvCase<T>& k) { return scase{k.c, k.s.bytes, false}; }
    // The case ran: hand the received (or zero) value to the user.
    static void finish(recvCase<T>& k, bool recvOK) {
        if (k.v) *k.v = std::move(*k.s.get());
        k.s.get()->~T();
        if (k.ok) *k.ok = recvOK;
    }
};
template <class T> struct caseTraits<sendCase<T>> {
    static constexpr bool isDefault = false;
    static scase make(sendCase<T>& k) { return scase{k.c, k.src, true}; }
    static void finish(sendCase<T>&, bool) {}
};
template <> struct caseTraits<defaultCase> {
    static constexpr bool isDefault = true;
};
}  // namespace detail

// The default case of a select.
inline constexpr detail::defaultCase default_case{};

// case v = <-c / case v, ok = <-c / case <-c
template <class T> detail::recvCase<T> recv(const chan<T>& c, T* v = nullptr, bool* ok = nullptr) {
    return detail::recvCase<T>{c.raw(), v, ok, {}};
}
// case c <- v. A case is meant to be built inside the go::select call: it
// refers to its channel and (for an rvalue) to its value without owning them.
template <class T, class U> detail::sendCase<T> send(const chan<T>& c, U&& v) {
    if constexpr (std::is_same_v<std::remove_cvref_t<U>, T> && !std::is_lvalue_reference_v<U>)
        return detail::sendCase<T>(c.raw(), &v);
    else
        return detail::sendCase<T>(c.raw(), std::in_place, std::forward<U>(v));
}

[[noreturn]] inline int select() { detail::selectBlockForever(); }

template <class... Cases> int select(Cases&&... cases) {
    using namespace detail;
    constexpr int ndefault = (0 + ... + (caseTraits<std::decay_t<Cases>>::isDefault ? 1 : 0));
    static_assert(ndefault <= 1, "a select has at most one default case");
    constexpr int n = (int)sizeof...(Cases) - ndefault;
    scase sc[n > 0 ? n : 1];
    int pos[n > 0 ? n : 1] = {};  // argument position of each runtime case
    int defaultPos = -1;
    int i = 0, argpos = 0;
    auto add = [&](auto& k) {
        using K = std::decay_t<decltype(k)>;
        if constexpr (caseTraits<K>::isDefault) {
            defaultPos = argpos;
        } else {
            sc[i] = caseTraits<K>::make(k);
            pos[i++] = argpos;
        }
        argpos++;
    };
    (add(cases), ...);
    uint16_t order[2 * (n > 0 ? n : 1)];
    bool recvOK = false;
    int chosen = selectgo(sc, order, n, ndefault == 0, &recvOK);
    if (chosen < 0) return defaultPos;
    int k = 0;
    auto finish = [&](auto& c) {
        using K = std::decay_t<decltype(c)>;
        if constexpr (!caseTraits<K>::isDefault) {
            if (k == chosen) caseTraits<K>::finish(c, recvOK);
            k++;
        }
    };
    (finish(cases), ...);
    return pos[chosen];
}

}  // namespace go
