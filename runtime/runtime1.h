// runtime1.h — the pure parsers of runtime1.cpp, for host unit tests.
#pragma once
#include "runtime.h"

namespace runtime {
const char* envlookup(char* const* env, const char* key);
void parseGodebug(const char* s, dbgVars* d);
bool parseGomaxprocs(const char* s, int32_t* n);
int32_t parseGotraceback(const char* s, bool* all, bool* crash);

// What the runtime takes from the auxiliary vector (Go's sysauxv).
struct auxvInfo {
    uintptr pagesz;       // AT_PAGESZ, 0 if absent
    uintptr hwcap;        // AT_HWCAP
    uintptr sysinfoEhdr;  // AT_SYSINFO_EHDR: the vDSO, 0 if absent (qemu-user)
    uint64_t randomSeed;  // from the 16 bytes at AT_RANDOM
    bool haveRandom;
};
void parseAuxv(const uintptr* auxv, auxvInfo* out);
}  // namespace runtime
