// new of over-aligned types: any power-of-two alignment works (operator
// new(size_t, align_val_t)), small and large, and the memory is usable and
// freed. Before, alignas(8192) was "fatal error: mallocAligned: bad alignment".
//! stdout: ok
#include "go.h"
#include "testutil.h"

template <size_t A, size_t N> struct alignas(A) Blob {
    unsigned char b[N];
};

template <size_t A, size_t N> static void check(int count) {
    using T = Blob<A, N>;
    T* ps[16];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < count; i++) {
            ps[i] = new T;
            CHECK_MSG(((uintptr_t)ps[i] & (A - 1)) == 0, "new returned a misaligned pointer");
            for (size_t k = 0; k < sizeof(T); k += 512) ps[i]->b[k] = (unsigned char)(i + 1);
            ps[i]->b[sizeof(T) - 1] = (unsigned char)(i + 1);
        }
        for (int i = 0; i < count; i++) {
            for (size_t k = 0; k < sizeof(T); k += 512) CHECK_EQ(ps[i]->b[k], (unsigned char)(i + 1));
            CHECK_EQ(ps[i]->b[sizeof(T) - 1], (unsigned char)(i + 1));
        }
        for (int i = 0; i < count; i++) delete ps[i];
    }
    T* arr = new T[3];
    CHECK_MSG(((uintptr_t)arr & (A - 1)) == 0, "new[] returned a misaligned pointer");
    arr[2].b[N - 1] = 7;
    delete[] arr;
}

int main() {
    check<8192, 100>(16);
    check<8192, 8192>(16);
    check<16384, 64>(16);
    check<16384, 40000>(16);
    check<65536, 8>(16);
    check<(1 << 20), 4096>(8);
    check<(1 << 22), (3 << 20)>(4);
    t::ok();
    return 0;
}
