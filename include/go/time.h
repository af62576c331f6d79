// go/time.h — package time: durations, the monotonic clock, sleeping and
// timers. A sleeping goroutine holds no thread: timers live in per-P heaps
// the scheduler serves (runtime/time.cpp).
#pragma once
#include <stdint.h>

#include "go/chan.h"

namespace runtime {
struct timer;
}

namespace go::time {

using Duration = int64_t;  // nanoseconds
constexpr Duration Nanosecond = 1;
constexpr Duration Microsecond = 1000 * Nanosecond;
constexpr Duration Millisecond = 1000 * Microsecond;
constexpr Duration Second = 1000 * Millisecond;
constexpr Duration Minute = 60 * Second;
constexpr Duration Hour = 60 * Minute;

// time.Sleep: pauses the current goroutine for at least d (not the thread).
void Sleep(Duration d);
// Monotonic nanoseconds (Go's nanotime): differences are elapsed time.
int64_t Now();
inline Duration Since(int64_t t) { return Now() - t; }

// time.After: a channel that receives Now() once d has passed.
chan<int64_t> After(Duration d);

// time.Timer: a single event. C receives Now() when the timer fires.
class Timer {
public:
    explicit Timer(Duration d);
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;
    ~Timer();
    // Stop prevents the Timer from firing. It returns true if the call stops
    // the timer, false if the timer has already expired or been stopped.
    bool Stop();
    // Reset changes the timer to expire after d. It returns true if the
    // timer had been active.
    bool Reset(Duration d);
    chan<int64_t> C;

private:
    runtime::timer* t_;
};

// time.Ticker: C receives Now() every d; slow receivers miss ticks (the
// channel holds one), as in Go. d must be positive.
class Ticker {
public:
    explicit Ticker(Duration d);
    Ticker(const Ticker&) = delete;
    Ticker& operator=(const Ticker&) = delete;
    ~Ticker();
    void Stop();
    void Reset(Duration d);
    chan<int64_t> C;

private:
    runtime::timer* t_;
};

}  // namespace go::time
