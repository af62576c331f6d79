// std::condition_variable is not supported: the build names channels instead.
//! build-error: <condition_variable> is not supported (it blocks OS threads): use channels, or go::sync::WaitGroup (docs/cxx.md)
#include <condition_variable>

#include "go.h"

std::condition_variable cv;

int main() { cv.notify_all(); }
