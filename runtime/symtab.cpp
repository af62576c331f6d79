// symtab.cpp — function names and source lines for tracebacks, from the
// .gosymtab table tools/mksymtab builds at link time (Go's symtab.go reads
// pclntab for the same purpose).
//
// Layout (all little-endian, offsets from the table's start):
//   u32 magic "GOST", u32 version 1
//   u64 nfunc;  nfunc x { u64 entry; u32 size; u32 nameoff }   sorted by entry
//   u64 nline;  nline x { u64 pc; u32 fileoff; u32 line }      sorted by pc
//   strings, NUL-terminated
#include "runtime.h"

extern "C" const char __gosymtab_start[];
extern "C" const char __runtime_text_start[];
extern "C" const char __runtime_text_end[];

namespace runtime {

namespace {
constexpr uint32_t symtabMagic = 0x54534f47;  // "GOST"
struct funcEntry {
    uint64_t entry;
    uint32_t size;
    uint32_t nameoff;
};
struct lineEntry {
    uint64_t pc;
    uint32_t fileoff;
    uint32_t line;
};
struct table {
    const char* base = nullptr;
    const funcEntry* funcs = nullptr;
    uint64_t nfunc = 0;
    const lineEntry* lines = nullptr;
    uint64_t nline = 0;
};

table load() {
    table t;
    const char* b = __gosymtab_start;
    if (*(const uint32_t*)b != symtabMagic || *(const uint32_t*)(b + 4) != 1) return t;
    t.base = b;
    t.nfunc = *(const uint64_t*)(b + 8);
    t.funcs = (const funcEntry*)(b + 16);
    const char* after = (const char*)(t.funcs + t.nfunc);
    t.nline = *(const uint64_t*)after;
    t.lines = (const lineEntry*)(after + 8);
    return t;
}

// The last entry whose key is <= pc.
template <class E> const E* search(const E* v, uint64_t n, uint64_t pc, uint64_t E::*key) {
    uint64_t lo = 0, hi = n;
    while (lo < hi) {
        uint64_t mid = (lo + hi) / 2;
        if (v[mid].*key <= pc) lo = mid + 1;
        else hi = mid;
    }
    return lo == 0 ? nullptr : &v[lo - 1];
}
}  // namespace

bool funcname(uintptr pc, const char** name, uintptr* entry) {
    table t = load();
    if (t.base == nullptr) return false;
    const funcEntry* f = search(t.funcs, t.nfunc, pc, &funcEntry::entry);
    if (f == nullptr || (f->size != 0 && pc >= f->entry + f->size)) return false;
    *name = t.base + f->nameoff;
    *entry = f->entry;
    return true;
}

bool funcline(uintptr pc, const char** file, int32_t* line) {
    table t = load();
    if (t.base == nullptr || t.nline == 0) return false;
    const lineEntry* l = search(t.lines, t.nline, pc, &lineEntry::pc);
    if (l == nullptr || l->line == 0) return false;
    *file = t.base + l->fileoff;
    *line = (int32_t)l->line;
    return true;
}

// Runtime code (linker.ld gathers it) is never preempted asynchronously and
// its frames are hidden from user tracebacks, as Go hides runtime.* frames.
bool inRuntimeText(uintptr pc) {
    return pc >= (uintptr)__runtime_text_start && pc < (uintptr)__runtime_text_end;
}

}  // namespace runtime
