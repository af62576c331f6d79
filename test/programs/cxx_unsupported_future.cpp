// std::async/std::future are not supported: the build names go::go and
// channels instead.
//! build-error: <future> is not supported (it needs std::thread): send the result on a channel from a goroutine started with go::go (docs/cxx.md)
#include <future>

#include "go.h"

int main() { return std::async([] { return 0; }).get(); }
