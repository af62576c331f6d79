// dynamic_cast needs RTTI, which programs are built without.
//! build-error: -fno-rtti
//! build-error: gocxx: note: dynamic_cast and typeid need RTTI
//! build-error: use virtual functions or std::variant
#include "go.h"

struct Shape {
    virtual ~Shape() = default;
};
struct Circle : Shape {};

int main() {
    Circle c;
    Shape* s = &c;
    return dynamic_cast<Circle*>(s) ? 0 : 1;
}
