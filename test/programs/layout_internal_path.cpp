// Not even by a path into the tree: user code is compiled with -Iinclude
// only, so "runtime/runtime2.h" does not resolve either.
//! build-error: runtime/runtime2.h: No such file or directory
#include "go.h"
#include "runtime/runtime2.h"

int main() {}
