// abort.cpp — C's abort, which libstdc++'s headers reach without exceptions
// wherever they would throw an exception class defined inline in the header
// (_GLIBCXX_THROW_OR_ABORT: std::optional::value() on an empty optional,
// std::get on the wrong alternative of a variant, std::any_cast,
// weak_ptr's shared_ptr constructor), and __builtin_abort.
//
// C's abort raises SIGABRT and dumps core; the program here has no way to
// say what failed, so it takes Go's fatal path: "fatal error: abort", the
// goroutine's traceback (whose first frame below abort is the library
// function or the user code that gave up), exit status 2.
#include "runtime/runtime.h"

extern "C" [[noreturn]] void abort() { runtime::fatal("abort"); }
