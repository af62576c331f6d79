// thread_atexit.cpp — __cxa_thread_atexit (Itanium C++ ABI §3.3.7), which
// the compiler calls to register the destructor of a thread_local object.
//
// thread_local cannot work here (goroutines move between threads, and FS
// points at the runtime's M): tools/mksymtab rejects every program with a
// TLS section at link time, naming the alternative. This definition only
// lets the first link succeed so that that message, rather than an
// undefined __cxa_thread_atexit, is what the user sees; it cannot run in a
// program that linked.
#include "runtime/runtime.h"

extern "C" int __cxa_thread_atexit(void (*)(void*), void*, void*) {
    runtime::fatal("thread_local objects are not supported: pass goroutine-local state explicitly");
}
