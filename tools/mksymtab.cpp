// mksymtab — builds the table tracebacks print from: function names, and
// the source file and line of every pc of the user's code.
//
//   mksymtab --runtime-lib LIB [--lib LIB]... [--include DIR] PASS1.elf PASS1.map OUT.S
//       write the table for PASS1 (the first link; PASS1.map its -Map file).
//       LIB: the archives the program was linked with (--runtime-lib names the
//       runtime's, whose code must fill the runtime text range and nothing
//       else may); DIR: the public include folder, whose inline code is
//       attributed to the user's line that used it.
//   mksymtab --check PASS1.elf FINAL.elf
//       verify that the second link laid everything out exactly as the first
//
// Go's linker writes pclntab into every binary; we get the same effect with a
// second link. The first link fixes every function's address; this tool reads
// them from the ELF symbol table (demangled, parameter lists dropped) and the
// line table from the DWARF (.debug_line, everything is compiled -g1, decoded
// by binutils' readelf). Library functions keep only their file, to keep
// binaries small. It emits an assembly file whose .gosymtab section the second
// link places after everything else (linker.ld), so nothing moves.
//
// Table layout (version 2; runtime/symtab.cpp reads it), little-endian:
//   u32 magic "GOST", u32 version
//   u32 nfunc, u32 nline
//   nfunc x { u32 entry; u32 size; u32 nameoff; u32 fileoff }   sorted by entry
//   nline x { u32 pc; u32 line; u32 fileoff }                   sorted by pc
//   strings, NUL-terminated; offsets count from the table's start
//
// This is a host program: it may use the C++ standard library.
#include <cxxabi.h>
#include <elf.h>

#include <unistd.h>

#include "../runtime/symtab_prefixes.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Func {
    uint64_t addr;
    uint64_t size;
    std::string name;
    std::string file;
};

struct Line {
    uint64_t pc;
    uint32_t line;  // 0: no line (end of a sequence)
    std::string file;
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
        return closure + "()";
    }
    return "";
}

