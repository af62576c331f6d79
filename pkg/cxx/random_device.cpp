// random_device.cpp — std::random_device's out-of-line members
// (<bits/random.h>), on the getrandom(2) system call: the kernel's
// cryptographic generator, the "getrandom" source of libstdc++, which is
// also what "default" means here. Other tokens (rdrand, /dev/urandom...)
// are refused as libstdc++ refuses unknown ones: a runtime_error panic.
// sys_linux.h first: <random> reaches <bits/syscall.h>, whose SYS_* macros
// would clash with its constants.
#include "runtime/sys_linux.h"

#include <random>

namespace std {

namespace {
constexpr long sysGetrandom = 318;  // getrandom(2) on x86-64
}

void random_device::_M_init(const std::string& token) {
    if (token != "default" && token != "getrandom")
        __throw_runtime_error("random_device::random_device(const std::string&): unsupported token");
}

void random_device::_M_fini() {}

random_device::result_type random_device::_M_getval() {
    result_type v;
    for (;;) {
        long n = runtime::sys::syscall6(sysGetrandom, (long)&v, sizeof v, 0, 0, 0, 0);
        if (n == (long)sizeof v) return v;
        if (n != -4 /* EINTR */) __throw_runtime_error("random_device: getrandom failed");
    }
}

// A non-deterministic source of full 32-bit values.
double random_device::_M_getentropy() const noexcept { return 32.0; }

}  // namespace std
