// std::stoi of text with no number (invalid_argument) or of one out of
// int's range (out_of_range): both panic with the function's name, as
// libstdc++'s exceptions say.
// Without exceptions nothing could catch it: an unrecovered panic with the
// library's message, the goroutine's traceback down to main, exit status 2.
//! exit: 2
//! stdout: before
//! stderr-order: panic: stoi | goroutine 1 [running]: | main()
//! stderr-regex: ^panic: stoi$
//! runs: TEXT=abc ; TEXT=99999999999
#include <string>

#include "go.h"

int main() {
    std::string s = go::os::Getenv("TEXT");
    go::fmt::Println("before");
    go::fmt::Println(std::stoi(s));
    return 0;
}
