// typeid needs RTTI, which programs are built without.
//! build-error: -fno-rtti
//! build-error: gocxx: note: dynamic_cast and typeid need RTTI
//! build-error: use virtual functions or std::variant
#include <typeinfo>

#include "go.h"

struct Shape {
    virtual ~Shape() = default;
};

int main() {
    Shape s;
    go::fmt::Println(typeid(s).name());
}
