// time.cpp — package time (go/time.h) on the runtime's timers.
#include "go/time.h"

#include "runtime/chan_impl.h"
#include "runtime/time_impl.h"

namespace go::time {

using runtime::timer;

void Sleep(Duration d) { runtime::timeSleep(d); }

int64_t Now() { return runtime::nanotime(); }

namespace {

// The timer function of Timer, Ticker and After: a non-blocking send of the
// current time (Go's sendTime). The channel has room for one value, so a
// slow reader makes a Ticker drop ticks rather than block the scheduler.
void sendTime(void* arg, uintptr_t) {
    int64_t now = runtime::nanotime();
    runtime::chansend((runtime::hchan*)arg, &now, false);
}

// After's timer owns a reference to its channel until it fires.
void sendTimeOnce(void* arg, uintptr_t seq) {
    auto* c = (runtime::hchan*)arg;
    sendTime(c, seq);
    detail::chanRelease(c);
}

timer* newTimer(void (*f)(void*, uintptr_t), runtime::hchan* c, Duration when, Duration period) {
    auto* t = (timer*)runtime::mallocgc(sizeof(timer), true);
    t->idx = -1;
    t->f = f;
    t->arg = c;
    t->period = period;
    t->when = when;
    return t;
}

int64_t when(Duration d) {
    int64_t t = runtime::nanotime() + (d > 0 ? d : 0);
    return t < 0 ? runtime::maxWhen : t;  // overflow: never
}

}  // namespace

chan<int64_t> After(Duration d) {
    chan<int64_t> c = make_chan<int64_t>(1);
    detail::chanRetain(c.raw());  // released by sendTimeOnce
    timer* t = newTimer(sendTimeOnce, c.raw(), when(d), 0);
    t->autofree = true;
    runtime::addtimer(t);
    return c;
}

Timer::Timer(Duration d) : C(make_chan<int64_t>(1)), t_(newTimer(sendTime, C.raw(), when(d), 0)) {
    runtime::addtimer(t_);
}

Timer::~Timer() {
    runtime::deltimer(t_);
    runtime::mfree(t_);
}

bool Timer::Stop() { return runtime::deltimer(t_); }

bool Timer::Reset(Duration d) { return runtime::resettimer(t_, when(d)); }

Ticker::Ticker(Duration d) : C(make_chan<int64_t>(1)) {
    if (d <= 0) runtime::panicmsg("non-positive interval for NewTicker");
    t_ = newTimer(sendTime, C.raw(), when(d), d);
    runtime::addtimer(t_);
}

Ticker::~Ticker() {
    runtime::deltimer(t_);
    runtime::mfree(t_);
}

void Ticker::Stop() { runtime::deltimer(t_); }

void Ticker::Reset(Duration d) {
    if (d <= 0) runtime::panicmsg("non-positive interval for Ticker.Reset");
    runtime::deltimer(t_);
    t_->period = d;
    t_->when = when(d);
    runtime::addtimer(t_);
}

}  // namespace go::time
