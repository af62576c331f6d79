// go/debug.h — package runtime/debug: the runtime's limits.
#pragma once
#include <stdint.h>

namespace go::debug {

// The most OS threads the program may use; more is a fatal error
// ("runtime: program exceeds N-thread limit"). Returns the previous
// setting; the initial one is 10,000. (Go's debug.SetMaxThreads.)
int SetMaxThreads(int threads);

// The most stack, in bytes, one goroutine may use; more is a fatal
// "stack overflow". Returns the previous setting; the initial one is
// 1,000,000,000 (or GODEBUG=maxstack). (Go's debug.SetMaxStack.)
int64_t SetMaxStack(int64_t bytes);

// Returns as much memory to the OS as possible, at once: the calling P's
// cached objects and every free page (Go's debug.FreeOSMemory, which also
// forces a garbage collection; there is none here). Without it, a
// background scavenger returns free pages beyond a tenth of the heap in use
// within seconds (docs/malloc.md).
void FreeOSMemory();

}  // namespace go::debug
