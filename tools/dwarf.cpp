// dwarf.cpp — the line table and the inlined calls, read from DWARF
// (tools/dwarf.h). Constants are the DWARF 5 specification's (section 7).
// This is a host program: it may use the C++ standard library.
#include "dwarf.h"

#include <cxxabi.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <tuple>

namespace dwarf {
namespace {

using FailFn = std::function<void(const std::string&)>;

// Attributes and tags this reader looks at.
enum : uint32_t {
    TAG_compile_unit = 0x11, TAG_subprogram = 0x2e, TAG_inlined_subroutine = 0x1d, TAG_namespace = 0x39,
    TAG_class_type = 0x02, TAG_structure_type = 0x13, TAG_union_type = 0x17,
    AT_stmt_list = 0x10, AT_low_pc = 0x11, AT_high_pc = 0x12, AT_name = 0x03,
    AT_abstract_origin = 0x31, AT_specification = 0x47, AT_ranges = 0x55, AT_call_file = 0x58,
    AT_call_line = 0x59, AT_linkage_name = 0x6e, AT_MIPS_linkage_name = 0x2007,
};

// Forms (the value encodings of attributes).
enum : uint32_t {
    FORM_addr = 0x01, FORM_block2 = 0x03, FORM_block4 = 0x04, FORM_data2 = 0x05, FORM_data4 = 0x06,
    FORM_data8 = 0x07, FORM_string = 0x08, FORM_block = 0x09, FORM_block1 = 0x0a, FORM_data1 = 0x0b,
    FORM_flag = 0x0c, FORM_sdata = 0x0d, FORM_strp = 0x0e, FORM_udata = 0x0f, FORM_ref_addr = 0x10,
    FORM_ref1 = 0x11, FORM_ref2 = 0x12, FORM_ref4 = 0x13, FORM_ref8 = 0x14, FORM_ref_udata = 0x15,
    FORM_indirect = 0x16, FORM_sec_offset = 0x17, FORM_exprloc = 0x18, FORM_flag_present = 0x19,
    FORM_strx = 0x1a, FORM_addrx = 0x1b, FORM_ref_sup4 = 0x1c, FORM_strp_sup = 0x1d, FORM_data16 = 0x1e,
    FORM_line_strp = 0x1f, FORM_ref_sig8 = 0x20, FORM_implicit_const = 0x21, FORM_loclistx = 0x22,
    FORM_rnglistx = 0x23, FORM_ref_sup8 = 0x24, FORM_strx1 = 0x25, FORM_strx4 = 0x28, FORM_addrx1 = 0x29,
    FORM_addrx4 = 0x2c,
};

// A bounds-checked cursor over one section.
struct Reader {
    const uint8_t* p;
    const uint8_t* end;
    const FailFn* fail;
    const char* what;  // the section, for errors

