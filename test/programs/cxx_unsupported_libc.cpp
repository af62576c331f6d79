// No C library is linked: a C function the runtime does not provide fails
// at link time, and gocxx says why under the linker's message.
//! build-error: undefined reference to `fopen'
//! build-error: gocxx: note: no C library is linked: the runtime provides only the C functions docs/cxx.md lists
#include <cstdio>

#include "go.h"

int main() {
    FILE* f = fopen("/etc/hostname", "r");
    return f != nullptr;
}
