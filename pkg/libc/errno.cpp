// errno.cpp — C's errno for the pkg/libc functions that set it (strtol's
// ERANGE, which std::stoi reads back). C keeps it per thread; a goroutine
// may move between threads between the call and the read, so here it is per
// goroutine, in the G.
#include "libc.h"
#include "runtime/runtime.h"

extern "C" int* __errno_location() { return &runtime::getg()->cerrno; }
