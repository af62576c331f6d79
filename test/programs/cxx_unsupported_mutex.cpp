// std::mutex is not supported: the build names go::sync::Mutex instead.
//! build-error: <mutex> is not supported (it blocks OS threads): use go::sync::Mutex, or channels (docs/cxx.md)
#include <mutex>

#include "go.h"

std::mutex mu;

int main() { std::lock_guard<std::mutex> g(mu); }
