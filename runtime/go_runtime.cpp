// go_runtime.cpp — package runtime's exported functions (Go's debug.go and
// proc.go exports) for go.h.
#include "go.h"

#include "runtime.h"

namespace runtime {
int32_t setGOMAXPROCS(int32_t n);
}

namespace go {

void Gosched() { runtime::Gosched(); }
void Goexit() { runtime::Goexit(); }
int GOMAXPROCS(int n) { return runtime::setGOMAXPROCS(n); }
int NumCPU() { return runtime::ncpu; }
int NumGoroutine() { return runtime::gcount(); }

}  // namespace go
