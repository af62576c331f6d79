// io.cpp — package io's sentinel errors (go/io.h). Static, constant-initialised
// values: usable from any static constructor, never freed.
#include "go/io.h"

namespace go::io {

static detail::errorValue eofValue{-1, "EOF", nullptr};
static detail::errorValue unexpectedEOFValue{-1, "unexpected EOF", nullptr};
static detail::errorValue shortWriteValue{-1, "short write", nullptr};

constinit const error ErrEOF{&eofValue};
constinit const error ErrUnexpectedEOF{&unexpectedEOFValue};
constinit const error ErrShortWrite{&shortWriteValue};

}  // namespace go::io
