// netpoll.h — the network poller's interface (Go's netpoll.go): what the
// scheduler calls (netpoll, netpollBreak, netpollinited) and what
// pkg/internal/poll calls (the poll_runtime_* functions Go links into
// internal/poll as runtime_pollOpen, runtime_pollWait...). Design in
// docs/netpoll.md.
#pragma once
#include "runtime.h"
#include "time_impl.h"

namespace runtime {

// Error codes returned by the poll_runtime_* functions (Go's pollNoError...);
// internal/poll turns them into ErrNetClosing, ErrDeadlineExceeded...
enum : int {
    pollNoError = 0,         // no error
    pollErrClosing = 1,      // descriptor is closed
    pollErrTimeout = 2,      // I/O timeout
    pollErrNotPollable = 3,  // general error polling descriptor
};

// The rg/wg semaphores of a pollDesc hold one of these or a parked G.
constexpr uintptr pdReady = 1;  // io readiness notification is pending
constexpr uintptr pdWait = 2;   // a goroutine prepares to park on the semaphore

// Network poller descriptor (Go's pollDesc). One per pollable fd, never freed:
// a closed fd's pollDesc goes back to pollcache for the next open, and the
// sequence numbers make a stale deadline timer harmless.
struct pollDesc {
    pollDesc* link;  // [pollcache.lock] in pollcache
    uintptr fd;      // [constant while in use]

    // rg, wg: pdReady, pdWait, the G waiting to read/write, or 0. Written by
    // netpollblock (the reader/writer), netpollunblock (netpoll, deadline
    // timers, close) with atomic operations.
    uintptr rg;  // [atomic]
    uintptr wg;  // [atomic]

    mutex lock;       // protects the following fields
    bool closing;     // [lock to write; atomic read in netpollcheckerr]
    bool everr;       // [atomic] epoll reported EPOLLERR
    uintptr rseq;     // [lock] protects from stale read timers
    timer rt;         // [lock] read deadline timer (rt.f set while armed)
    int64_t rd;       // [lock to write; atomic read] read deadline (nanotime, -1 when expired)
    uintptr wseq;     // [lock] protects from stale write timers
    timer wt;         // [lock] write deadline timer
    int64_t wd;       // [lock to write; atomic read] write deadline
};

// Divergence from Go 1.19, for the size of every program that never polls
// (docs/performance.md, "What ./hello links"): Go links its poller into
// every program and guards each use with netpollinited(). Here the
// scheduler's references to the poller (netpoll, netpollBreak, injectglist)
// are weak (RUNTIME_WEAK), and the flag netpollinited() reads lives with the
// scheduler (proc_schedule.cpp), so the scheduler alone pulls nothing of
// netpoll.cpp or netpoll_epoll.cpp out of libruntime.a. They are linked
// when a program can start the poller: a timer (addtimer) or a pollable
// descriptor (pkg/internal/poll) calls netpollGenericInit, a strong
// reference. Until it has run netpollinited() is false and no weak function
// is called; once it has run, they are all linked. The calls keep Go's shape.

// ---- netpoll.cpp: the platform-independent part -------------------------------
extern uint32_t netpollInited;   // [atomic] netpollinit has run (defined in proc_schedule.cpp)
inline bool netpollinited() { return atomic::Load(&netpollInited) != 0; }
void netpollGenericInit();
extern uint32_t netpollWaiters;  // [atomic] goroutines parked in netpollblock (defined in proc_schedule.cpp)
// netpollready is called by the platform netpoll when fd is ready for mode
// ('r', 'w' or 'r'+'w'): the goroutines to run are pushed on toRun.
void netpollready(gList* toRun, pollDesc* pd, int32_t mode);
// Mark the Gs of list runnable and put them on run queues, starting Ms for
// idle Ps (Go's injectglist; only netpoll's lists are injected, so it lives
// in netpoll.cpp and is weak, see above).
RUNTIME_WEAK void injectglist(gList* list);

// The calls internal/poll makes (fd_poll_runtime.go's runtime_poll*).
void poll_runtime_pollServerInit();
pollDesc* poll_runtime_pollOpen(uintptr fd, int* errno_);
void poll_runtime_pollClose(pollDesc* pd);
int poll_runtime_pollReset(pollDesc* pd, int mode);
int poll_runtime_pollWait(pollDesc* pd, int mode);
void poll_runtime_pollSetDeadline(pollDesc* pd, int64_t d, int mode);
void poll_runtime_pollUnblock(pollDesc* pd);
bool poll_runtime_isPollServerDescriptor(uintptr fd);

// ---- netpoll_epoll.cpp: the Linux part ----------------------------------------
void netpollinit();
int32_t netpollopen(uintptr fd, pollDesc* pd);  // 0 or an errno
int32_t netpollclose(uintptr fd);
bool netpollIsPollDescriptor(uintptr fd);
// Wake an M blocked in netpoll.
RUNTIME_WEAK void netpollBreak();
// Check for ready network connections and return the goroutines that became
// runnable. delay < 0: block until one is ready; 0: do not block; > 0: block
// up to delay ns (or until netpollBreak).
RUNTIME_WEAK gList netpoll(int64_t delay);

}  // namespace runtime
