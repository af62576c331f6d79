// throw/try/catch: programs are built without exceptions; the build stops
// with g++'s message and gocxx's note naming the alternative.
//! build-error: exception handling disabled
//! build-error: gocxx: note: throw, try and catch are not supported
//! build-error: return a go::error, or call go::panic
#include "go.h"

int parse(const char* s) {
    if (!s) throw 1;
    return 0;
}

int main() {
    try {
        parse(nullptr);
    } catch (int) {
    }
}
