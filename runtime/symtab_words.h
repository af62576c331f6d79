// symtab_words.h — the words .gosymtab stores as one byte each. Shared by
// tools/mksymtab (which encodes) and runtime/symtab.cpp (which expands): a
// byte k (1..symtabWordCount) anywhere in a string of the table stands for
// the k-th word of symtabWords. Names and paths never hold those bytes.
// The words are the parts of names and paths every program has many of:
// they take the names of ./hello's table from 12 KB to 8 KB.
#pragma once

// The words, each ended by a NUL, the longer before the shorter that
// start them (the encoder takes the longest that fits).
inline constexpr char symtabWords[] =
    "runtime::(anonymous namespace)::\0go::fmt::detail::Printer::\0go::fmt::detail::\0"
    "(anonymous namespace)::\0runtime::\0go::detail::\0go::\0(...)\0::{lambda(\0)#1}::operator()\0"
    "::_FUN(...)\0 [clone .constprop.0]\0 [clone .isra.0]\0 [clone .part.0]\0 [clone .cold]\0"
    "char const*\0unsigned \0void \0runtime/\0.cpp\0pkg/\0 const\0std::\0operator\0print\0"
    "trace\0stack\0mheap\0netpoll\0Locked\0()";
inline constexpr int symtabWordCount = 31;

// The k-th word (0-based).
inline const char* symtabWord(int k) {
    const char* w = symtabWords;
    while (k-- > 0)
        while (*w++) {
        }
    return w;
}
