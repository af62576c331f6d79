// mksymtab — builds the table tracebacks print from: every function's name,
// and the source file and line of every pc.
//
//   mksymtab --runtime-lib LIB [--include DIR] PASS1.elf PASS1.map OUT.S
//       write the table for PASS1 (the first link; PASS1.map its -Map file).
//       LIB: the runtime's archive, whose code must fill the runtime text
//       range and nothing else may; DIR: the public include folder, whose
//       inline code is attributed to the user's line that used it.
//   mksymtab --check PASS1.elf FINAL.elf
//       verify that the second link laid everything out as the first did
//
// Go's linker writes pclntab into every binary; we get the same effect with a
// second link. The first link fixes every function's address; this tool reads
// them from the ELF symbol table (demangled, parameter lists dropped) and the
// line table from the DWARF (.debug_line, everything is compiled -g or -g1,
// decoded by binutils' readelf). It emits an assembly file whose .gosymtab
// section the second link places after everything else (linker.ld), so
// nothing moves.
//
// Table layout (version 3; runtime/symtab.cpp reads it), little-endian,
// offsets from the table's start unless said otherwise:
//   u32 magic "GOST", u32 version, u32 nfunc, u32 nfile, u32 funcoff, u32 stroff
//   functab: nfunc x { u32 entry; u32 off }   sorted by entry; off: of the
//            function's _func record, from funcoff
//   filetab: nfile x u32                      file names, from stroff
//   _func records at funcoff: uvarint nameoff (from stroff), then either
//            a zero byte and uvarint size (no line information; size 0: up
//            to the next function), or the pcfile table (values: filetab
//            indexes) followed by the pcln table (values: lines, 0 where
//            the line table has none), whose pc deltas add up to the size
//   strings at stroff, NUL-terminated, a byte 1..n standing for a word
//            (runtime/symtab_words.h)
// The pc tables are Go's pc-value encoding (cmd/internal/obj/pcln.go, read
// by runtime/symtab.go step): from value -1 at the entry, pairs of (zigzag
// varint value delta, uvarint pc delta), a zero byte ending the table. Go's
// _func holds the offsets of both tables in a shared pctab; ours follow the
// record, which saves those offsets (a few bytes per function).
//
// This is a host program: it may use the C++ standard library.
#include <cxxabi.h>
#include <elf.h>

#include <unistd.h>

#include "../runtime/symtab_words.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Func {
    uint64_t addr;
    uint64_t size;
    std::string name;
};

struct Line {
    uint64_t pc;
    uint32_t line;  // 0: no line (end of a sequence)
    std::string file;
};

std::string tempFile;  // removed on the way out, error or not

[[noreturn]] void die(const std::string& msg) {
    std::fprintf(stderr, "mksymtab: %s\n", msg.c_str());
    if (!tempFile.empty()) std::remove(tempFile.c_str());
    std::exit(1);
}

std::vector<char> readFile(const char* path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) die(std::string("cannot open ") + path);
    return std::vector<char>((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

bool startsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

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

// Keep names short enough to read in a traceback: drop the parameter list of
// the outermost function, which Go's tracebacks do not show either.
std::string shorten(const std::string& d) {
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
        // Find the matching ')'; it ends the parameter list if no further
        // scope follows it (lambdas nest "f()::{lambda()#1}").
        int depth = 0;
        size_t j = i;
        for (; j < d.size(); j++) {
            if (d[j] == '(') depth++;
            if (d[j] == ')' && --depth == 0) break;
        }
        std::string rest = j + 1 < d.size() ? d.substr(j + 1) : "";
        if (rest.find("::") == std::string::npos) {
            bool noParams = j == i + 1 || d.compare(i, j - i + 1, "(void)") == 0;
            return d.substr(0, i) + (noParams ? "()" : "(...)") + rest;
        }
        i = j;
    }
    return d;
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

// Run cmd through the shell and hand each line of its output (without the
// newline) to each; a command that cannot start, fails or is killed stops
// the link with its name, never with a partial table.
template <class F> void eachOutputLine(const std::string& cmd, const char* what, F each) {
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) die(std::string("cannot run ") + what);
    char* buf = nullptr;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&buf, &cap, p)) >= 0) {
        std::string l(buf, (size_t)n);
        while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
        each(l);
    }
    bool readErr = std::ferror(p) != 0;
    std::free(buf);
    int st = pclose(p);
    if (readErr) die(std::string("reading the output of ") + what + " failed");
    if (st == -1) die(std::string("lost track of ") + what);
    if (WIFSIGNALED(st)) die(std::string(what) + " was killed by signal " + std::to_string(WTERMSIG(st)));
    // The shell reports a command killed by signal n as status 128+n.
    if (WIFEXITED(st) && WEXITSTATUS(st) > 128)
        die(std::string(what) + " was killed by signal " + std::to_string(WEXITSTATUS(st) - 128) + ": " + cmd);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        die(std::string(what) + " failed (exit status " + std::to_string(WEXITSTATUS(st)) + "): " + cmd);
}

