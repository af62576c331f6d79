// The rest of the thread-blocking headers: each says what to use.
//! build-error: <shared_mutex> is not supported (it blocks OS threads): use go::sync::RWMutex (docs/cxx.md)
//! build-error: <semaphore> is not supported (it blocks OS threads): use a buffered channel, go::make_chan<T>(n) (docs/cxx.md)
//! build-error: <latch> is not supported (it blocks OS threads): use go::sync::WaitGroup (docs/cxx.md)
//! build-error: <barrier> is not supported (it blocks OS threads): use go::sync::WaitGroup or channels (docs/cxx.md)
//! build-error: <stop_token> is not supported (it belongs to std::jthread): close a channel to signal goroutines to stop (docs/cxx.md)
#include <barrier>
#include <latch>
#include <semaphore>
#include <shared_mutex>
#include <stop_token>

#include "go.h"

int main() {}
