// User code sees only the public include folder (include/): including a
// runtime internal such as proc.h fails to build (docs/architecture.md).
//! build-error: proc.h: No such file or directory
#include "go.h"
#include "proc.h"

int main() {}
