// netpoll_epoll.cpp — the network poller on Linux: Go's netpoll_epoll.go.
// One epoll instance for the process; every pollable fd is registered once,
// edge-triggered for reading, writing and hang-up, with its pollDesc as the
// event's data. A non-blocking pipe registered beside them lets netpollBreak
// wake an M blocked in epoll_pwait.
#include "netpoll.h"
#include "print.h"
#include "sys_linux.h"

namespace runtime {

static int32_t epfd = -1;                 // [set once by netpollinit] epoll descriptor
static uintptr netpollBreakRd, netpollBreakWr;  // [set once by netpollinit] for netpollBreak
static uint32_t netpollWakeSig;           // [atomic] used to avoid duplicate calls of netpollBreak

void netpollinit() {
    // Go falls back to epoll_create(1024) for kernels before 2.6.27;
    // ours needs newer ones anyway (pipe2, CLONE_SETTLS...).
    long r = sys::epoll_create1(sys::EPOLL_CLOEXEC);
    if (r < 0) {
        print("runtime: epollcreate failed with ", -r, "\n");
        throw_("runtime: netpollinit failed");
    }
    epfd = (int32_t)r;
    int fds[2];
    long e = sys::pipe2(fds, sys::O_NONBLOCK | sys::O_CLOEXEC);
    if (e < 0) {
        print("runtime: pipe failed with ", -e, "\n");
        throw_("runtime: pipe failed");
    }
    sys::epollevent ev{sys::EPOLLIN, (uint64_t)(uintptr)&netpollBreakRd};
    e = sys::epoll_ctl(epfd, sys::EPOLL_CTL_ADD, fds[0], &ev);
    if (e < 0) {
        print("runtime: epollctl failed with ", -e, "\n");
        throw_("runtime: epollctl failed");
    }
    netpollBreakRd = (uintptr)fds[0];
    netpollBreakWr = (uintptr)fds[1];
}

bool netpollIsPollDescriptor(uintptr fd) {
    return fd == (uintptr)epfd || fd == netpollBreakRd || fd == netpollBreakWr;
}

int32_t netpollopen(uintptr fd, pollDesc* pd) {
    sys::epollevent ev{(uint32_t)(sys::EPOLLIN | sys::EPOLLOUT | sys::EPOLLRDHUP | sys::EPOLLET), (uint64_t)(uintptr)pd};
    return (int32_t)-sys::epoll_ctl(epfd, sys::EPOLL_CTL_ADD, (int)fd, &ev);
}

int32_t netpollclose(uintptr fd) {
    sys::epollevent ev{};
    return (int32_t)-sys::epoll_ctl(epfd, sys::EPOLL_CTL_DEL, (int)fd, &ev);
}

void netpollBreak() {
    if (!netpollinited()) return;  // nobody can be blocked in a poller that does not exist
    if (!atomic::Cas(&netpollWakeSig, 0u, 1u)) return;
    for (;;) {
        char b = 0;
        long n = sys::write((int)netpollBreakWr, &b, 1);
        if (n == 1) break;
        if (n == -sys::EINTR) continue;
        if (n == -sys::EAGAIN) return;
        print("runtime: netpollBreak write failed with ", -n, "\n");
        throw_("runtime: netpollBreak write failed");
    }
}

gList netpoll(int64_t delay) {
    if (epfd == -1) return gList{};
    int32_t waitms;
    if (delay < 0) waitms = -1;
    else if (delay == 0) waitms = 0;
    else if (delay < 1000000) waitms = 1;
    else if (delay < 1000000000000000LL) waitms = (int32_t)(delay / 1000000);
    else waitms = 1000000000;  // An arbitrary cap on how long to wait for a timer: 1e9 ms == ~11.5 days.
    sys::epollevent events[128];
    long n;
    for (;;) {
        n = sys::epoll_pwait(epfd, events, 128, waitms);
        if (n >= 0) break;
        if (n != -sys::EINTR) {
            print("runtime: epollwait on fd ", epfd, " failed with ", -n, "\n");
            throw_("runtime: netpoll failed");
        }
        // If a timed sleep was interrupted, just return to recalculate how
        // long we should sleep now.
        if (waitms > 0) return gList{};
    }
    gList toRun;
    for (long i = 0; i < n; i++) {
        sys::epollevent* ev = &events[i];
        uint32_t evs = ev->events;
        if (evs == 0) continue;
        if (ev->data == (uint64_t)(uintptr)&netpollBreakRd) {
            if (evs != sys::EPOLLIN) {
                print("runtime: netpoll: break fd ready for ", evs, "\n");
                throw_("runtime: netpoll: break fd ready for something unexpected");
            }
            if (delay != 0) {
                // netpollBreak could be picked up by a nonblocking poll.
                // Only read the byte if blocking.
                char tmp[16];
                sys::read((int)netpollBreakRd, tmp, sizeof tmp);
                atomic::Store(&netpollWakeSig, 0u);
            }
            continue;
        }
        int32_t mode = 0;
        if (evs & (sys::EPOLLIN | sys::EPOLLRDHUP | sys::EPOLLHUP | sys::EPOLLERR)) mode += 'r';
        if (evs & (sys::EPOLLOUT | sys::EPOLLHUP | sys::EPOLLERR)) mode += 'w';
        if (mode != 0) {
            auto* pd = (pollDesc*)(uintptr)ev->data;
            if (evs == sys::EPOLLERR) atomic::Store(&pd->everr, true);
            netpollready(&toRun, pd, mode);
        }
    }
    return toRun;
}

}  // namespace runtime
