// hosted.h — support for host unit tests that link runtime files into an
// ordinary Linux process (compiled with -DGO_HOSTED).
//
// Runtime code reaches its M and P through getg(), which in hosted builds is
// a thread_local. Each test thread that calls runtime code must first call
// hosted::attach() to get a g and an m of its own (and optionally a P).
#pragma once
#include "runtime.h"

namespace hosted {
// Give the calling thread a fresh g/m pair (idempotent), optionally with pp.
runtime::g* attach(runtime::p* pp = nullptr);
// Messages passed to runtime::throw_ in this process, most recent last; a
// throw_ inside a test aborts the test process with the message printed.
}  // namespace hosted
