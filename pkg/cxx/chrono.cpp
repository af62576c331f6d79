// chrono.cpp — the out-of-line clocks of <chrono>: libstdc++'s headers
// declare std::chrono::_V2::system_clock::now() and steady_clock::now() and
// leave them to libstdc++.so, which programs here do not link. They read the
// runtime's clocks: CLOCK_REALTIME and CLOCK_MONOTONIC through the vDSO, or
// the system call where there is none (qemu-user). Both clocks count
// nanoseconds, as libstdc++'s do on Linux; high_resolution_clock is
// system_clock there too.
#include <chrono>

#include "runtime/runtime.h"

// The clocks return the runtime's nanoseconds as they are.
static_assert(std::is_same_v<std::chrono::system_clock::duration, std::chrono::nanoseconds> &&
              std::is_same_v<std::chrono::steady_clock::duration, std::chrono::nanoseconds>);

namespace std::chrono {
inline namespace _V2 {

system_clock::time_point system_clock::now() noexcept { return time_point(duration(runtime::walltime())); }

steady_clock::time_point steady_clock::now() noexcept { return time_point(duration(runtime::nanotime())); }

}  // namespace _V2
}  // namespace std::chrono
