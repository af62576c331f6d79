// pagetouch.cpp — what `make bench` reports as "fresh page": the cost of the
// first write to each 4 KB page of newly mmap'd anonymous memory, the price
// every new goroutine stack and G pays once (sleepers, cold spawn). On bare
// metal this is a fraction of a microsecond; in some VMs, where the host backs
// guest memory lazily, it is ten times more, whether or not the memory is
// MAP_POPULATE'd or in transparent huge pages.
//
// Prints one line: BENCH name=pagetouch metric=us/page value=V
#include <sys/mman.h>

#include <chrono>
#include <cstdio>

int main() {
    constexpr size_t bytes = 16u << 20, page = 4096;
    auto t0 = std::chrono::steady_clock::now();
    auto* p = static_cast<volatile char*>(
        mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (p == MAP_FAILED) {
        perror("pagetouch: mmap");
        return 1;
    }
    for (size_t i = 0; i < bytes; i += page) p[i] = 1;
    double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    std::printf("BENCH name=pagetouch metric=us/page value=%.2f\n", us / (double)(bytes / page));
    return 0;
}
