// symtab.cpp — function names and source lines for tracebacks, from the
// .gosymtab table tools/mksymtab builds at link time. Go's symtab.go reads
// pclntab the same way: findfunc searches the function table, and each
// function's pcfile and pcln tables are pc-value sequences that pcvalue
// decodes with step (tools/mksymtab.cpp documents the layout).
#include "runtime.h"
#include "symtab_words.h"

extern "C" const char __gosymtab_start[];
extern "C" const char __runtime_text_start[];
extern "C" const char __runtime_text_end[];

namespace runtime {

namespace {
constexpr uint32_t symtabMagic = 0x54534f47;  // "GOST"
constexpr uint32_t symtabVersion = 4;

struct header {
    uint32_t magic, version, nfunc, nfile, inlsize, funcoff, stroff;
};
struct functab {
    uint32_t entry;
    uint32_t funcoff;  // from the start of the _func records
};

// One function, its record decoded (Go's funcInfo over a _func).
struct funcInfo {
    uintptr entry = 0;
    uintptr end = 0;                  // 0: up to the next function
    uint32_t nameoff = 0;             // into the string pool
    const uint8_t* pcfile = nullptr;  // nullptr: no line information
    const uint8_t* pcln = nullptr;
    const uint8_t* pcinl = nullptr;   // nullptr: no inlined code
};

const header* table() {
    auto* h = (const header*)__gosymtab_start;
    return h->magic == symtabMagic && h->version == symtabVersion ? h : nullptr;
}

const char* strs(const header* h) { return __gosymtab_start + h->stroff; }

// Go's readvarint.
const uint8_t* readvarint(const uint8_t* p, uint32_t* val) {
    uint32_t v = 0, shift = 0;
    for (;;) {
        uint8_t b = *p++;
        v |= (uint32_t)(b & 0x7f) << (shift & 31);
        if ((b & 0x80) == 0) break;
        shift += 7;
    }
    *val = v;
    return p;
}

// Go's step: advance to the next pc, value pair of a pc-value table (a
// zigzag value delta, then a pc delta; a zero byte after the first pair
// ends the table). Returns nullptr at the end.
const uint8_t* step(const uint8_t* p, uintptr* pc, int32_t* val, bool first) {
    uint32_t uvdelta = *p;
    if (uvdelta == 0 && !first) return nullptr;
    p = readvarint(p, &uvdelta);
    *val += (int32_t)(-(uvdelta & 1) ^ (uvdelta >> 1));
    uint32_t pcdelta;
    p = readvarint(p, &pcdelta);
    *pc += pcdelta;  // PCQuantum is 1 on amd64
    return p;
}

// Go's pcvalue: the value the table at p gives targetpc, or -1 when the
// table ends before it.
int32_t pcvalue(const funcInfo& f, const uint8_t* p, uintptr targetpc) {
    uintptr pc = f.entry;
    int32_t val = -1;
    while ((p = step(p, &pc, &val, pc == f.entry)) != nullptr)
        if (targetpc < pc) return val;
    return -1;
}

// The byte after the table at p, and in *end the pc where it ends: a
// function's pcln table follows its pcfile table (Go's _func holds both
// tables' offsets instead), and the tables cover the function.
const uint8_t* pctabEnd(uintptr entry, const uint8_t* p, uintptr* end) {
    uintptr pc = entry;
    int32_t val = -1;
    for (const uint8_t* next; (next = step(p, &pc, &val, pc == entry)) != nullptr;) p = next;
    *end = pc;
    return p + 1;
}

// Go's findfunc: binary search of the function table for the last entry
// at or below pc.
bool findfunc(uintptr pc, funcInfo* f) {
    const header* h = table();
    if (h == nullptr) return false;
    auto* ft = (const functab*)(h + 1);
    uint32_t lo = 0, hi = h->nfunc;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (ft[mid].entry <= pc) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return false;
    auto* p = (const uint8_t*)__gosymtab_start + h->funcoff + ft[lo - 1].funcoff;
    uint32_t word;
    p = readvarint(p, &word);
    f->nameoff = word >> 1;
    f->entry = ft[lo - 1].entry;
    if (*p == 0) {
        uint32_t size;
        readvarint(p + 1, &size);
        f->end = size == 0 ? 0 : f->entry + size;
    } else {
        f->pcfile = p;
        f->pcln = pctabEnd(f->entry, p, &f->end);
        if (word & 1) f->pcinl = pctabEnd(f->entry, f->pcln, &f->end);
    }
    return f->end == 0 || pc < f->end;
}

// Write the pool's string at off into buf (NUL-terminated), expanding the
// word bytes (symtab_words.h).
void expand(uint32_t off, char* buf, size_t n) {
    size_t i = 0;
    for (const char* s = strs(table()) + off; *s && i + 1 < n; s++) {
        if (*s < 1 || *s > symtabWordCount) {
            buf[i++] = *s;
            continue;
        }
        for (const char* w = symtabWord(*s - 1); *w && i + 1 < n;) buf[i++] = *w++;
    }
    buf[i] = 0;
}

const uint32_t* filetab(const header* h) { return (const uint32_t*)((const functab*)(h + 1) + h->nfunc); }

const uint8_t* inltree(const header* h) { return (const uint8_t*)(filetab(h) + h->nfile); }
}  // namespace

bool funcname(uintptr pc, char* buf, size_t n, uintptr* entry) {
    funcInfo f;
    if (!findfunc(pc, &f)) return false;
    expand(f.nameoff, buf, n);
    *entry = f.entry;
    return true;
}

// Go's funcline1: the file and line of pc from its function's pcfile and
// pcln tables. *line is 0 where the line table has no line (the file is
// still the function's).
bool funcline(uintptr pc, char* file, size_t n, int32_t* line) {
    funcInfo f;
    if (!findfunc(pc, &f) || f.pcfile == nullptr) return false;
    int32_t fileno = pcvalue(f, f.pcfile, pc);
    int32_t ln = pcvalue(f, f.pcln, pc);
    const header* h = table();
    if (fileno < 0 || (uint32_t)fileno >= h->nfile || ln < 0) return false;
    expand(filetab(h)[fileno], file, n);
    *line = ln;
    return true;
}

// Go's pcdatavalue(f, _PCDATA_InlTreeIndex, pc): the innermost inlined
// call pc is in, or -1.
int32_t funcInlIndex(uintptr pc) {
    funcInfo f;
    if (!findfunc(pc, &f) || f.pcinl == nullptr) return -1;
    int32_t ix = pcvalue(f, f.pcinl, pc);
    return ix >= 0 && (uint32_t)ix < table()->inlsize ? ix : -1;
}

// The node at ix of the inline tree (Go's inlinedCall, tools/mksymtab.cpp
// has the layout): the inlined function's name into name, the call's
// position into file and *line; returns the parent node (-1: the call is
// in the function's own code). Go records the call site as parentPc, a pc
// whose line is the call's; we keep the call site DWARF gives.
int32_t inlinedCallAt(int32_t ix, char* name, size_t nname, char* file, size_t nfile, int32_t* line) {
    const header* h = table();
    uint32_t nameoff, fileno, ln, back;
    const uint8_t* p = readvarint(inltree(h) + ix, &nameoff);
    p = readvarint(p, &fileno);
    p = readvarint(p, &ln);
    readvarint(p, &back);
    expand(nameoff, name, nname);
    if (fileno < h->nfile) expand(filetab(h)[fileno], file, nfile);
    else file[0] = 0;
    *line = (int32_t)ln;
    return back == 0 || back > (uint32_t)ix ? -1 : ix - (int32_t)back;
}
// Runtime code (linker.ld gathers it) is never preempted asynchronously and
// its frames are hidden from user tracebacks, as Go hides runtime.* frames.
bool inRuntimeText(uintptr pc) {
    return pc >= (uintptr)__runtime_text_start && pc < (uintptr)__runtime_text_end;
}

}  // namespace runtime
