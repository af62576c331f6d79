// go/trace.h — package runtime/trace: record what the scheduler does.
#pragma once

namespace go::trace {

// Start recording the execution trace (goroutines created, started,
// blocked and unblocked, Ps and Ms, system calls, preemptions, steals,
// timers) into the file at path, created or truncated now. False if
// tracing is on already or the file cannot be created (Go's trace.Start
// returns an error then). docs/trace.md describes the file.
bool Start(const char* path);

// Stop recording and write the trace as Chrome trace-event JSON (open it in
// ui.perfetto.dev or chrome://tracing, or draw it with `make trace-svg`).
// False if tracing was off or the file could not be written. A trace still
// on when main returns, or when the program ends by os::Exit, a panic or a
// fatal error, is written then (Go loses it on those; docs/trace.md).
bool Stop();

}  // namespace go::trace
