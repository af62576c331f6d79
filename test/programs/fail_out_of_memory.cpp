// An allocation that cannot be satisfied is Go's fatal error, not a crash or
// a null pointer: "fatal error: out of memory", exit 2. 256 TB is more than
// an x86-64 process's address space (the allocator refuses it before asking
// the OS, as Go's maxAlloc check does).
//! exit: 2
//! stderr-contains: fatal error: out of memory
#include "go.h"

int main() {
    volatile size_t huge = size_t(1) << 48;
    char* p = new char[huge];
    asm volatile("" : : "r"(p) : "memory");  // the compiler may not elide the new
    p[0] = 1;
    go::fmt::Println("allocated 256 TB?");
    return 0;
}
