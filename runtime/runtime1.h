// runtime1.h — the pure parsers of runtime1.cpp, for host unit tests.
#pragma once
#include "runtime.h"

namespace runtime {
const char* envlookup(char* const* env, const char* key);
void parseGodebug(const char* s, dbgVars* d);
bool parseGomaxprocs(const char* s, int32_t* n);
int32_t parseGotraceback(const char* s, bool* all);
}  // namespace runtime
