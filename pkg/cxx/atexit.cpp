// atexit.cpp — static destructors: __cxa_atexit (Itanium C++ ABI §3.3.6),
// C's atexit, and __dso_handle.
//
// When they run (docs/cxx-runtime.md): when main returns, runtime.main
// calls runExitHooks, which runs them on the main goroutine in the reverse
// order of their registration (a static's destructor is registered when its
// constructor completes, so: reverse order of construction), then exits with
// main's value. Other goroutines keep running meanwhile, as C++ threads do
// while exit() destroys statics; nothing waits for them. os::Exit, a panic
// and a fatal error exit without running them, as Go runs no deferred calls
// then. Go 1.19 has no exit hooks; Go 1.20's runExitHooks, which runs
// registered hooks when main returns but not on a panic, is the model.
//
// Registration may come from any goroutine (a function-local static's first
// use), so the list is under a lock.
#include "runtime/runtime.h"

namespace {

struct exitHook {
    void (*fn)(void*);
    void* arg;
    exitHook* next;
};

constinit runtime::mutex hooksLock{};
constinit exitHook* hooks = nullptr;  // [hooksLock] most recent first

// Run and drop the hooks, newest first. A destructor that registers another
// (a function-local static first used during exit) has it run next.
void runHooks() {
    for (;;) {
        runtime::lock(&hooksLock);
        exitHook* h = hooks;
        if (h != nullptr) hooks = h->next;
        runtime::unlock(&hooksLock);
        if (h == nullptr) return;
        h->fn(h->arg);
        runtime::mfree(h);
    }
}

void callAtexit(void* fn) { ((void (*)())fn)(); }

}  // namespace

extern "C" {

// One program, one "DSO": the handle only has to be a unique address.
void* __dso_handle = &__dso_handle;

int __cxa_atexit(void (*fn)(void*), void* arg, void*) {
    auto* h = (exitHook*)runtime::mallocgc(sizeof(exitHook), false);
    h->fn = fn;
    h->arg = arg;
    runtime::lock(&hooksLock);
    h->next = hooks;
    hooks = h;
    runtime::unlock(&hooksLock);
    // Only programs that register a hook link runHooks (./hello does not).
    runtime::atomic::StoreRel(&runtime::runExitHooks, runHooks);
    return 0;
}

int atexit(void (*fn)()) { return __cxa_atexit(callAtexit, (void*)fn, __dso_handle); }

}  // extern "C"
