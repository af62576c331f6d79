// main's return value is the process's exit status (int main() form).
//! exit: 7
//! stdout: returning 7
//! stderr-empty
#include "go.h"

int main() {
    go::fmt::Println("returning 7");
    return 7;
}
