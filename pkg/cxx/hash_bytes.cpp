// hash_bytes.cpp — std::_Hash_bytes and std::_Fnv_hash_bytes
// (<bits/hash_bytes.h>), the byte hashes behind std::hash of strings and
// string views (seeded with 0xc70f6907 by the header).
//
// _Hash_bytes is MurmurHash2's 64-bit variant (MurmurHash64A, Austin
// Appleby, public domain), the function libstdc++ documents for 64-bit
// size_t; _Fnv_hash_bytes is FNV-1a, 64-bit (Fowler, Noll, Vo). Values
// only have to be stable within one run of one program.
#include <stddef.h>
#include <stdint.h>

namespace std {

size_t _Hash_bytes(const void* ptr, size_t len, size_t seed) {
    constexpr uint64_t m = 0xc6a4a7935bd1e995ull;
    constexpr int r = 47;
    auto* p = (const unsigned char*)ptr;
    uint64_t h = seed ^ (len * m);
    size_t words = len / 8;
    for (size_t i = 0; i < words; i++, p += 8) {
        uint64_t k;
        __builtin_memcpy(&k, p, 8);
        k *= m;
        k ^= k >> r;
        k *= m;
        h ^= k;
        h *= m;
    }
    size_t tail = len & 7;
    if (tail != 0) {
        uint64_t k = 0;
        for (size_t i = 0; i < tail; i++) k |= (uint64_t)p[i] << (8 * i);
        h ^= k;
        h *= m;
    }
    h ^= h >> r;
    h *= m;
    h ^= h >> r;
    return h;
}

size_t _Fnv_hash_bytes(const void* ptr, size_t len, size_t seed) {
    auto* p = (const unsigned char*)ptr;
    uint64_t h = seed;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

}  // namespace std
