// hashtable.cpp — std::__detail::_Prime_rehash_policy, the policy behind
// every std::unordered_* container (declared in <bits/hashtable_policy.h>):
// bucket counts are primes (primes.h), the table holds at most
// max_load_factor() elements per bucket on average, and it grows by at
// least a factor of two (_S_growth_factor) when an insertion would pass
// that.
//
// _M_next_resize caches the element count at which the current bucket
// count stops being enough; the header's inline code saves and restores it
// (_M_state, _M_reset), and 0 means "no buckets allocated yet".
#include <stdint.h>

#include <algorithm>
#include <unordered_map>

#include "primes.h"

namespace {

constexpr size_t nprimes = sizeof cxx::primeList / sizeof cxx::primeList[0];

// floor(v) for v >= 0, saturating at SIZE_MAX (without libm's floor).
size_t floorToSize(double v) { return v >= 18446744073709551615.0 ? SIZE_MAX : (size_t)v; }

}  // namespace

namespace std::__detail {

// The least listed prime >= n, and the element count it can hold. Asked for
// 0 buckets (a container's first sizing), it gives 1 and leaves
// _M_next_resize at 0, so the first insertion allocates.
size_t _Prime_rehash_policy::_M_next_bkt(size_t n) const {
    if (n == 0) return 1;
    const unsigned long* end = cxx::primeList + nprimes;
    const unsigned long* p = std::lower_bound(cxx::primeList, end, n);
    if (p == end) {
        // Beyond the largest prime: stay there and never ask to grow again
        // (the load factor can then be exceeded).
        _M_next_resize = SIZE_MAX;
        return end[-1];
    }
    _M_next_resize = floorToSize((double)*p * (double)_M_max_load_factor);
    return *p;
}

// Whether inserting nIns elements into nElt held in nBkt buckets needs a
// rehash, and if so to how many buckets: enough for the new count at the
// maximum load factor, and at least twice as many as now. A table with no
// buckets yet starts with room for 11 elements.
std::pair<bool, size_t> _Prime_rehash_policy::_M_need_rehash(size_t nBkt, size_t nElt, size_t nIns) const {
    if (nElt + nIns <= _M_next_resize) return {false, 0};
    size_t want = std::max<size_t>(nElt + nIns, _M_next_resize == 0 ? 11 : 0);
    double minBkts = (double)want / (double)_M_max_load_factor;
    if (minBkts >= (double)nBkt)
        return {true, _M_next_bkt(std::max<size_t>(floorToSize(minBkts) + 1, nBkt * _S_growth_factor))};
    // The buckets suffice (the load factor was raised): remember the new limit.
    _M_next_resize = floorToSize((double)nBkt * (double)_M_max_load_factor);
    return {false, 0};
}

}  // namespace std::__detail
