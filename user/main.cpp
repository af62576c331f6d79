// The user's program: ./hello. `make run` builds and runs it.
#include "go.h"

int main() {
    go::fmt::Println("hello, world");
    return 0;
}
