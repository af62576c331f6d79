// stubs.h — the functions Go's stubs.go declares and its compiler rewrites
// into instructions: getg and setg. Ours are inline assembly; tracebacks
// leave them out as inlined calls (tools/mksymtab.cpp), as Go's show no
// frame for an intrinsic.
#pragma once

namespace runtime {

struct g;

#ifndef GO_HOSTED
// The running goroutine, from the TLS slot at -8(FS) (Go's getg()).
static inline g* getg() {
    g* gp;
    asm volatile("movq %%fs:-8, %0" : "=r"(gp));
    return gp;
}
static inline void setg(g* gp) { asm volatile("movq %0, %%fs:-8" : : "r"(gp) : "memory"); }
#else
// Host unit tests link runtime files into an ordinary (libc) process, whose
// FS belongs to glibc: there getg() is a thread_local the test sets up.
extern thread_local g* hosted_g;
static inline g* getg() { return hosted_g; }
static inline void setg(g* gp) { hosted_g = gp; }
#endif

}  // namespace runtime
