// <iostream> is not supported: the build names go::fmt instead.
//! build-error: <iostream> is not supported (no C library streams): print with go::fmt::Println / go::fmt::Printf (docs/cxx.md)
#include <iostream>

#include "go.h"

int main() { std::cout << "hello\n"; }
