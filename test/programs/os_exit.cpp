// go::os::Exit(3) ends the process at once with status 3, from main.
//! exit: 3
//! stdout: exiting
//! stderr-empty
#include "go.h"

int main() {
    go::fmt::Println("exiting");
    go::os::Exit(3);
    go::fmt::Println("not reached");
    return 0;
}