// A file name as tracebacks print it: relative to the folder the link runs
// in (where the compiler ran), without "./".
std::string cwdPrefix;  // the link's folder, with a trailing slash
std::string cleanPath(std::string f) {
    if (!cwdPrefix.empty() && startsWith(f, cwdPrefix)) f.erase(0, cwdPrefix.size());
    while (startsWith(f, "./")) f.erase(0, 2);
    return f;
}

// A source position: a file (an index into the caller's file list) and line.
struct Pos {
    int32_t file = -1;  // -1: none
    uint32_t line = 0;
};

// For each pc, the outermost position of its inlining chain that is not in
// a public header (addr2line -i prints the chain, innermost first), when
// code was inlined there at all: the line of the function the traceback
// names, not of the code inlined into it. The public headers' functions
// are the user's, and the user's code inlined into a goroutine's entry
// trampoline (go.h) is the goroutine's function: those get the user's
// line.
std::vector<Pos> callerPositions(const char* elf, const std::vector<uint64_t>& pcs, std::vector<std::string>& files) {
    std::vector<Pos> out(pcs.size());
    if (pcs.empty()) return out;
    std::map<std::string, int32_t> index;
    for (size_t i = 0; i < files.size(); i++) index[files[i]] = (int32_t)i;
    // addr2line joins a file to its compilation folder ("/src/runtime/x.h");
    // the line table names it as the compiler did ("runtime/x.h"), which
    // is the name to keep when the library was built in another folder.
    std::map<std::string, std::string> same;
    auto sameFile = [&](const std::string& f) -> std::string {
        if (index.count(f)) return f;
        auto it = same.find(f);
        if (it != same.end()) return it->second;
        std::string best = f;
        for (const auto& [k, i] : index)
            if (k.size() + 1 < f.size() && f[f.size() - k.size() - 1] == '/' && f.compare(f.size() - k.size(), k.size(), k) == 0 &&
                (best == f || k.size() > best.size()))
                best = k;
        return same[f] = best;
    };
    char tmpl[] = "/tmp/mksymtabXXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0) die("cannot create a temporary file");
    tempFile = tmpl;
    FILE* in = fdopen(fd, "w");
    if (!in) die("cannot write a temporary file");
    for (uint64_t pc : pcs) std::fprintf(in, "0x%llx\n", (unsigned long long)pc);
    if (std::fclose(in) != 0) die(std::string("cannot write ") + tmpl);
    std::string cmd = std::string("addr2line -a -i -e '") + elf + "' < " + tmpl;
    size_t answered = 0;
    int depth = 0;
    eachOutputLine(cmd, "addr2line", [&](const std::string& l) {
        if (startsWith(l, "0x")) {
            if (answered < pcs.size() && std::strtoull(l.c_str(), nullptr, 16) != pcs[answered])
                die("addr2line answered " + l + " out of turn");
            answered++;
            depth = 0;
            return;
        }
        // The first line is the pc's own position, which the line table
        // already has; binutils' addr2line may name the wrong file for it
        // (DWARF 5 file index 0).
        if (answered == 0 || depth++ == 0) return;
        size_t colon = l.rfind(':');
        if (colon == std::string::npos) return;
        std::string file = l.substr(0, colon);
        uint32_t line = (uint32_t)std::strtoul(l.c_str() + colon + 1, nullptr, 10);
        size_t sp = file.find(" (discriminator");
        if (sp != std::string::npos) file.resize(sp);
        if (file == "??" || line == 0 || isPublicHeader(file)) return;
        file = sameFile(cleanPath(file));
        auto it = index.find(file);
        if (it == index.end()) {
            files.push_back(file);
            it = index.emplace(file, (int32_t)files.size() - 1).first;
        }
        out[answered - 1] = {it->second, line};
    });
    std::remove(tmpl);
    tempFile.clear();
    if (answered != pcs.size())
        die("addr2line answered " + std::to_string(answered) + " of " + std::to_string(pcs.size()) + " addresses");
    return out;
}