    void need(uint64_t n) {
        if ((uint64_t)(end - p) < n) (*fail)(std::string(what) + " ends in the middle of an entry (truncated?)");
    }
    uint64_t fixed(int n) {
        if (n < 0 || n > 8) (*fail)(std::string(what) + ": a " + std::to_string(n) + "-byte address or number");
        need(n);
        uint64_t v = 0;
        for (int i = 0; i < n; i++) v |= (uint64_t)p[i] << (8 * i);
        p += n;
        return v;
    }
    uint64_t uleb() {
        uint64_t v = 0;
        for (int shift = 0;; shift += 7) {
            need(1);
            uint8_t b = *p++;
            if (shift < 64) v |= (uint64_t)(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
    }
    int64_t sleb() {
        int64_t v = 0;
        int shift = 0;
        uint8_t b;
        do {
            need(1);
            b = *p++;
            if (shift < 64) v |= (int64_t)(b & 0x7f) << shift;
            shift += 7;
        } while (b & 0x80);
        if (shift < 64 && (b & 0x40)) v |= -((int64_t)1 << shift);
        return v;
    }
    const char* cstr() {
        const void* nul = std::memchr(p, 0, end - p);
        if (!nul) (*fail)(std::string(what) + ": a string runs past the end");
        const char* s = (const char*)p;
        p = (const uint8_t*)nul + 1;
        return s;
    }
    void skip(uint64_t n) {
        need(n);
        p += n;
    }
};

Reader at(const Section& s, uint64_t off, const char* what, const FailFn& fail) {
    if (off > s.size) fail(std::string(what) + ": an offset lies outside the section");
    return {s.data + off, s.data + s.size, &fail, what};
}

const char* strAt(const Section& s, uint64_t off, const char* what, const FailFn& fail) {
    Reader r = at(s, off, what, fail);
    return r.cstr();
}

// One attribute's value: a number (constants, addresses, offsets,
// references made absolute) or a string.
struct Value {
    uint64_t u = 0;
    const char* s = nullptr;
};

struct Unit {
    uint64_t off;       // of the unit header in .debug_info
    int version;
    int addrSize;
    const Sections* secs;
    const FailFn* fail;
};

// Read one attribute value of form f; skips what it does not keep.
Value readForm(Reader& r, uint32_t f, int64_t implicitConst, const Unit& u) {
    Value v;
    const Sections& s = *u.secs;
    const FailFn& fail = *u.fail;
    switch (f) {
    case FORM_addr: v.u = r.fixed(u.addrSize); break;
    case FORM_data1: case FORM_ref1: case FORM_flag: case FORM_strx1: case FORM_addrx1: v.u = r.fixed(1); break;
    case FORM_data2: case FORM_ref2: v.u = r.fixed(2); break;
    case 0x26: case 0x2a: v.u = r.fixed(2); break;  // strx2, addrx2
    case 0x27: case 0x2b: v.u = r.fixed(3); break;  // strx3, addrx3
    case FORM_data4: case FORM_ref4: case FORM_sec_offset: case FORM_ref_sup4: case FORM_strp_sup:
    case FORM_strx4: case FORM_addrx4: v.u = r.fixed(4); break;
    case FORM_data8: case FORM_ref8: case FORM_ref_sig8: case FORM_ref_sup8: v.u = r.fixed(8); break;
    case FORM_data16: r.skip(16); break;
    case FORM_sdata: v.u = (uint64_t)r.sleb(); break;
    case FORM_udata: case FORM_ref_udata: case FORM_strx: case FORM_addrx: case FORM_loclistx: case FORM_rnglistx:
        v.u = r.uleb();
        break;
    case FORM_string: v.s = r.cstr(); break;
    case FORM_strp: v.s = strAt(s.str, r.fixed(4), ".debug_str", fail); break;
    case FORM_line_strp: v.s = strAt(s.lineStr, r.fixed(4), ".debug_line_str", fail); break;
    case FORM_ref_addr: v.u = r.fixed(u.version <= 2 ? u.addrSize : 4); break;
    case FORM_block1: r.skip(r.fixed(1)); break;
    case FORM_block2: r.skip(r.fixed(2)); break;
    case FORM_block4: r.skip(r.fixed(4)); break;
    case FORM_block: case FORM_exprloc: r.skip(r.uleb()); break;
    case FORM_flag_present: v.u = 1; break;
    case FORM_implicit_const: v.u = (uint64_t)implicitConst; break;
    case FORM_indirect: return readForm(r, (uint32_t)r.uleb(), implicitConst, u);
    default: fail("unsupported DWARF form 0x" + std::to_string(f) + " (split or supplementary DWARF?)");
    }
    // References within the unit count from its header; make them absolute.
    if (f == FORM_ref1 || f == FORM_ref2 || f == FORM_ref4 || f == FORM_ref8 || f == FORM_ref_udata) v.u += u.off;
    return v;
}

// ---- the line table (section 6.2) ----------------------------------------------

struct FileNames {
    std::map<std::string, uint32_t> index;
    std::vector<std::string>* files;
    uint32_t add(const std::string& f) {
        auto it = index.find(f);
        if (it != index.end()) return it->second;
        files->push_back(f);
        return index[f] = (uint32_t)files->size() - 1;
    }
};

// dir joined to name, as the compiler named them: directory 0 is the
// compilation folder, which a relative name is already relative to.
std::string joinPath(const std::vector<std::string>& dirs, uint64_t dir, const char* name) {
    if (name[0] == '/' || dir == 0 || dir >= dirs.size()) return name;
    return dirs[dir] + "/" + name;
}

// DWARF 5's self-describing directory and file entries: the path and the
// directory index are kept, the rest skipped.
void entries(Reader& r, const Unit& u, std::vector<std::pair<const char*, uint64_t>>& out) {
    std::vector<std::pair<uint64_t, uint64_t>> fmt(r.fixed(1));
    for (auto& [type, form] : fmt) type = r.uleb(), form = r.uleb();
    uint64_t n = r.uleb();
    for (uint64_t i = 0; i < n; i++) {
        const char* path = "";
        uint64_t dir = 0;
        for (auto [type, form] : fmt) {
            Value v = readForm(r, (uint32_t)form, 0, u);
            if (type == 1 && v.s) path = v.s;  // DW_LNCT_path
            if (type == 2) dir = v.u;          // DW_LNCT_directory_index
        }
        out.push_back({path, dir});
    }
}

// A line program's header: how its opcodes read, and its file numbers
// (the rows' and DW_AT_call_file's) as Table::files indexes.
struct LineHeader {
    int version;
    uint64_t minInst, lineRange, opBase;
    int lineBase;
    std::vector<uint64_t> opLen;
    std::vector<std::string> dirs;
    std::vector<uint32_t> files;
    Reader prog;  // the opcodes
};

LineHeader lineHeader(uint64_t off, const Unit& cu, FileNames& names) {
    const FailFn& fail = *cu.fail;
    LineHeader h;
    Reader r = at(cu.secs->line, off, ".debug_line", fail);
    uint64_t len = r.fixed(4);
    if (len >= 0xfffffff0) fail(".debug_line: 64-bit DWARF is not supported");
    r.need(len);
    r.end = r.p + len;
    h.version = (int)r.fixed(2);
    if (h.version < 2 || h.version > 5) fail(".debug_line: version " + std::to_string(h.version) + " is not supported");
    Unit u = cu;
    u.version = h.version;
    if (h.version >= 5) {
        u.addrSize = (int)r.fixed(1);
        r.fixed(1);  // segment selector size
    }
    uint64_t hlen = r.fixed(4);
    r.need(hlen);
    h.prog = {r.p + hlen, r.end, &fail, ".debug_line"};
    h.minInst = r.fixed(1);
    if (h.version >= 4) r.fixed(1);  // maximum operations per instruction (VLIW only)
    r.fixed(1);                      // default_is_stmt: every row counts here
    h.lineBase = (int8_t)r.fixed(1);
    h.lineRange = r.fixed(1);
    h.opBase = r.fixed(1);
    if (h.lineRange == 0 || h.opBase == 0) fail(".debug_line: a header with line_range or opcode_base 0");
    h.opLen.assign(h.opBase, 0);
    for (uint64_t i = 1; i < h.opBase; i++) h.opLen[i] = r.fixed(1);
    if (h.version >= 5) {
        std::vector<std::pair<const char*, uint64_t>> d, f;
        entries(r, u, d);
        for (auto& e : d) h.dirs.push_back(e.first);
        entries(r, u, f);
        for (auto& [p, dir] : f) h.files.push_back(names.add(joinPath(h.dirs, dir, p)));
        return h;
    }
    // Before DWARF 5: directory 0 is the compilation folder and file
    // numbers start at 1; both lists end with an empty name.
    h.dirs.assign(1, "");
    for (const char* d; *(d = r.cstr());) h.dirs.push_back(d);
    h.files.push_back(0);
    for (const char* f; *(f = r.cstr());) {
        uint64_t dir = r.uleb();
        r.uleb(), r.uleb();  // time, length
        h.files.push_back(names.add(joinPath(h.dirs, dir, f)));
    }
    h.files[0] = h.files.size() > 1 ? h.files[1] : names.add("?");
    return h;
}

// Run a line program, appending its rows.
void lineProgram(LineHeader& h, FileNames& names, std::vector<Row>& rows) {
    Reader& r = h.prog;
    uint64_t addr = 0, file = 1, line = 1;
    auto fileOf = [&](uint64_t n) { return n < h.files.size() ? h.files[n] : names.add("?"); };
    auto emit = [&](bool endSeq) { rows.push_back({addr, endSeq ? 0u : (uint32_t)line, fileOf(file)}); };
    while (r.p < r.end) {
        uint8_t op = (uint8_t)r.fixed(1);
        if (op >= h.opBase) {  // special opcode: advance both, add a row
            uint64_t adj = op - h.opBase;
            addr += (adj / h.lineRange) * h.minInst;
            line += h.lineBase + (int64_t)(adj % h.lineRange);
            emit(false);
            continue;
        }
        switch (op) {
        case 0: {  // extended opcode
            uint64_t n = r.uleb();
            r.need(n);
            const uint8_t* next = r.p + n;
            uint8_t sub = n ? (uint8_t)r.fixed(1) : 0;
            if (sub == 1) {  // end_sequence
                emit(true);
                addr = 0, file = 1, line = 1;
            } else if (sub == 2) {  // set_address
                addr = r.fixed((int)(n - 1));
            } else if (sub == 3) {  // define_file (before DWARF 5)
                const char* f = r.cstr();
                uint64_t dir = r.uleb();
                h.files.push_back(names.add(joinPath(h.dirs, dir, f)));
            }
            r.p = next;
            break;
        }
        case 1: emit(false); break;                                          // copy
        case 2: addr += r.uleb() * h.minInst; break;                         // advance_pc
        case 3: line += r.sleb(); break;                                     // advance_line
        case 4: file = r.uleb(); break;                                      // set_file
        case 8: addr += ((255 - h.opBase) / h.lineRange) * h.minInst; break; // const_add_pc
        case 9: addr += r.fixed(2); break;                                   // fixed_advance_pc
        default:
            for (uint64_t i = 0; i < h.opLen[op]; i++) r.uleb();  // column, is_stmt, isa...: not kept
        }
    }
}

// ---- the inlined calls (section 3.3.8) ----------------------------------------

struct Abbrev {
    uint32_t tag;
    bool children;
    struct Spec {
        uint32_t at, form;
        int64_t implicitConst;
    };
    std::vector<Spec> specs;
};

std::map<uint64_t, Abbrev> abbrevs(const Section& s, uint64_t off, const FailFn& fail) {
    Reader r = at(s, off, ".debug_abbrev", fail);
    std::map<uint64_t, Abbrev> out;
    for (uint64_t code; (code = r.uleb()) != 0;) {
        Abbrev& a = out[code];
        a.tag = (uint32_t)r.uleb();
        a.children = r.fixed(1) != 0;
        for (;;) {
            uint32_t at = (uint32_t)r.uleb(), form = (uint32_t)r.uleb();
            int64_t ic = form == FORM_implicit_const ? r.sleb() : 0;
            if (at == 0 && form == 0) break;
            a.specs.push_back({at, form, ic});
        }
    }
    return out;
}

// What names a function: its linkage name, or its plain name, or the DIE
// that describes it (an abstract origin or a declaration).
struct Naming {
    const char* linkage = nullptr;
    const char* plain = nullptr;
    uint64_t ref = 0;
    std::string scope;  // of a plain name: the enclosing namespaces and classes, "a::b::"
};

// The attributes of one DIE this reader keeps.
struct Die {
    uint32_t tag = 0;
    bool children = false;
    Naming naming;
    uint64_t lowPc = 0, highPc = 0, ranges = ~0ull, callFile = 0, callLine = 0, stmtList = ~0ull;
    bool hasLow = false, highIsOffset = false;
};

Die readDie(Reader& r, const Abbrev& a, const Unit& u) {
    Die d;
    d.tag = a.tag;
    d.children = a.children;
    for (const auto& sp : a.specs) {
        Value v = readForm(r, sp.form, sp.implicitConst, u);
        switch (sp.at) {
        case AT_linkage_name: case AT_MIPS_linkage_name: d.naming.linkage = v.s; break;
        case AT_name: d.naming.plain = v.s; break;
        case AT_abstract_origin: case AT_specification: d.naming.ref = v.u; break;
        case AT_low_pc: d.lowPc = v.u, d.hasLow = true; break;
        case AT_high_pc:
            d.highPc = v.u;
            d.highIsOffset = sp.form != FORM_addr;
            break;
        case AT_ranges:
            if (sp.form == FORM_rnglistx) (*u.fail)("DW_FORM_rnglistx (split DWARF) is not supported");
            d.ranges = v.u;
            break;
        case AT_call_file: d.callFile = v.u; break;
        case AT_call_line: d.callLine = v.u; break;
        case AT_stmt_list: d.stmtList = v.u; break;
        }
    }
    return d;
}

// The address ranges of a DIE: low/high pc, or a range list (DWARF 5's
// .debug_rnglists, or .debug_ranges before it) relative to the unit's base.
std::vector<std::pair<uint64_t, uint64_t>> dieRanges(const Die& d, const Unit& u, uint64_t base) {
    std::vector<std::pair<uint64_t, uint64_t>> out;
    const FailFn& fail = *u.fail;
    if (d.ranges == ~0ull) {
        if (d.hasLow) out.push_back({d.lowPc, d.highIsOffset ? d.lowPc + d.highPc : d.highPc});
        return out;
    }
    if (u.version < 5) {
        Reader r = at(u.secs->ranges, d.ranges, ".debug_ranges", fail);
        for (;;) {
            uint64_t lo = r.fixed(u.addrSize), hi = r.fixed(u.addrSize);
            if (lo == 0 && hi == 0) return out;
            if (lo == ~0ull) base = hi;
            else out.push_back({base + lo, base + hi});
        }
    }
    Reader r = at(u.secs->rnglists, d.ranges, ".debug_rnglists", fail);
    for (;;) {
        switch (r.fixed(1)) {
        case 0: return out;                          // end_of_list
        case 4: {                                    // offset_pair
            uint64_t lo = r.uleb(), hi = r.uleb();
            out.push_back({base + lo, base + hi});
            break;
        }
        case 5: base = r.fixed(u.addrSize); break;   // base_address
        case 6: {                                    // start_end
            uint64_t lo = r.fixed(u.addrSize), hi = r.fixed(u.addrSize);
            out.push_back({lo, hi});
            break;
        }
        case 7: {                                    // start_length
            uint64_t lo = r.fixed(u.addrSize);
            out.push_back({lo, lo + r.uleb()});
            break;
        }
        default: fail(".debug_rnglists: an indexed range entry (split DWARF) is not supported");
        }
    }
}

// The name of a function from its naming DIEs: follow abstract origins and
// declarations to a linkage name.
std::string functionName(const Naming& first, const std::map<uint64_t, Naming>& namings,
                         const std::function<std::string(const std::string&)>& name) {
    Naming n = first;
    const char* plain = n.plain;
    std::string scope = n.scope;
    for (int hops = 0; !n.linkage && n.ref && hops < 8; hops++) {
        auto it = namings.find(n.ref);
        if (it == namings.end()) break;
        n = it->second;
        if (!plain) plain = n.plain, scope = n.scope;
    }
    if (n.linkage) {
        int status = 0;
        std::unique_ptr<char, decltype(&std::free)> dm(abi::__cxa_demangle(n.linkage, nullptr, nullptr, &status),
                                                       &std::free);
        return name(status == 0 && dm ? dm.get() : n.linkage);
    }
    return name(plain ? scope + plain : "?");
}

// One unit's DIEs: every subprogram's naming, and the inlined calls with
// the call they sit in. Returns the unit's line program offset.
struct Pending {
    Naming naming;
    uint32_t callFile, callLine;
    int32_t parent;
    uint32_t depth;
    std::vector<std::pair<uint64_t, uint64_t>> ranges;
    uint32_t unit;  // index of the unit's file list
};

void unitDies(Reader& r, const Unit& u, const std::map<uint64_t, Abbrev>& ab, std::map<uint64_t, Naming>& namings,
              std::vector<Pending>& calls, uint64_t& stmtList, uint32_t lineTable) {
    uint64_t base = 0;
    // Per open DIE with children: the innermost inlined call and the
    // scope around it.
    std::vector<std::pair<int32_t, std::string>> stack;
    int32_t cur = -1;
    std::string scope;
    while (r.p < r.end) {
        uint64_t off = r.p - u.secs->info.data;
        uint64_t code = r.uleb();
        if (code == 0) {
            if (stack.empty()) return;
            std::tie(cur, scope) = stack.back();
            stack.pop_back();
            continue;
        }
        auto it = ab.find(code);
        if (it == ab.end()) (*u.fail)(".debug_info: a DIE with an unknown abbreviation code");
        Die d = readDie(r, it->second, u);
        int32_t inner = cur;
        std::string innerScope = scope;
        switch (d.tag) {
        case TAG_compile_unit:
            base = d.lowPc;
            stmtList = d.stmtList;
            break;
        case TAG_subprogram:
            d.naming.scope = scope;
            namings[off] = d.naming;
            if (d.naming.plain) innerScope += std::string(d.naming.plain) + "()::";
            break;
        case TAG_namespace: case TAG_class_type: case TAG_structure_type: case TAG_union_type:
            innerScope += std::string(d.naming.plain ? d.naming.plain : "(anonymous namespace)") + "::";
            break;
        case TAG_inlined_subroutine: {
            auto ranges = dieRanges(d, u, base);
            // GCC may describe a function's inlined body as a second
            // inlined call of the same function, at its own first line and
            // over the same code: one call, not two.
            if (cur >= 0 && calls[cur].naming.ref == d.naming.ref && calls[cur].ranges == ranges) break;
            uint32_t depth = cur < 0 ? 0 : calls[cur].depth + 1;
            calls.push_back({d.naming, (uint32_t)d.callFile, (uint32_t)d.callLine, cur, depth, std::move(ranges), lineTable});
            inner = (int32_t)calls.size() - 1;
            break;
        }
        }
        if (d.children) {
            stack.push_back({cur, scope});
            cur = inner;
            scope = innerScope;
        }
    }
}

}  // namespace

Table read(const Sections& s, const std::function<std::string(const std::string&)>& name, const FailFn& fail) {
    Table t;
    FileNames names{{}, &t.files};
    std::map<uint64_t, Naming> namings;
    std::vector<Pending> calls;
    std::vector<std::vector<uint32_t>> unitFiles;  // per unit: its line table's file numbers -> Table::files
    std::map<uint64_t, std::map<uint64_t, Abbrev>> abbrevCache;
    Reader r = at(s.info, 0, ".debug_info", fail);
    while (r.p < r.end) {
        Unit u{(uint64_t)(r.p - s.info.data), 0, 8, &s, &fail};
        uint64_t len = r.fixed(4);
        if (len >= 0xfffffff0) fail(".debug_info: 64-bit DWARF is not supported");
        r.need(len);
        Reader ur{r.p, r.p + len, &fail, ".debug_info"};
        r.p += len;
        u.version = (int)ur.fixed(2);
        uint64_t abbrevOff;
        if (u.version >= 5) {
            uint8_t type = (uint8_t)ur.fixed(1);
            u.addrSize = (int)ur.fixed(1);
            abbrevOff = ur.fixed(4);
            if (type != 1) continue;  // only full compilation units (DW_UT_compile) hold code
        } else if (u.version >= 2) {
            abbrevOff = ur.fixed(4);
            u.addrSize = (int)ur.fixed(1);
        } else {
            fail(".debug_info: version " + std::to_string(u.version) + " is not supported");
            return t;
        }
        auto it = abbrevCache.find(abbrevOff);  // units often share one table
        if (it == abbrevCache.end()) it = abbrevCache.emplace(abbrevOff, abbrevs(s.abbrev, abbrevOff, fail)).first;
        auto& ab = it->second;
        uint64_t stmtList = ~0ull;
        unitDies(ur, u, ab, namings, calls, stmtList, (uint32_t)unitFiles.size());
        // The unit's line program: its rows, and the file numbers its
        // inlined calls' DW_AT_call_file use.
        std::vector<uint32_t> files;
        if (stmtList != ~0ull) {
            LineHeader h = lineHeader(stmtList, u, names);
            lineProgram(h, names, t.rows);
            files = h.files;
        }
        unitFiles.push_back(files);
    }
    for (const Pending& c : calls) {
        const auto& files = unitFiles[c.unit];
        uint32_t callFile = c.callFile < files.size() ? files[c.callFile] : names.add("?");
        t.inlined.push_back({functionName(c.naming, namings, name), callFile, c.callLine, c.parent, c.depth});
        for (auto [lo, hi] : c.ranges)
            if (hi > lo) t.ranges.push_back({lo, hi, (uint32_t)t.inlined.size() - 1});
    }
    return t;
}

}  // namespace dwarf
