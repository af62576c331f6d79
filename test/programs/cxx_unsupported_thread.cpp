// std::thread is not supported: the build names go::go instead.
//! build-error: <thread> is not supported (std::thread is an OS thread): start a goroutine with go::go(f, args...) (docs/cxx.md)
#include <thread>

#include "go.h"

int main() {
    std::thread t([] {});
    t.join();
}