// The line table, decoded by readelf (binutils comes with the compiler).
// Output: "CU: path:" or "path:" lines name the file of the rows after them;
// rows are "basename line address ...". Every pc is then given the
// position callerPositions finds for it, and a row starts wherever that
// changes (a row of inlined code can span several inlined calls from
// different lines: two c.close() in a row share chan.h's row). Rows
// outside every linked code section go: they describe functions
// --gc-sections dropped, whose line programs stay in .debug_line at
// address 0.
std::vector<Line> lines(const char* elf, const std::vector<Piece>& pieces) {
    std::string cmd = std::string("readelf --debug-dump=decodedline -W '") + elf + "'";
    std::vector<Line> rows;
    std::map<std::string, std::string> fullpath;  // basename -> path, from the file headers
    std::string cur;
    eachOutputLine(cmd, "readelf", [&](const std::string& l) {
        if (l.empty()) return;
        bool header = l.back() == ':' && (startsWith(l, "CU: ") || l.find(' ') == std::string::npos);
        if (header) {
            cur = l.substr(startsWith(l, "CU: ") ? 4 : 0);
            cur.pop_back();
            cur = cleanPath(cur);
            size_t slash = cur.rfind('/');
            fullpath[slash == std::string::npos ? cur : cur.substr(slash + 1)] = cur;
            return;
        }
        std::istringstream ss(l);
        std::string base, line, addr;
        if (!(ss >> base >> line >> addr) || !startsWith(addr, "0x")) return;
        uint32_t ln = line == "-" ? 0 : (uint32_t)std::strtoul(line.c_str(), nullptr, 10);
        rows.push_back({std::strtoull(addr.c_str(), nullptr, 16), ln, base});
    });
    if (rows.empty()) die(std::string(elf) + " has no line table (.debug_line): was it compiled with -g?");
    for (Line& l : rows) {
        auto it = fullpath.find(l.file);
        if (it != fullpath.end()) l.file = it->second;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Line& a, const Line& b) { return a.pc < b.pc; });
    // Several rows for one pc: the last one wins, but a sequence's end
    // never hides the next sequence's start.
    std::vector<Line> out;
    for (const Line& r : rows) {
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
    out.erase(std::remove_if(out.begin(), out.end(), [&](const Line& l) { return !linked(l.pc); }), out.end());
    auto rowEnd = [&](size_t i) {
        uint64_t end = i + 1 < out.size() ? out[i + 1].pc : out[i].pc + 1;
        return std::min(end, out[i].pc + 4096);
    };
    std::vector<uint64_t> pcs;
    for (size_t i = 0; i < out.size(); i++)
        if (out[i].line != 0)
            for (uint64_t pc = out[i].pc; pc < rowEnd(i); pc++) pcs.push_back(pc);
    std::vector<std::string> files;  // the line table's, then any addr2line adds
    for (const Line& l : out)
        if (std::find(files.begin(), files.end(), l.file) == files.end()) files.push_back(l.file);
    std::vector<Pos> callers = callerPositions(elf, pcs, files);
    std::vector<Line> split;
    size_t k = 0;  // into pcs and callers
    for (size_t i = 0; i < out.size(); i++) {
        if (out[i].line == 0) {
            split.push_back(out[i]);
            continue;
        }
        for (uint64_t pc = out[i].pc; pc < rowEnd(i); pc++, k++) {
            Line l = callers[k].file < 0 ? Line{pc, out[i].line, out[i].file}
                                         : Line{pc, callers[k].line, files[callers[k].file]};
            if (!split.empty() && split.back().line == l.line && split.back().file == l.file) continue;
            split.push_back(l);
        }
    }
    return split;
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

// The pcfile and pcln tables of the function [entry, end), from its rows
// (a function's line sequence starts at its entry; a row before it belongs
// to other code). A stretch with no line (before the first row, after the
// end of a sequence) has line 0 and the file of the rows around it.
std::string funcTables(uint64_t entry, uint64_t end, const std::vector<Line>& ls,
                       const std::function<int64_t(const std::string&)>& fileIndex) {
    auto it = std::lower_bound(ls.begin(), ls.end(), entry, [](const Line& l, uint64_t a) { return l.pc < a; });
    std::vector<std::pair<uint64_t, int64_t>> file, line;
    for (; it != ls.end() && it->pc < end; ++it) {  // one row per pc (lines)
        if (it->line != 0 && (file.empty() || file.back().second != fileIndex(it->file)))
            file.push_back({it->pc, fileIndex(it->file)});
        if (line.empty() || line.back().second != (int64_t)it->line) line.push_back({it->pc, (int64_t)it->line});
    }
    if (file.empty()) return std::string(1, '\0');  // no line information
    if (line.front().first != entry) line.insert(line.begin(), {entry, 0});
    file.front().first = entry;
    return pctab(file, end) + pctab(line, end);
}

// Write the table (layout at the top) as an assembly file.
void emit(const std::vector<Func>& fs, const std::vector<Line>& ls, const char* outPath) {
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
    auto fileIndex = [&](const std::string& f) -> int64_t {
        auto it = fileIdx.find(f);
        if (it != fileIdx.end()) return it->second;
        filetab.push_back(intern(f));
        return fileIdx[f] = (int64_t)filetab.size() - 1;
    };
    std::string funcs;  // the _func records
    std::vector<uint32_t> funcoff;
    for (size_t i = 0; i < fs.size(); i++) {
        const Func& fn = fs[i];
        uint64_t next = i + 1 < fs.size() ? fs[i + 1].addr : fn.addr + fn.size;
        uint64_t end = fn.size != 0 ? std::min(fn.addr + fn.size, std::max(next, fn.addr + 1)) : next;
        funcoff.push_back((uint32_t)funcs.size());
        putUvarint(funcs, intern(fn.name));
        std::string tabs = funcTables(fn.addr, std::max(end, fn.addr + 1), ls, fileIndex);
        funcs += tabs;
        if (tabs[0] == 0) putUvarint(funcs, fn.size != 0 ? end - fn.addr : 0);
    }
    uint32_t hdr = 6 * 4;
    uint32_t functabOff = hdr, filetabOff = functabOff + (uint32_t)fs.size() * 8;
    uint32_t funcsOff = filetabOff + (uint32_t)filetab.size() * 4;
    uint32_t strsOff = funcsOff + (uint32_t)funcs.size();
    FILE* f = std::fopen(outPath, "w");
    if (!f) die(std::string("cannot write ") + outPath);
    std::fprintf(f, "// Generated by tools/mksymtab: names and lines for tracebacks.\n");
    std::fprintf(f, "\t.section .gosymtab,\"a\"\n\t.balign 4\n");
    std::fprintf(f, "\t.long 0x54534f47, 3, %zu, %zu, %u, %u\n", fs.size(), filetab.size(), funcsOff, strsOff);
    for (size_t i = 0; i < fs.size(); i++)
        std::fprintf(f, "\t.long 0x%llx, %u\n", (unsigned long long)fs[i].addr, funcoff[i]);
    for (uint32_t off : filetab) std::fprintf(f, "\t.long %u\n", off);
    for (const std::string* blob : {&funcs, &strs}) {
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
    std::vector<Line> ls = lines(argv[i], pieces);
    emit(fs, ls, argv[i + 2]);
    return 0;
}
