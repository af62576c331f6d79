// mksymtab — builds the table tracebacks print from: every function's name,
// and the source file and line of every pc.
//
//   mksymtab --runtime-lib LIB [--include DIR] PASS1.elf PASS1.map OUT.S
//       write the table for PASS1 (the first link; PASS1.map its -Map file).
//       LIB: the runtime's archive, whose code must fill the runtime text
//       range and nothing else may; DIR: the public include folder, whose
//       inlined functions are the user's code (no frames of their own).
//   mksymtab --check PASS1.elf FINAL.elf
//       verify that the second link laid everything out as the first did
//
// Go's linker writes pclntab into every binary; we get the same effect with a
// second link. The first link fixes every function's address; this tool reads
// them from the ELF symbol table (demangled, parameter lists dropped), and
// from the DWARF (everything is compiled -g or -g1; tools/dwarf.cpp reads
// it) the line table and the inlined calls. It emits an assembly file whose
// .gosymtab section the second link places after everything else
// (linker.ld), so nothing moves.
//
// Table layout (version 4; runtime/symtab.cpp reads it), little-endian,
// offsets from the table's start unless said otherwise:
//   u32 magic "GOST", u32 version, u32 nfunc, u32 nfile, u32 inlsize,
//   u32 funcoff, u32 stroff
//   functab: nfunc x { u32 entry; u32 off }   sorted by entry; off: of the
//            function's _func record, from funcoff
//   filetab: nfile x u32                      file names, from stroff
//   inltree: inlsize bytes                    the inline tree (Go's
//            _FUNCDATA_InlTree, one for the whole program): nodes of
//            uvarints name (from stroff), file (filetab index), line (of
//            the call), and how many bytes back the parent node starts
//            (0: none, the call is in the function's own code)
//   _func records at funcoff: uvarint nameoff<<1 | has-pcinl, then either
//            a zero byte and uvarint size (no line information; size 0: up
//            to the next function), or the pcfile table (values: filetab
//            indexes) followed by the pcln table (values: lines, 0 where
//            the line table has none), whose pc deltas add up to the size,
//            and with has-pcinl the pcinl table (Go's
//            _PCDATA_InlTreeIndex; values: the innermost inlined call's
//            node, its offset in inltree; -1: none)
//   strings at stroff, NUL-terminated, a byte 1..n standing for a word
//            (runtime/symtab_words.h)
// The pc tables are Go's pc-value encoding (cmd/internal/obj/pcln.go, read
// by runtime/symtab.go step): from value -1 at the entry, pairs of (zigzag
// varint value delta, uvarint pc delta), a zero byte ending the table. Go's
// _func holds the offsets of its tables in a shared pctab; ours follow the
// record, which saves those offsets (a few bytes per function). pcfile and
// pcln give the innermost position, as Go's do: in inlined code, the line
// of the inlined function.
//
// This is a host program: it may use the C++ standard library.
#include <cxxabi.h>
#include <elf.h>

#include <unistd.h>

#include "../runtime/symtab_words.h"
#include "dwarf.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace {

struct Func {
    uint64_t addr;
    uint64_t size;
    std::string name;
};

[[noreturn]] void die(const std::string& msg) {
    std::fprintf(stderr, "mksymtab: %s\n", msg.c_str());
    std::exit(1);
}

