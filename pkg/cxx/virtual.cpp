// virtual.cpp — the Itanium C++ ABI's entries for virtual calls that have no
// function (§3.2.6): a pure virtual called during construction or
// destruction, or a deleted virtual. Both are program bugs: Go's fatal path.
#include "runtime/runtime.h"

extern "C" {
void __cxa_pure_virtual() { runtime::fatal("pure virtual method called"); }
void __cxa_deleted_virtual() { runtime::fatal("deleted virtual method called"); }
}