std::vector<Func> functions(const std::vector<char>& buf, const char* path) {
    if (buf.size() < sizeof(Elf64_Ehdr)) die("not an ELF file");
    auto* eh = reinterpret_cast<const Elf64_Ehdr*>(buf.data());
    if (std::memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64) die("not ELF64");
    auto* sh = reinterpret_cast<const Elf64_Shdr*>(buf.data() + eh->e_shoff);
    std::vector<Func> out;
    for (int i = 0; i < eh->e_shnum; i++) {
        if (sh[i].sh_type != SHT_SYMTAB) continue;
        auto* syms = reinterpret_cast<const Elf64_Sym*>(buf.data() + sh[i].sh_offset);
        size_t n = sh[i].sh_size / sizeof(Elf64_Sym);
        const char* strtab = buf.data() + sh[sh[i].sh_link].sh_offset;
        for (size_t k = 0; k < n; k++) {
            if (ELF64_ST_TYPE(syms[k].st_info) != STT_FUNC || syms[k].st_shndx == SHN_UNDEF) continue;
            const char* raw = strtab + syms[k].st_name;
            int status = 0;
            char* dm = abi::__cxa_demangle(raw, nullptr, nullptr, &status);
            std::string name = std::string(raw) + "()";  // C names (main, asm routines)
            if (status == 0 && dm) {
                std::string entry = prettyEntry(dm);
                name = entry.empty() ? shorten(dm) : entry;
            }
            std::free(dm);
            if (syms[k].st_value > 0xffffffffu) die("function address beyond 4 GB");
            out.push_back({syms[k].st_value, syms[k].st_size, name, ""});
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

// For each pc, the innermost source position outside the runtime's headers,
// following inlining (addr2line -i prints the chain, innermost first).
std::map<uint64_t, std::pair<std::string, uint32_t>> callerPositions(const char* elf, const std::vector<uint64_t>& pcs) {
    std::map<uint64_t, std::pair<std::string, uint32_t>> out;
    if (pcs.empty()) return out;
    char tmpl[] = "/tmp/mksymtabXXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0) die("cannot create a temporary file");
    FILE* in = fdopen(fd, "w");
    for (uint64_t pc : pcs) std::fprintf(in, "0x%llx\n", (unsigned long long)pc);
    std::fclose(in);
    std::string cmd = std::string("addr2line -a -i -e '") + elf + "' < " + tmpl;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) die("cannot run addr2line");
    char buf[4096];
    uint64_t cur = 0;
    bool found = false;
    while (std::fgets(buf, sizeof buf, p)) {
        std::string l(buf);
        while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
        if (startsWith(l, "0x")) {
            cur = std::strtoull(l.c_str(), nullptr, 16);
            found = false;
            continue;
        }
        if (found) continue;
        size_t colon = l.rfind(':');
        if (colon == std::string::npos) continue;
        std::string file = l.substr(0, colon);
        uint32_t line = (uint32_t)std::strtoul(l.c_str() + colon + 1, nullptr, 10);
        size_t sp = file.find(" (discriminator");
        if (sp != std::string::npos) file.resize(sp);
        if (file == "??" || line == 0 || isPublicHeader(file)) continue;
        out[cur] = {file, line};
        found = true;
    }
    pclose(p);
    std::remove(tmpl);
    return out;
}

// The line table, decoded by readelf (binutils comes with the compiler).
// Output: "CU: path:" or "path:" lines name the file of the rows after them;
// rows are "basename line address ...". Rows of code inlined from the
// public headers (go/chan.h, ...) are attributed to the user's line
// that led to them (through addr2line's inlining chains).
std::vector<Line> lines(const char* elf) {
    std::string cmd = std::string("readelf --debug-dump=decodedline -W '") + elf + "' 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) die("cannot run readelf");
    std::vector<Line> out;
    std::map<std::string, std::string> fullpath;  // basename -> path, from the file headers
    std::string cur;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p)) {
        std::string l(buf);
        while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
        if (l.empty()) continue;
        bool header = l.back() == ':' && (startsWith(l, "CU: ") || l.find(' ') == std::string::npos);
        if (header) {
            cur = l.substr(startsWith(l, "CU: ") ? 4 : 0);
            cur.pop_back();
            size_t slash = cur.rfind('/');
            fullpath[slash == std::string::npos ? cur : cur.substr(slash + 1)] = cur;
            continue;
        }
        std::istringstream ss(l);
        std::string base, line, addr;
        if (!(ss >> base >> line >> addr) || !startsWith(addr, "0x")) continue;
        uint32_t ln = line == "-" ? 0 : (uint32_t)std::strtoul(line.c_str(), nullptr, 10);
        out.push_back({std::strtoull(addr.c_str(), nullptr, 16), ln, base});
    }
    pclose(p);
    for (Line& l : out) {
        auto it = fullpath.find(l.file);
        if (it != fullpath.end()) l.file = it->second;
    }
    std::vector<uint64_t> inlined;
    for (const Line& l : out)
        if (l.line != 0 && isPublicHeader(l.file)) inlined.push_back(l.pc);
    auto callers = callerPositions(elf, inlined);
    for (Line& l : out) {
        if (l.line == 0 || !isPublicHeader(l.file)) continue;
        auto it = callers.find(l.pc);
        if (it != callers.end()) {
            l.file = it->second.first;
            l.line = it->second.second;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Line& a, const Line& b) { return a.pc < b.pc; });
    // Several rows for one pc: the last one wins. Then drop rows that repeat
    // the previous file and line.
    std::vector<Line> dedup;
    for (size_t i = 0; i < out.size(); i++) {
        if (i + 1 < out.size() && out[i + 1].pc == out[i].pc) continue;
        if (!dedup.empty() && dedup.back().line == out[i].line && dedup.back().file == out[i].file) continue;
        dedup.push_back(out[i]);
    }
    return dedup;
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

// Library functions (from any archive given with --lib or --runtime-lib)
// take their file from the line table but keep no line rows of their own:
// tracebacks show file and offset for them, which keeps binaries small.
// Rows outside every linked code section go too: they describe functions
// --gc-sections dropped, whose line programs stay in .debug_line at
// address 0.
void splitLibraryLines(const std::vector<Piece>& ps, const std::vector<std::string>& libs, std::vector<Func>& fs,
                       std::vector<Line>& ls) {
    std::vector<std::pair<uint64_t, uint64_t>> libRanges, allRanges;
    for (const Piece& p : ps) {
        allRanges.push_back({p.lo, p.hi});
        for (const std::string& lib : libs)
            if (fromArchive(p.obj, lib)) libRanges.push_back({p.lo, p.hi});
    }
    auto in = [](const std::vector<std::pair<uint64_t, uint64_t>>& ranges, uint64_t pc) {
        auto it = std::upper_bound(ranges.begin(), ranges.end(), std::make_pair(pc, UINT64_MAX));
        return it != ranges.begin() && pc < (--it)->second;
    };
    auto inLib = [&](uint64_t pc) { return in(libRanges, pc); };
    auto lineAt = [&](uint64_t pc) {
        auto it = std::upper_bound(ls.begin(), ls.end(), pc, [](uint64_t a, const Line& l) { return a < l.pc; });
        return it == ls.begin() ? ls.end() : --it;
    };
    for (Func& f : fs) {
        if (!inLib(f.addr)) continue;
        auto it = lineAt(f.addr);
        if (it != ls.end() && it->line != 0) f.file = it->file;
    }
    ls.erase(std::remove_if(ls.begin(), ls.end(), [&](const Line& l) { return inLib(l.pc) || !in(allRanges, l.pc); }),
             ls.end());
}

// A common prefix becomes one byte (runtime/symtab_prefixes.h).
std::string encode(const std::string& s) {
    for (int k = 0; k < symtabPrefixCount; k++)
        if (startsWith(s, symtabPrefixes[k])) return std::string(1, (char)(k + 1)) + s.substr(std::strlen(symtabPrefixes[k]));
    return s;
}

void emit(const std::vector<Func>& fs, const std::vector<Line>& ls, const char* outPath) {
    // String pool (offsets count the encoded sizes).
    std::map<std::string, uint32_t> off;
    std::vector<std::string> pool;
    uint32_t base = 16 + (uint32_t)fs.size() * 16 + (uint32_t)ls.size() * 12;
    uint32_t next = base;
    auto intern = [&](const std::string& s) -> uint32_t {
        if (s.empty()) return 0;
        auto it = off.find(s);
        if (it != off.end()) return it->second;
        off[s] = next;
        pool.push_back(s);
        next += (uint32_t)encode(s).size() + 1;
        return off[s];
    };
    FILE* f = std::fopen(outPath, "w");
    if (!f) die(std::string("cannot write ") + outPath);
    std::fprintf(f, "// Generated by tools/mksymtab: names and lines for tracebacks.\n");
    std::fprintf(f, "\t.section .gosymtab,\"a\"\n\t.balign 8\n");
    std::fprintf(f, "\t.long 0x54534f47, 2, %zu, %zu\n", fs.size(), ls.size());
    for (const Func& fn : fs)
        std::fprintf(f, "\t.long 0x%llx, %llu, %u, %u\n", (unsigned long long)fn.addr,
                     (unsigned long long)std::min<uint64_t>(fn.size, 0xffffffffu), intern(fn.name), intern(fn.file));
    for (const Line& ln : ls)
        std::fprintf(f, "\t.long 0x%llx, %u, %u\n", (unsigned long long)ln.pc, ln.line, intern(ln.file));
    for (const std::string& s : pool) {
        std::fprintf(f, "\t.byte ");
        for (unsigned char c : encode(s)) std::fprintf(f, "%u,", c);
        std::fprintf(f, "0\n");
    }
    std::fprintf(f, "\t.section .note.GNU-stack,\"\",@progbits\n");
    std::fclose(f);
}

// The second link must lay out everything but .gosymtab exactly as the first:
// same addresses, sizes and bytes for every allocated section.
int check(const char* pass1, const char* final) {
    std::vector<char> a = readFile(pass1), b = readFile(final);
    auto sections = [](const std::vector<char>& buf) {
        std::map<std::string, std::pair<const Elf64_Shdr*, const char*>> out;
        auto* eh = reinterpret_cast<const Elf64_Ehdr*>(buf.data());
        auto* sh = reinterpret_cast<const Elf64_Shdr*>(buf.data() + eh->e_shoff);
        const char* names = buf.data() + sh[eh->e_shstrndx].sh_offset;
        for (int i = 0; i < eh->e_shnum; i++)
            if (sh[i].sh_flags & SHF_ALLOC) out[names + sh[i].sh_name] = {&sh[i], buf.data() + sh[i].sh_offset};
        return out;
    };
    auto sa = sections(a), sb = sections(b);
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
void rejectThreadLocals(const std::vector<char>& buf) {
    auto* eh = reinterpret_cast<const Elf64_Ehdr*>(buf.data());
    auto* sh = reinterpret_cast<const Elf64_Shdr*>(buf.data() + eh->e_shoff);
    for (int i = 0; i < eh->e_shnum; i++)
        if ((sh[i].sh_flags & SHF_TLS) && sh[i].sh_size > 0)
            die("the program uses thread_local variables, which goroutines cannot have (docs/api.md): "
                "make them ordinary globals guarded by a go::sync::Mutex, or pass the state along");
}

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--check") == 0) return check(argv[2], argv[3]);
    std::string runtimeLib;
    std::vector<std::string> libs;
    int i = 1;
    for (; i + 1 < argc && startsWith(argv[i], "--"); i += 2) {
        std::string opt = argv[i];
        if (opt == "--runtime-lib") runtimeLib = argv[i + 1];
        else if (opt == "--lib") libs.push_back(argv[i + 1]);
        else if (opt == "--include") {
            char* rp = realpath(argv[i + 1], nullptr);
            if (!rp) die(std::string("no such folder: ") + argv[i + 1]);
            includeDir = std::string(rp) + "/";
            std::free(rp);
        } else die("unknown option " + opt);
    }
    if (argc - i != 3 || runtimeLib.empty())
        die("usage: mksymtab --runtime-lib LIB [--lib LIB]... [--include DIR] PASS1.elf PASS1.map OUT.S\n"
            "       mksymtab --check PASS1.elf FINAL.elf");
    libs.push_back(runtimeLib);
    std::vector<char> elf = readFile(argv[i]);
    rejectThreadLocals(elf);
    std::vector<Piece> pieces = textPieces(argv[i + 1]);
    checkRuntimeRange(pieces, runtimeLib);
    std::vector<Func> fs = functions(elf, argv[i]);
    std::vector<Line> ls = lines(argv[i]);
    splitLibraryLines(pieces, libs, fs, ls);
    emit(fs, ls, argv[i + 2]);
    return 0;
}
