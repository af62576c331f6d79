// time_impl.h — the runtime timer (Go's runtime.timer), shared by time.cpp
// and the go::time API.
#pragma once
#include "runtime.h"

namespace runtime {

constexpr int64_t maxWhen = INT64_MAX;

struct timer {
    p* pp;          // [pp->timersLock] the heap holding it, nullptr when in none
    int32_t idx;    // [pp->timersLock] index in pp->timers, -1 when in none
    // [atomic] calls of f in progress. A periodic timer stays in its heap
    // while f runs, so another M may start the next call before the first
    // returns (as in Go 1.19): a count, not a flag.
    uint32_t running;
    bool autofree;  // [immutable] one-shot timer nobody else references: freed after f runs
    int64_t when;   // [pp->timersLock while in a heap] nanotime at which to fire
    int64_t period; // if > 0, fire again every period ns
    void (*f)(void* arg, uintptr seq);  // called on the scheduler's stack; must not block
    void* arg;
    uintptr seq;
};

// A slot of a P's timer heap (Go 1.23's timerWhen): when is a copy of
// timer->when, kept beside the pointer so sifts read only the heap array.
struct timerWhen {
    struct timer* timer;
    int64_t when;
};

// Add t to pp's heap (pp->timersLock held); time.cpp.
void doaddtimer(p* pp, timer* t);
void addtimer(timer* t);
bool deltimer(timer* t);
bool deltimerStale(timer* t);
bool resettimer(timer* t, int64_t when);

}  // namespace runtime
