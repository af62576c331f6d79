// symtab_prefixes.h — the name prefixes .gosymtab stores as one byte each.
// Shared by tools/mksymtab (which encodes) and runtime/symtab.cpp (which
// expands): a string in the table that starts with byte k (1..count) stands
// for symtabPrefixes[k-1] followed by the rest. The longest come first.
#pragma once

inline constexpr const char* symtabPrefixes[] = {
    "go::fmt::detail::(anonymous namespace)::",
    "go::fmt::detail::Printer::",
    "go::fmt::detail::",
    "runtime::(anonymous namespace)::",
    "runtime::",
    "go::detail::",
    "runtime/",
    "go::",
};
inline constexpr int symtabPrefixCount = sizeof(symtabPrefixes) / sizeof(symtabPrefixes[0]);
