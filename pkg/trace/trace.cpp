// trace.cpp — package runtime/trace (go/trace.h), over the runtime's tracer
// (runtime/trace.cpp).
#include "go/trace.h"

#include "runtime/trace.h"

namespace go::trace {

bool Start(const char* path) { return runtime::traceStart(path); }

bool Stop() { return runtime::traceStop(); }

}  // namespace go::trace
