// dwarf.h — what mksymtab reads from a program's DWARF: the line table and
// the tree of inlined calls. A reader for what GCC and gas emit (DWARF 2-5,
// 32-bit format, no split DWARF); anything else stops the link with the
// reason. tools/dwarf.cpp; DWARF 5 is the specification followed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dwarf {

// The ELF sections the reader needs (data and size; size 0: absent).
struct Section {
    const uint8_t* data = nullptr;
    uint64_t size = 0;
};
struct Sections {
    Section info, abbrev, line, str, lineStr, rnglists, ranges;
};

// One row of the line table: from pc on, the code is at file:line.
// line 0 marks the end of a sequence (no code from pc on).
struct Row {
    uint64_t pc;
    uint32_t line;
    uint32_t file;  // into Table::files
};

// One inlined call (a DW_TAG_inlined_subroutine): the function inlined,
// where it was called from, and the inlined call it sits in (-1: directly
// in the function's own code).
struct Inlined {
    std::string name;  // the read's name callback's answer
    uint32_t callFile; // into Table::files
    uint32_t callLine;
    int32_t parent;
    uint32_t depth;    // 0: directly in the function
};

// The pcs [lo, hi) hold the code of inlined call `call`.
struct Range {
    uint64_t lo, hi;
    uint32_t call;  // into Table::inlined
};

struct Table {
    std::vector<std::string> files;  // as the compiler named them (a relative name stays relative)
    std::vector<Row> rows;           // in the order the line programs give them
    std::vector<Inlined> inlined;
    std::vector<Range> ranges;
};

// Read the line programs of every compilation unit and the inlined calls
// of every function. name turns a demangled linkage name (or a plain
// DW_AT_name where there is none) into the name tracebacks print; fail
// reports malformed or unsupported DWARF and does not return.
Table read(const Sections& s, const std::function<std::string(const std::string&)>& name,
           const std::function<void(const std::string&)>& fail);

}  // namespace dwarf
