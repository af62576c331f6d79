// go/io.h — package io: the sentinel errors of readers and writers.
#pragma once
#include "go/errors.h"

namespace go::io {

// io.EOF: Read returns it when no more input is available (the peer closed
// the connection, the end of the file). Spelled ErrEOF because <stdio.h>'s
// EOF macro rules out Go's name.
extern const error ErrEOF;
extern const error ErrUnexpectedEOF;  // io.ErrUnexpectedEOF
extern const error ErrShortWrite;     // io.ErrShortWrite

}  // namespace go::io
