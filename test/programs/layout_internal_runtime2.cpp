// User code sees only the public include folder (include/): including a
// runtime internal such as runtime2.h fails to build (docs/architecture.md).
//! build-error: runtime2.h: No such file or directory
#include "go.h"
#include "runtime2.h"

int main() {}
