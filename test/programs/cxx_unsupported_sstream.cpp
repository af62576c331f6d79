// std::ostringstream: C++ streams are not provided; <sstream> cannot be
// stopped by a header (<complex> and <bitset> include it), so the link fails
// and gocxx's note names what to use instead.
//! build-error: undefined reference to
//! build-error: gocxx: note: C++ streams (<sstream>, <fstream>, <ostream>) are not provided
//! build-error: go::fmt::Sprintf
#include <sstream>

#include "go.h"

int main() {
    std::ostringstream o;
    o << 42;
    go::fmt::Println(o.str());
}
