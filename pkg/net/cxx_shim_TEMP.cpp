// cxx_shim_TEMP.cpp — temporary until the cxx branch lands: the few
// out-of-line libstdc++ functions std::string needs, failing as Go panics.
#include "go.h"

namespace std {
[[noreturn]] void __throw_logic_error(const char* s) { go::panic(s); }
[[noreturn]] void __throw_length_error(const char* s) { go::panic(s); }
[[noreturn]] void __throw_out_of_range(const char* s) { go::panic(s); }
[[noreturn]] void __throw_out_of_range_fmt(const char* s, ...) { go::panic(s); }
[[noreturn]] void __throw_bad_alloc() { go::panic("std::bad_alloc"); }
[[noreturn]] void __throw_bad_array_new_length() { go::panic("std::bad_array_new_length"); }
}  // namespace std

// <string_view>'s find calls memchr, which no library of ours defines yet.
extern "C" void* memchr(const void* s, int c, size_t n) {
    auto* p = (const unsigned char*)s;
    for (size_t i = 0; i < n; i++)
        if (p[i] == (unsigned char)c) return (void*)(p + i);
    return nullptr;
}
