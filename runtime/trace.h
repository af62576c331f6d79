// trace.h — the execution tracer's hooks (Go's trace.go: traceGoCreate,
// traceGoStart, traceGoPark...). The scheduler calls them in Go's places,
// each behind one predictable branch on trace.enabled, so a program that
// does not trace pays one load and a not-taken jump per hook.
//
// Events go to the buffer of the P the calling M holds, without a lock (the
// M owns the P); an M without a P (sysmon, an M leaving a system call, the
// boot before procresize) writes to a global buffer under traceLock. A full
// buffer is appended to the output file and reused.
// trace.cpp records; trace_json.cpp writes the Chrome trace-event file
// (docs/trace.md).
#pragma once
#include "runtime.h"

namespace runtime {

// Event types (Go's traceEv* names where Go has the event).
enum traceEv : uint8_t {
    traceEvNone = 0,
    traceEvBoot,          // ours: a boot step on m0; arg: the step's name (a constant string)
    traceEvProcStart,     // this M acquired its P
    traceEvProcStop,      // this M is releasing its P
    traceEvGomaxprocs,    // arg: the new value
    traceEvGoCreate,      // g: the new goroutine; arg: its startpc
    traceEvGoStart,       // g starts running on this P
    traceEvGoEnd,         // g exits
    traceEvGoSched,       // g yields (Gosched, goyield)
    traceEvGoPreempt,     // g is preempted; reason: tracePreempt*
    traceEvGoBlock,       // g parks; reason: its waitReason
    traceEvGoUnblock,     // g made runnable by the running goroutine; arg: the unblocker's goid
    traceEvGoSysCall,     // g enters a system call
    traceEvGoSysBlock,    // g's P was handed off during its system call (by sysmon or entersyscallblock)
    traceEvGoSysExit,     // g is back from its system call with a P
    traceEvGoWaiting,     // g was already parked when tracing started (Go's traceEvGoWaiting)
    traceEvSteal,         // ours: this P stole g from P arg
    traceEvPreemptReq,    // ours: sysmon asked g (on P arg) to stop; reason: tracePreempt*
    traceEvTimer,         // ours: a timer fired on this P; arg: its function
    traceEvCount,
};

enum : uint8_t {
    tracePreemptStack = 1,   // at a function prologue, after sysmon poisoned the stack guard
    tracePreemptSignal = 2,  // asynchronously, by SIGURG
};

// One event: 32 bytes, appended by its M with plain stores.
struct traceEvent {
    uint64_t ticks;  // cputicks (rdtsc), converted to time when the file is written; a GoStart may share its stop's (trace.cpp)
    uint8_t type;    // traceEv
    uint8_t reason;  // waitReason or tracePreempt*
    uint16_t pid;    // the P whose buffer holds it, or noP
    int32_t mid;     // the M that recorded it
    int64_t g;       // the goroutine it is about
    uint64_t arg;
};
constexpr uint16_t traceNoP = 0xffff;

// 64 KB of events (a page multiple, so each buffer can be unmapped alone).
// The buffer of a P is written only by the M that holds the P; the global
// one (Ms without a P) under traceLock. pos is stored with release after
// each event, for traceFlushAtExit reading another M's buffer.
constexpr uint32_t traceBufEvents = (65536 - 16) / sizeof(traceEvent);
struct traceBuf {
    uint32_t pos;   // [owner, release store] events used
    uint32_t pad;
    uint64_t step;  // [owner] ticks of the goroutine stop that ends the current scheduling step, 0: none
    traceEvent ev[traceBufEvents];
    char tail[65536 - 16 - traceBufEvents * sizeof(traceEvent)];
};
static_assert(sizeof(traceBuf) == 65536);

struct traceState {
    bool enabled;        // [written with the world stopped] read by every hook
    bool shutdown;       // [traceLock] Stop is writing the file
    const char* path;    // [traceLock] where Stop writes
};
extern traceState trace;

// The hooks' guard: `if (traceOn()) traceGoStart();` is one load and a jump
// the CPU predicts not taken.
static inline bool traceOn() { return __builtin_expect(trace.enabled, 0); }

// The hooks, out of line: each called only when trace.enabled. no_split_stack
// (trace.cpp says why); they use a few dozen bytes of the StackGuard reserve.
#define TRACE_HOOK __attribute__((no_split_stack))
TRACE_HOOK void traceBoot(const char* step);                  // GODEBUG=tracefile: before the first P
TRACE_HOOK void traceGoCreate(g* newg, uintptr startpc);
TRACE_HOOK void traceGoStart();                                // the M's curg starts
TRACE_HOOK void traceGoPark(waitReason reason);                // the M's curg blocks
TRACE_HOOK void traceGoUnpark(g* gp);
TRACE_HOOK void traceGoSysCall();
TRACE_HOOK void traceGoSysExit();
TRACE_HOOK void traceProcStart();
TRACE_HOOK void traceProcStop(p* pp);
TRACE_HOOK void traceGoSysBlock(p* pp);                        // pp, in a system call, is handed off
TRACE_HOOK void traceGoPreempt(uint8_t how);
TRACE_HOOK void traceGoSched();
TRACE_HOOK void traceGoEnd();
TRACE_HOOK void traceSteal(p* from, g* gp);
TRACE_HOOK void tracePreemptReq(p* pp, g* gp, uint8_t how);
TRACE_HOOK void traceTimer(uintptr fn);
TRACE_HOOK void traceGomaxprocs(int32_t n);
// Not an event: findRunnable found nothing in the local run queue, so the
// next GoStart may come much later than the last stop and reads the clock.
TRACE_HOOK void traceFindRunnableSlow();

// GODEBUG=tracefile=PATH (read in args, before anything else is recorded):
// trace the whole run, written when main returns.
void traceStartFromEnv();
void traceStopAtExit();
// exit(): os::Exit, a panic or a fatal error while tracing (trace.cpp).
void traceFlushAtExit();

// Start/Stop for go::trace (pkg/trace). Start returns false (and records
// nothing) if tracing is on already or path cannot be created.
bool traceStart(const char* path);
bool traceStop();

// trace_json.cpp: the recorded events, written as Chrome trace-event JSON.
// The file holds the raw buffers (each a traceBuf's header and its pos
// events, as traceWriteBuf appended them); this reads them back and
// replaces them with the JSON.
bool traceWriteJSON(int fd, uint64_t ticks0, int64_t nanos0, uint64_t ticks1, int64_t nanos1);

}  // namespace runtime