std::vector<char> readFile(const char* path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) die(std::string("cannot open ") + path);
    return std::vector<char>((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

bool startsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool endsWith(const std::string& s, const std::string& p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// An ELF64 file's section headers, every one checked to lie inside the
// file, as are the bytes of each section that has them: a truncated or
// half-written file (a link killed or still running) is an error, not a
// read past the end.
struct Elf {
    const std::vector<char>& buf;
    const Elf64_Ehdr* eh;
    const Elf64_Shdr* sh;
    int n;
    const char* data(const Elf64_Shdr& s) const { return buf.data() + s.sh_offset; }
};

Elf openElf(const std::vector<char>& buf, const char* path) {
    auto bad = [&](const char* why) { die(std::string(path) + ": " + why); };
    if (buf.size() < sizeof(Elf64_Ehdr)) bad("not an ELF file (too short)");
    auto* eh = reinterpret_cast<const Elf64_Ehdr*>(buf.data());
    if (std::memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64) bad("not an ELF64 file");
    if (eh->e_shentsize != sizeof(Elf64_Shdr) || eh->e_shoff > buf.size() ||
        (buf.size() - eh->e_shoff) / sizeof(Elf64_Shdr) < eh->e_shnum || eh->e_shstrndx >= eh->e_shnum)
        bad("section headers outside the file (truncated?)");
    auto* sh = reinterpret_cast<const Elf64_Shdr*>(buf.data() + eh->e_shoff);
    for (int i = 0; i < eh->e_shnum; i++) {
        if (sh[i].sh_type == SHT_NOBITS) continue;
        if (sh[i].sh_offset > buf.size() || buf.size() - sh[i].sh_offset < sh[i].sh_size)
            bad("a section lies outside the file (truncated?)");
        if (sh[i].sh_link >= eh->e_shnum) bad("a section links to no section");
    }
    return {buf, eh, sh, eh->e_shnum};
}

// The NUL-terminated string at off in string table strtab, checked.
const char* elfString(const Elf& e, const Elf64_Shdr& strtab, uint64_t off, const char* path) {
    const char* s = e.data(strtab);
    if (off >= strtab.sh_size || std::memchr(s + off, 0, strtab.sh_size - off) == nullptr)
        die(std::string(path) + ": a name lies outside its string table");
    return s + off;
}

// Where the parameter list of the outermost function starts in a demangled
// name (npos: it has none): the first top-level '(' whose matching ')' no
// further scope follows (lambdas nest "f()::{lambda()#1}").
size_t paramList(const std::string& d) {
    int angle = 0;
    for (size_t i = 0; i < d.size(); i++) {
        char c = d[i];
        if (c == '<') angle++;
        if (c == '>') angle--;
        if (c != '(' || angle != 0) continue;
        if (d.compare(i, 21, "(anonymous namespace)") == 0) {
            i += 20;
            continue;
        }
        int depth = 0;
        size_t j = i;
        for (; j < d.size(); j++) {
            if (d[j] == '(') depth++;
            if (d[j] == ')' && --depth == 0) break;
        }
        if (j + 1 >= d.size() || d.find("::", j + 1) == std::string::npos) return i;
        i = j;
    }
    return std::string::npos;
}

// Keep names short enough to read in a traceback: the parameter list of
// the outermost function becomes "()" or "(...)", as Go prints no types.
std::string shorten(const std::string& d) {
    size_t i = paramList(d);
    if (i == std::string::npos) return d;
    size_t j = i;
    for (int depth = 0; j < d.size(); j++) {
        if (d[j] == '(') depth++;
        if (d[j] == ')' && --depth == 0) break;
    }
    bool noParams = j == i + 1 || d.compare(i, j - i + 1, "(void)") == 0;
    return d.substr(0, i) + (noParams ? "()" : "(...)") + (j + 1 < d.size() ? d.substr(j + 1) : "");
}

// An inlined function's name as the traceback prints it before "(...)":
// no parameter list or qualifiers, and a lambda by its closure type
// ("main()::{lambda()#1}"), as Go names an inlined closure main.main.func1.
std::string inlineName(const std::string& d) {
    std::string n = d.substr(0, paramList(d));
    const std::string call = "::operator()";
    if (endsWith(n, "}" + call)) n.resize(n.size() - call.size());
    return n;
}

// A goroutine's entry trampoline (go.h) is named after the closure type it
// runs: show that closure, as Go shows main.main.func1 for a go statement.
std::string prettyEntry(const std::string& d) {
    for (const char* prefix : {"void go::detail::goEntryInline<go::go<", "void go::detail::goEntryHeap<go::go<"}) {
        if (!startsWith(d, prefix)) continue;
        size_t i = std::strlen(prefix);
        int angle = 1;
        size_t j = i;
        for (; j < d.size() && angle > 0; j++) {
            if (d[j] == '<') angle++;
            if (d[j] == '>') angle--;
        }
        std::string closure = d.substr(i, j - 1 - i);
        // Keep just the closure type, not the deduced argument types.
        size_t comma = closure.find(", ");
        if (comma != std::string::npos) closure = closure.substr(0, comma);
        // A plain function (go::go(f)): the trampoline only calls it, and
        // tracebacks leave that frame out (runtime/traceback.cpp).
        if (closure.find("(&)") != std::string::npos || closure.find("(*)") != std::string::npos)
            return "go::detail::goEntry()";
        return closure + "()";
    }
    return "";
}

std::vector<Func> functions(const std::vector<char>& buf, const char* path) {
    Elf e = openElf(buf, path);
    std::vector<Func> out;
    for (int i = 0; i < e.n; i++) {
        if (e.sh[i].sh_type != SHT_SYMTAB) continue;
        auto* syms = reinterpret_cast<const Elf64_Sym*>(e.data(e.sh[i]));
        size_t n = e.sh[i].sh_size / sizeof(Elf64_Sym);
        const Elf64_Shdr& strtab = e.sh[e.sh[i].sh_link];
        for (size_t k = 0; k < n; k++) {
            if (ELF64_ST_TYPE(syms[k].st_info) != STT_FUNC || syms[k].st_shndx == SHN_UNDEF) continue;
            const char* raw = elfString(e, strtab, syms[k].st_name, path);
            int status = 0;
            char* dm = abi::__cxa_demangle(raw, nullptr, nullptr, &status);
            std::string name = std::string(raw) + "()";  // C names (main, asm routines)
            if (status == 0 && dm) {
                std::string entry = prettyEntry(dm);
                name = entry.empty() ? shorten(dm) : entry;
            }
            std::free(dm);
            if (syms[k].st_value > 0xffffffffu) die("function address beyond 4 GB");
            out.push_back({syms[k].st_value, syms[k].st_size, name});
        }
    }
    if (out.empty()) die(std::string(path) + " has no function symbols");
    std::sort(out.begin(), out.end(), [](const Func& a, const Func& b) {
        return a.addr != b.addr ? a.addr < b.addr : a.name < b.name;
    });
    // One entry per address (aliases): keep the first name.
    out.erase(std::unique(out.begin(), out.end(), [](const Func& a, const Func& b) { return a.addr == b.addr; }),
              out.end());
    return out;
}

// Is path one of the public headers (include/, given by --include), whose
// inline code user functions contain? Relative paths are relative to the
// directory the compiler ran in, which is the one the link runs in.
std::string includeDir;  // absolute, with a trailing slash
bool isPublicHeader(const std::string& path) {
    if (includeDir.empty()) return false;
    if (startsWith(path, includeDir)) return true;
    char* rp = path.empty() || path[0] == '/' ? nullptr : realpath(path.c_str(), nullptr);
    bool in = rp && startsWith(std::string(rp), includeDir);
    std::free(rp);
    return in;
}

// The link map's text input sections: where each came from, and the checks
// that keep the runtime text range honest (linker.ld gathers .runtime.text*
// between __runtime_text_start and __runtime_text_end; async preemption
// trusts that range). Input lines are " .text.name  0xADDR  0xSIZE  obj",
// possibly with the section name alone on the previous line when it is long;
// an archive member reads "path/libX.a(member.o)".
struct Piece {
    uint64_t lo, hi;
    std::string section, obj;
};

bool isText(const std::string& sec) { return startsWith(sec, ".text") || startsWith(sec, ".runtime.text"); }

std::vector<Piece> textPieces(const char* mapPath) {
    std::ifstream m(mapPath);
    if (!m) die(std::string("cannot open ") + mapPath);
    std::vector<Piece> out;
    std::string l, pending;
    // The sections --gc-sections discarded are listed first, at address 0;
    // the linked ones follow "Linker script and memory map".
    while (std::getline(m, l) && !startsWith(l, "Linker script and memory map")) {
    }
    if (!m) die(std::string(mapPath) + " is not a link map (no \"Linker script and memory map\")");
    while (std::getline(m, l)) {
        std::istringstream ss(l);
        std::vector<std::string> w;
        for (std::string x; ss >> x;) w.push_back(x);
        if (w.size() == 1 && isText(w[0])) {
            pending = w[0];
            continue;
        }
        if (w.size() == 3 && !pending.empty() && startsWith(w[0], "0x")) w.insert(w.begin(), pending);
        pending.clear();
        if (w.size() != 4 || !isText(w[0]) || !startsWith(w[1], "0x")) continue;
        uint64_t lo = std::strtoull(w[1].c_str(), nullptr, 16), sz = std::strtoull(w[2].c_str(), nullptr, 16);
        if (sz == 0) continue;
        out.push_back({lo, lo + sz, w[0], w[3]});
    }
    std::sort(out.begin(), out.end(), [](const Piece& a, const Piece& b) { return a.lo < b.lo; });
    return out;
}

// Did this input come out of the archive lib ("lib(member.o)")?
bool fromArchive(const std::string& obj, const std::string& lib) {
    return !lib.empty() && startsWith(obj, lib + "(") && obj.back() == ')';
}

// Runtime code is exactly the .runtime.text* sections, and they all come
// from the runtime library: anything else means an object was built or
// named wrongly, and async preemption would misjudge its code.
void checkRuntimeRange(const std::vector<Piece>& ps, const std::string& runtimeLib) {
    int bad = 0, marked = 0;
    for (const Piece& p : ps) {
        bool isMarked = startsWith(p.section, ".runtime.text");
        bool isRuntime = fromArchive(p.obj, runtimeLib);
        marked += isMarked;
        if (isMarked && !isRuntime) {
            std::fprintf(stderr, "mksymtab: %s: section %s is marked as runtime code but does not come from %s: "
                         "only the runtime library may put code in the runtime text range\n", p.obj.c_str(), p.section.c_str(), runtimeLib.c_str());
            bad++;
        }
        if (!isMarked && isRuntime) {
            std::fprintf(stderr, "mksymtab: %s: section %s of the runtime library is not marked .runtime.text "
                         "(build its objects with tools/markruntime.sh): async preemption would treat it as user code\n",
                         p.obj.c_str(), p.section.c_str());
            bad++;
        }
    }
    if (marked == 0) die("the runtime text range is empty: no code comes from " + runtimeLib);
    if (bad) std::exit(1);
}

// A file name as tracebacks print it: relative to the folder the link runs
// in (where the compiler ran), without "./".
std::string cwdPrefix;  // the link's folder, with a trailing slash
std::string cleanPath(std::string f) {
    if (!cwdPrefix.empty() && startsWith(f, cwdPrefix)) f.erase(0, cwdPrefix.size());
    while (startsWith(f, "./")) f.erase(0, 2);
    return f;
}

// A source position: a file (an index into dwarf::Table::files) and line.
struct Pos {
    uint32_t file;
    uint32_t line;
    bool operator<(const Pos& o) const { return file != o.file ? file < o.file : line < o.line; }
};

// A node of the inline tree (Go's inlinedCall): a call of function fname,
// inlined at call (a position in the code of the parent node's function,
// or of the physical function's when parent is -1).
struct InlNode {
    std::string fname;
    Pos call;
    int32_t parent;
    bool operator<(const InlNode& o) const {
        return std::tie(fname, call, parent) < std::tie(o.fname, o.call, o.parent);
    }
};

// What the tables say of one pc: its position, and the innermost inlined
// call it is in (-1: none).
struct PcInfo {
    Pos pos;
    int32_t inl;
    bool operator==(const PcInfo& o) const { return pos.file == o.pos.file && pos.line == o.pos.line && inl == o.inl; }
};

// The DWARF sections dwarf::read needs, from the ELF file.
dwarf::Sections dwarfSections(const Elf& e, const char* path) {
    dwarf::Sections s;
    const Elf64_Shdr& names = e.sh[e.eh->e_shstrndx];
    for (int i = 0; i < e.n; i++) {
        std::string n = elfString(e, names, e.sh[i].sh_name, path);
        dwarf::Section sec{reinterpret_cast<const uint8_t*>(e.data(e.sh[i])), e.sh[i].sh_size};
        if (e.sh[i].sh_type == SHT_NOBITS) continue;
        if (n == ".debug_info") s.info = sec;
        else if (n == ".debug_abbrev") s.abbrev = sec;
        else if (n == ".debug_line") s.line = sec;
        else if (n == ".debug_str") s.str = sec;
        else if (n == ".debug_line_str") s.lineStr = sec;
        else if (n == ".debug_rnglists") s.rnglists = sec;
        else if (n == ".debug_ranges") s.ranges = sec;
    }
    if (s.line.size == 0) die(std::string(path) + " has no line table (.debug_line): was it compiled with -g?");
    return s;
}

// The source tables: every pc's position and inlined call, and the
// inline tree.
struct Source {
    std::vector<std::string> files;
    std::vector<std::pair<uint64_t, PcInfo>> changes;  // sorted by pc: from there on, this
    std::vector<InlNode> inl;
};

// The C++ standard library's headers (/usr/include/c++/12/...,
// /usr/include/x86_64-linux-gnu/c++/12/...).
bool isStdHeader(const std::string& f) {
    size_t inc = f.find("/include/");
    return inc != std::string::npos && f.find("/c++/", inc) != std::string::npos;
}

// A level of an inlining chain is left out of tracebacks when the code at
// its position is
//  - in the public headers (include/): their functions are the user's
//    (go::chan<T>::send, go.h's goroutine entry), shown at the user's line
//    that used them, as Go's chansend1 is a call at the user's line;
//  - in the C++ standard library's headers: std::string's and the
//    containers' inline internals, which have no Go counterpart (Go's
//    strings and maps are the compiler's); the user's line that used them
//    is shown. (A function of theirs that was not inlined keeps its frame.)
//    In http_hello they were 1,600 of 2,480 inlined calls;
//  - what Go's compiler turns into instructions, which no Go traceback
//    shows: the atomics (runtime/atomic.h; Go's are intrinsics), getg and
//    setg (runtime/stubs.h, as in Go's stubs.go), and the lowering of the
//    built-in print (runtime/print.h).
std::vector<bool> hiddenFiles(const std::vector<std::string>& files) {
    std::vector<bool> out;
    for (const std::string& f : files) {
        bool lowered = false;
        for (const char* h : {"runtime/atomic.h", "runtime/stubs.h", "runtime/print.h"})
            lowered = lowered || f == h || endsWith(f, std::string("/") + h);
        out.push_back(lowered || isPublicHeader(f) || isStdHeader(f));
    }
    return out;
}

// The line rows, sorted by pc, one per pc (the last one wins, but a
// sequence's end never hides the next sequence's start), and only those in
// linked code: rows for the functions --gc-sections dropped stay in
// .debug_line at address 0.
std::vector<dwarf::Row> linkedRows(std::vector<dwarf::Row> rows, const std::vector<Piece>& pieces) {
    std::stable_sort(rows.begin(), rows.end(), [](const dwarf::Row& a, const dwarf::Row& b) { return a.pc < b.pc; });
    std::vector<dwarf::Row> out;
    for (const dwarf::Row& r : rows) {
        if (!out.empty() && out.back().pc == r.pc) {
            if (r.line != 0 || out.back().line == 0) out.back() = r;
            continue;
        }
        out.push_back(r);
    }
    std::vector<std::pair<uint64_t, uint64_t>> ranges;
    for (const Piece& p : pieces) ranges.push_back({p.lo, p.hi});
    auto linked = [&](uint64_t pc) {
        auto it = std::upper_bound(ranges.begin(), ranges.end(), std::make_pair(pc, UINT64_MAX));
        return it != ranges.begin() && pc < (--it)->second;
    };
    out.erase(std::remove_if(out.begin(), out.end(), [&](const dwarf::Row& l) { return !linked(l.pc); }), out.end());
    return out;
}

// For every pc of code, the innermost inlined call around it (-1: none):
// the calls painted outermost first over [lo, hi).
std::vector<int32_t> paintCalls(const dwarf::Table& t, uint64_t lo, uint64_t hi) {
    std::vector<int32_t> paint(hi - lo, -1);
    std::vector<const dwarf::Range*> order;
    for (const dwarf::Range& r : t.ranges) order.push_back(&r);
    std::stable_sort(order.begin(), order.end(), [&](const dwarf::Range* a, const dwarf::Range* b) {
        return t.inlined[a->call].depth < t.inlined[b->call].depth;
    });
    for (const dwarf::Range* r : order)
        for (uint64_t pc = std::max(r->lo, lo); pc < std::min(r->hi, hi); pc++) paint[pc - lo] = (int32_t)r->call;
    return paint;
}

// Go's view of one pc in inlined code: the chain of calls from the
// innermost out, each level a function and the position in its code (the
// innermost's is the row's; each outer one's is the call site of the
// level inside it). Hidden levels go; the outermost level left is the
// frame the traceback prints with the physical function's name, the others
// become inline tree nodes.
PcInfo resolve(const dwarf::Table& t, const std::vector<bool>& hidden, Pos row, int32_t call,
               std::map<InlNode, int32_t>& nodeIndex, std::vector<InlNode>& nodes) {
    struct Level {
        const std::string* name;  // nullptr: the physical function
        Pos pos;
    };
    std::vector<Level> kept;
    Pos pos = row;
    for (int32_t c = call; c >= 0; c = t.inlined[c].parent) {
        if (!hidden[pos.file]) kept.push_back({&t.inlined[c].name, pos});
        pos = {t.inlined[c].callFile, t.inlined[c].callLine};
    }
    if (!hidden[pos.file]) kept.push_back({nullptr, pos});
    if (kept.empty()) return {row, -1};
    int32_t parent = -1;
    for (size_t i = kept.size() - 1; i-- > 0;) {
        InlNode n{*kept[i].name, kept[i + 1].pos, parent};
        auto it = nodeIndex.find(n);
        if (it == nodeIndex.end()) {
            nodes.push_back(n);
            it = nodeIndex.emplace(n, (int32_t)nodes.size() - 1).first;
        }
        parent = it->second;
    }
    return {kept[0].pos, parent};
}

// The source tables from the DWARF: each linked row's code is split
// wherever its inlined call changes, and each piece gets resolve's answer.
Source source(const Elf& e, const char* path, const std::vector<Piece>& pieces) {
    dwarf::Table t = dwarf::read(dwarfSections(e, path), inlineName, [](const std::string& why) { die(why); });
    for (std::string& f : t.files) f = cleanPath(f);
    std::vector<bool> hidden = hiddenFiles(t.files);
    std::vector<dwarf::Row> rows = linkedRows(std::move(t.rows), pieces);
    Source s;
    s.files = t.files;
    if (rows.empty()) die(std::string(path) + " has no line table rows for its code: was it compiled with -g?");
    uint64_t lo = rows.front().pc, hi = rows.back().pc + 1;
    std::vector<int32_t> paint = paintCalls(t, lo, hi);
    std::map<InlNode, int32_t> nodeIndex;
    for (size_t i = 0; i < rows.size(); i++) {
        const dwarf::Row& r = rows[i];
        if (r.line == 0) {
            s.changes.push_back({r.pc, {{r.file, 0}, -1}});
            continue;
        }
        // A row's code ends at the next row; the cap keeps a row before a
        // gap in the code from being walked byte by byte.
        uint64_t end = std::min(i + 1 < rows.size() ? rows[i + 1].pc : r.pc + 1, r.pc + 4096);
        int32_t prevCall = -2;
        for (uint64_t pc = r.pc; pc < end; pc++) {
            if (paint[pc - lo] == prevCall) continue;
            prevCall = paint[pc - lo];
            PcInfo info = resolve(t, hidden, {r.file, r.line}, prevCall, nodeIndex, s.inl);
            if (!s.changes.empty() && s.changes.back().second == info) continue;
            s.changes.push_back({pc, info});
        }
    }
    return s;
}

// Common words become one byte each (runtime/symtab_words.h): at each
// position, the longest word that fits.
std::string encode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        int best = -1;
        size_t bestLen = 0;
        for (int k = 0; k < symtabWordCount; k++) {
            size_t n = std::strlen(symtabWord(k));
            if (n > bestLen && s.compare(i, n, symtabWord(k)) == 0) best = k, bestLen = n;
        }
        if (best >= 0) out += (char)(best + 1), i += bestLen;
        else out += s[i++];
    }
    return out;
}

void putUvarint(std::string& out, uint64_t v) {
    for (; v >= 0x80; v >>= 7) out += (char)(v | 0x80);
    out += (char)v;
}

// One pc-value table, as Go's linker writes them (cmd/internal/obj/pcln.go
// funcpctab): pairs of (zigzag value delta, pc delta) starting from value -1
// at the entry, each value holding for pc-delta bytes, ended by a zero
// byte. vals are (pc, value) changes sorted by pc; the first is at entry.
std::string pctab(const std::vector<std::pair<uint64_t, int64_t>>& vals, uint64_t end) {
    std::string out;
    int64_t prev = -1;
    for (size_t i = 0; i < vals.size(); i++) {
        int64_t d = vals[i].second - prev;
        putUvarint(out, d < 0 ? ((uint64_t)-d << 1) - 1 : (uint64_t)d << 1);
        putUvarint(out, (i + 1 < vals.size() ? vals[i + 1].first : end) - vals[i].first);
        prev = vals[i].second;
    }
    out += '\0';
    return out;
}

// The pcfile, pcln and (when the function has inlined code) pcinl tables
// of the function [entry, end), from the source changes (a function's line
// sequence starts at its entry; a change before it belongs to other code).
// A stretch with no line (before the first row, after the end of a
// sequence) has line 0 and the file of the rows around it.
struct FuncTables {
    std::string bytes;  // empty: no line information
    bool hasInl = false;
};

FuncTables funcTables(uint64_t entry, uint64_t end, const Source& src, const std::vector<int64_t>& nodeOff,
                      const std::function<int64_t(uint32_t)>& fileIndex) {
    auto it = std::lower_bound(src.changes.begin(), src.changes.end(), entry,
                               [](const std::pair<uint64_t, PcInfo>& c, uint64_t a) { return c.first < a; });
    std::vector<std::pair<uint64_t, int64_t>> file, line, inl;
    for (; it != src.changes.end() && it->first < end; ++it) {
        const PcInfo& c = it->second;
        if (c.pos.line != 0 && (file.empty() || file.back().second != fileIndex(c.pos.file)))
            file.push_back({it->first, fileIndex(c.pos.file)});
        if (line.empty() || line.back().second != (int64_t)c.pos.line) line.push_back({it->first, (int64_t)c.pos.line});
        int64_t node = c.inl < 0 ? -1 : nodeOff[c.inl];
        if (inl.empty() || inl.back().second != node) inl.push_back({it->first, node});
    }
    FuncTables t;
    if (file.empty()) return t;
    if (line.front().first != entry) line.insert(line.begin(), {entry, 0});
    if (inl.front().first != entry) inl.insert(inl.begin(), {entry, -1});
    file.front().first = entry;
    t.bytes = pctab(file, end) + pctab(line, end);
    t.hasInl = std::any_of(inl.begin(), inl.end(), [](const std::pair<uint64_t, int64_t>& v) { return v.second >= 0; });
    if (t.hasInl) t.bytes += pctab(inl, end);
    return t;
}

// Write the table (layout at the top) as an assembly file.
void emit(const std::vector<Func>& fs, Source& src, const char* outPath) {
    std::string strs;  // the string pool, prefix-encoded (offsets count from its start)
    std::map<std::string, uint32_t> strOff;
    auto intern = [&](const std::string& s) -> uint32_t {
        auto it = strOff.find(s);
        if (it != strOff.end()) return it->second;
        uint32_t off = (uint32_t)strs.size();
        strs += encode(s) + '\0';
        return strOff[s] = off;
    };
    std::vector<uint32_t> filetab;
    std::map<std::string, int64_t> fileIdx;
    auto fileIndex = [&](uint32_t file) -> int64_t {
        const std::string& f = src.files[file];
        auto it = fileIdx.find(f);
        if (it != fileIdx.end()) return it->second;
        filetab.push_back(intern(f));
        return fileIdx[f] = (int64_t)filetab.size() - 1;
    };
    // The inline tree, each node (parents first) as uvarints: name, file,
    // line, and how many bytes back its parent starts (0: none). The pcinl
    // tables' values are the nodes' offsets.
    std::string inltab;
    std::vector<int64_t> nodeOff;
    for (const InlNode& n : src.inl) {
        nodeOff.push_back((int64_t)inltab.size());
        putUvarint(inltab, intern(n.fname));
        putUvarint(inltab, (uint64_t)fileIndex(n.call.file));
        putUvarint(inltab, n.call.line);
        putUvarint(inltab, n.parent < 0 ? 0 : (uint64_t)(nodeOff.back() - nodeOff[n.parent]));
    }
    std::string funcs;  // the _func records
    std::vector<uint32_t> funcoff;
    for (size_t i = 0; i < fs.size(); i++) {
        const Func& fn = fs[i];
        uint64_t next = i + 1 < fs.size() ? fs[i + 1].addr : fn.addr + fn.size;
        uint64_t end = fn.size != 0 ? std::min(fn.addr + fn.size, std::max(next, fn.addr + 1)) : next;
        funcoff.push_back((uint32_t)funcs.size());
        FuncTables tabs = funcTables(fn.addr, std::max(end, fn.addr + 1), src, nodeOff, fileIndex);
        putUvarint(funcs, (uint64_t)intern(fn.name) << 1 | tabs.hasInl);
        if (tabs.bytes.empty()) {
            funcs += '\0';
            putUvarint(funcs, fn.size != 0 ? end - fn.addr : 0);
        }
        funcs += tabs.bytes;
    }
    uint32_t hdr = 7 * 4;
    uint32_t functabOff = hdr, filetabOff = functabOff + (uint32_t)fs.size() * 8;
    uint32_t inlOff = filetabOff + (uint32_t)filetab.size() * 4;
    uint32_t funcsOff = inlOff + (uint32_t)inltab.size();
    uint32_t strsOff = funcsOff + (uint32_t)funcs.size();
    FILE* f = std::fopen(outPath, "w");
    if (!f) die(std::string("cannot write ") + outPath);
    std::fprintf(f, "// Generated by tools/mksymtab: names and lines for tracebacks.\n");
    std::fprintf(f, "\t.section .gosymtab,\"a\"\n\t.balign 4\n");
    std::fprintf(f, "\t.long 0x54534f47, 4, %zu, %zu, %zu, %u, %u\n", fs.size(), filetab.size(), inltab.size(), funcsOff,
                 strsOff);
    for (size_t i = 0; i < fs.size(); i++)
        std::fprintf(f, "\t.long 0x%llx, %u\n", (unsigned long long)fs[i].addr, funcoff[i]);
    for (uint32_t off : filetab) std::fprintf(f, "\t.long %u\n", off);
    for (const std::string* blob : {&inltab, &funcs, &strs}) {
        for (size_t i = 0; i < blob->size(); i += 32) {
            std::fprintf(f, "\t.byte ");
            for (size_t k = i; k < std::min(blob->size(), i + 32); k++)
                std::fprintf(f, k == i ? "%u" : ",%u", (unsigned char)(*blob)[k]);
            std::fprintf(f, "\n");
        }
    }
    std::fprintf(f, "\t.section .note.GNU-stack,\"\",@progbits\n");
    if (std::fclose(f) != 0) die(std::string("cannot write ") + outPath);
}

// The second link must lay out everything but .gosymtab exactly as the first:
// same addresses, sizes and bytes for every allocated section.
int check(const char* pass1, const char* final) {
    std::vector<char> a = readFile(pass1), b = readFile(final);
    auto sections = [](const std::vector<char>& buf, const char* path) {
        std::map<std::string, std::pair<const Elf64_Shdr*, const char*>> out;
        Elf e = openElf(buf, path);
        const Elf64_Shdr& names = e.sh[e.eh->e_shstrndx];
        for (int i = 0; i < e.n; i++)
            if (e.sh[i].sh_flags & SHF_ALLOC)
                out[elfString(e, names, e.sh[i].sh_name, path)] = {&e.sh[i], e.data(e.sh[i])};
        return out;
    };
    auto sa = sections(a, pass1), sb = sections(b, final);
    int bad = 0;
    for (auto& [name, s] : sa) {
        if (name == ".gosymtab") continue;
        auto it = sb.find(name);
        if (it == sb.end()) {
            std::fprintf(stderr, "mksymtab: %s vanished in the second link\n", name.c_str());
            bad++;
            continue;
        }
        const Elf64_Shdr* x = s.first;
        const Elf64_Shdr* y = it->second.first;
        bool same = x->sh_addr == y->sh_addr && x->sh_size == y->sh_size &&
                    (x->sh_type == SHT_NOBITS || std::memcmp(s.second, it->second.second, x->sh_size) == 0);
        if (!same) {
            std::fprintf(stderr, "mksymtab: %s changed between links\n", name.c_str());
            bad++;
        }
    }
    return bad ? 1 : 0;
}

}  // namespace

