// When the kernel refuses the memory (a 64 TB heap mapping, more than this
// machine's RAM and swap under the default overcommit policy), the allocator
// reports Go's fatal error rather than returning nullptr.
//! exit: 2
//! stderr-contains: runtime: out of memory: cannot allocate
//! stderr-contains: fatal error: out of memory
//! qemu: skip qemu-user takes minutes to refuse a 64 TB reservation (it tracks every guest page)
#include "go.h"

int main() {
    volatile size_t huge = size_t(1) << 46;
    char* p = new char[huge];
    asm volatile("" : : "r"(p) : "memory");  // the compiler may not elide the new
    p[0] = 1;
    go::fmt::Println("allocated 64 TB?");
    return 0;
}
