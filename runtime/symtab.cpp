// symtab.cpp — function names and source lines for tracebacks, from the
// .gosymtab table tools/mksymtab builds at link time (Go's symtab.go reads
// pclntab for the same purpose; tools/mksymtab.cpp documents the layout).
#include "runtime.h"
#include "symtab_prefixes.h"

extern "C" const char __gosymtab_start[];
extern "C" const char __runtime_text_start[];
extern "C" const char __runtime_text_end[];

namespace runtime {

namespace {
constexpr uint32_t symtabMagic = 0x54534f47;  // "GOST"
constexpr uint32_t symtabVersion = 2;

struct funcEntry {
    uint32_t entry;
    uint32_t size;
    uint32_t nameoff;
    uint32_t fileoff;  // 0: unknown
};
struct lineEntry {
    uint32_t pc;
    uint32_t line;  // 0: no line here
    uint32_t fileoff;
};
struct header {
    uint32_t magic, version, nfunc, nline;
};

struct table {
    const char* base = nullptr;
    const funcEntry* funcs = nullptr;
    uint32_t nfunc = 0;
    const lineEntry* lines = nullptr;
    uint32_t nline = 0;
};

table load() {
    table t;
    auto* h = (const header*)__gosymtab_start;
    if (h->magic != symtabMagic || h->version != symtabVersion) return t;
    t.base = __gosymtab_start;
    t.nfunc = h->nfunc;
    t.nline = h->nline;
    t.funcs = (const funcEntry*)(h + 1);
    t.lines = (const lineEntry*)(t.funcs + t.nfunc);
    return t;
}

// The last entry whose key is <= pc.
template <class E> const E* search(const E* v, uint32_t n, uintptr pc) {
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (*(const uint32_t*)&v[mid] <= pc) lo = mid + 1;  // the key is each entry's first field
        else hi = mid;
    }
    return lo == 0 ? nullptr : &v[lo - 1];
}

const funcEntry* findfunc(const table& t, uintptr pc) {
    const funcEntry* f = search(t.funcs, t.nfunc, pc);
    if (f == nullptr || (f->size != 0 && pc >= (uintptr)f->entry + f->size)) return nullptr;
    return f;
}
}  // namespace

// Write the table's string at off into buf (NUL-terminated), expanding a
// leading prefix byte (symtab_prefixes.h).
static void expand(const table& t, uint32_t off, char* buf, size_t n) {
    const char* s = t.base + off;
    size_t i = 0;
    auto put = [&](const char* p) {
        while (*p && i + 1 < n) buf[i++] = *p++;
    };
    if (*s >= 1 && *s <= symtabPrefixCount) put(symtabPrefixes[*s++ - 1]);
    put(s);
    buf[i] = 0;
}

bool funcname(uintptr pc, char* buf, size_t n, uintptr* entry) {
    table t = load();
    if (t.base == nullptr) return false;
    const funcEntry* f = findfunc(t, pc);
    if (f == nullptr) return false;
    expand(t, f->nameoff, buf, n);
    *entry = f->entry;
    return true;
}

// The source position of pc, written to file: file and line from the line
// table (user code), or just the function's file (runtime code: *line is 0).
bool funcline(uintptr pc, char* file, size_t n, int32_t* line) {
    table t = load();
    if (t.base == nullptr) return false;
    const funcEntry* f = findfunc(t, pc);
    const lineEntry* l = search(t.lines, t.nline, pc);
    if (l != nullptr && l->line != 0 && (f == nullptr || l->pc >= f->entry)) {
        expand(t, l->fileoff, file, n);
        *line = (int32_t)l->line;
        return true;
    }
    if (f != nullptr && f->fileoff != 0) {
        expand(t, f->fileoff, file, n);
        *line = 0;
        return true;
    }
    return false;
}

// Runtime code (linker.ld gathers it) is never preempted asynchronously and
// its frames are hidden from user tracebacks, as Go hides runtime.* frames.
bool inRuntimeText(uintptr pc) {
    return pc >= (uintptr)__runtime_text_start && pc < (uintptr)__runtime_text_end;
}

}  // namespace runtime
