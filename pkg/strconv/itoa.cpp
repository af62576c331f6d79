// itoa.cpp — Go's strconv/itoa.go, in the one form ftoa needs: decimal
// digits of an unsigned integer. (fmt formats integers itself, with its
// flags, as Go's fmt.fmtInteger does.)
#include "pkg/strconv/strconv.h"

namespace go::strconv {

void appendUint(Buf& b, uint64_t v) {
    char tmp[20];
    int i = 20;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    b.put(tmp + i, 20 - i);
}

}  // namespace go::strconv
