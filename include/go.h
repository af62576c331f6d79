// go.h — the one public header: Go's concurrency for C++ programs.
//
// Include it and write int main() as usual; main runs as goroutine 1 on the
// runtime's G-M-P scheduler. The names and signatures are the user contract
// (docs/api.md; shared/spec/user-api.md): go::go, channels, select, sync,
// time, os, fmt, errors, io, net, syscall, mirroring Go's language and
// packages.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <new>
#include <type_traits>
#include <utility>

namespace go {

// ---- package runtime ---------------------------------------------------------

void Gosched();                      // runtime.Gosched
[[noreturn]] void Goexit();          // runtime.Goexit (destructors of live frames do not run)
int GOMAXPROCS(int n);               // runtime.GOMAXPROCS: sets when n >= 1, returns the previous value
int NumCPU();                        // runtime.NumCPU
int NumGoroutine();                  // runtime.NumGoroutine
[[noreturn]] void panic(const char* msg);  // panic(msg): "panic: msg", traceback, exit 2

namespace detail {
// An action Goexit runs before the goroutine ends (Go's _defer, reduced to
// what the packages need: sync.Once marks itself done and unlocks, as Go's
// Do does by defer). The frame that pushes it pops it before returning, so
// it lives in that frame; Goexit runs the pushed ones, innermost first.
// User code has no defer: its destructors do not run on Goexit (go::Goexit).
struct Defer {
    void (*fn)(void*);
    void* arg;
    Defer* link;
};
void deferPush(Defer* d);
void deferPop(Defer* d);

// The runtime side of go::go (proc.cpp): goPrepare finds a goroutine and room
// for size bytes at the top of its stack; goStart makes it runnable at
// fn(arg). A closure too big for the stack lives on the heap instead.
void* goPrepare(size_t size, size_t align, void** token);
void goStart(void* token, void (*fn)(void*), void* arg, uintptr_t callerpc);
constexpr size_t maxInlineClosure = 256;

template <class C> void goEntryInline(void* p) {
    C* c = static_cast<C*>(p);
    (*c)();
    c->~C();
}
template <class C> void goEntryHeap(void* p) {
    C* c = static_cast<C*>(p);
    (*c)();
    delete c;
}
__attribute__((always_inline)) inline uintptr_t herepc() {
    uintptr_t pc;
    asm volatile("lea 0(%%rip), %0" : "=r"(pc));
    return pc;
}
}  // namespace detail

// go f(args...): start f(args...) in a new goroutine. f is any callable; the
// arguments are copied (decayed) when the statement runs, as Go evaluates
// them at the go statement.
template <class F, class... A>
__attribute__((always_inline)) inline void go(F&& f, A&&... args) {
    auto closure = [fn = std::forward<F>(f), ... a = std::forward<A>(args)]() mutable {
        if constexpr (std::is_invocable_v<decltype(fn)&, decltype(a)&...>) fn(a...);
        else fn(std::move(a)...);
    };
    using C = decltype(closure);
    uintptr_t pc = detail::herepc();
    void* token;
    if constexpr (sizeof(C) <= detail::maxInlineClosure && alignof(C) <= 16) {
        void* mem = detail::goPrepare(sizeof(C), alignof(C) < 16 ? 16 : alignof(C), &token);
        C* c = ::new (mem) C(std::move(closure));
        detail::goStart(token, &detail::goEntryInline<C>, c, pc);
    } else {
        detail::goPrepare(0, 16, &token);
        C* c = new C(std::move(closure));
        detail::goStart(token, &detail::goEntryHeap<C>, c, pc);
    }
}

}  // namespace go

#include "go/chan.h"
#include "go/debug.h"
#include "go/errors.h"
#include "go/io.h"
#include "go/net.h"
#include "go/os.h"
#include "go/select.h"
#include "go/syscall.h"
#include "go/sync.h"
#include "go/time.h"
#include "go/trace.h"
#if __has_include("go/fmt.h")
#include "go/fmt.h"
#endif
