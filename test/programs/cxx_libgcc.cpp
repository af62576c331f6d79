// GCC's own libgcc.a is linked after the program and the runtime, so the
// helpers GCC calls for what x86-64 has no instruction for resolve:
// __int128 division and remainder (__udivti3, __divti3, __umodti3,
// __modti3), popcount without the POPCNT instruction (__popcountdi2,
// from std::popcount on a value known only at run time), and __int128 to
// and from double. The expected values are the host's.
//! stdout: udiv 123456789012345678 rem 1234567
//! stdout: sdiv -61728394506172839 rem -1
//! stdout: popcount 32 32 0 64
//! stdout: to double 1e+30 from double 123456789012
#include <bit>

#include "go.h"

static volatile uint64_t opaque[4] = {0xffffffff, 0x123456789abcdef0, 0, ~0ull};
static volatile double dopaque = 123456789012.75;

int main() {
    unsigned __int128 big = (unsigned __int128)123456789012345678ull * 10000000000000000000ull + 1234567;
    unsigned __int128 den = (unsigned __int128)opaque[2] + 10000000000000000000ull;
    go::fmt::Println("udiv", (uint64_t)(big / den), "rem", (uint64_t)(big % den));
    __int128 s = -(__int128)123456789012345679ll;
    __int128 sd = (__int128)opaque[2] + 2;
    go::fmt::Println("sdiv", (int64_t)(s / sd), "rem", (int64_t)(s % sd));
    go::fmt::Println("popcount", std::popcount((uint64_t)opaque[0]), std::popcount((uint64_t)opaque[1]),
                     std::popcount((uint64_t)opaque[2]), std::popcount((uint64_t)opaque[3]));
    __int128 e30 = (__int128)1000000000000000ll * 1000000000000000ll;
    e30 += (__int128)opaque[2];
    go::fmt::Println("to double", (double)e30, "from double", (int64_t)(__int128)dopaque);
    return 0;
}