// thread_local variables live in the TLS block FS points at; FS points at
// the runtime's M, so they cannot work (and goroutines move between Ms).
void rejectThreadLocals(const std::vector<char>& buf, const char* path) {
    Elf e = openElf(buf, path);
    for (int i = 0; i < e.n; i++)
        if ((e.sh[i].sh_flags & SHF_TLS) && e.sh[i].sh_size > 0)
            die("the program uses thread_local variables, which goroutines cannot have (docs/api.md): "
                "make them ordinary globals guarded by a go::sync::Mutex, or pass the state along");
}

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--check") == 0) return check(argv[2], argv[3]);
    std::string runtimeLib;
    int i = 1;
    for (; i + 1 < argc && startsWith(argv[i], "--"); i += 2) {
        std::string opt = argv[i];
        if (opt == "--runtime-lib") runtimeLib = argv[i + 1];
        else if (opt == "--include") {
            char* rp = realpath(argv[i + 1], nullptr);
            if (!rp) die(std::string("no such folder: ") + argv[i + 1]);
            includeDir = std::string(rp) + "/";
            std::free(rp);
        } else die("unknown option " + opt);
    }
    if (char* cwd = getcwd(nullptr, 0)) {
        cwdPrefix = std::string(cwd) + "/";
        std::free(cwd);
    }
    if (argc - i != 3 || runtimeLib.empty())
        die("usage: mksymtab --runtime-lib LIB [--include DIR] PASS1.elf PASS1.map OUT.S\n"
            "       mksymtab --check PASS1.elf FINAL.elf");
    std::vector<char> elf = readFile(argv[i]);
    rejectThreadLocals(elf, argv[i]);
    std::vector<Piece> pieces = textPieces(argv[i + 1]);
    checkRuntimeRange(pieces, runtimeLib);
    std::vector<Func> fs = functions(elf, argv[i]);
    Source src = source(openElf(elf, argv[i]), argv[i], pieces);
    emit(fs, src, argv[i + 2]);
    return 0;
}
