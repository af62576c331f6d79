// go::syscall (Go's syscall.Syscall, Syscall6, RawSyscall, RawSyscall6):
// results and Errno as Go returns them, Errno's texts and its go::error, and
// Syscall handing the P off while the call blocks in the kernel: with one P,
// a spinning goroutine runs during main's 300 ms nanosleep.
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=2
//! stdout: errno 9: bad file descriptor
//! stdout: errno 38: function not implemented
//! stdout: unknown: errno 300
//! stdout: as error: close: bad file descriptor
//! stdout: ok
#include "go.h"

using namespace go;

static long spins;

int main() {
    constexpr uintptr_t SYS_close = 3, SYS_nanosleep = 35, SYS_getpid = 39, SYS_readlinkat = 267;

    // getpid agrees with /proc/self, a link to /proc/PID.
    auto [pid, r2, err] = syscall::RawSyscall(SYS_getpid, 0, 0, 0);
    if (err || r2 != 0) panic("getpid failed");
    char link[32] = {};
    auto [n, _, lerr] = syscall::RawSyscall6(SYS_readlinkat, (uintptr_t)-100 /* AT_FDCWD */,
                                             (uintptr_t) "/proc/self", (uintptr_t)link, sizeof link - 1, 0, 0);
    if (lerr || std::to_string(pid) != std::string(link, n)) panic("getpid disagrees with /proc/self");

    // Failures: r1 is all ones, err the number; Errno's text is Go's.
    auto bad = syscall::RawSyscall(SYS_close, 1 << 20, 0, 0);
    if (bad.r1 != ~uintptr_t(0) || !bad.err || bad.err != syscall::Errno(9)) panic("close of a bad fd");
    fmt::Printf("errno %d: %s\n", (uintptr_t)bad.err, bad.err.Error().c_str());
    auto nosys = syscall::Syscall(100000, 0, 0, 0);
    fmt::Printf("errno %d: %s\n", (uintptr_t)nosys.err, nosys.err.Error().c_str());
    fmt::Println("unknown:", syscall::Errno(300).Error());

    // As a go::error: one value per number, so errors::Is matches; even
    // Errno(0) is a non-nil error, as Go's error interface holding it.
    error e = errors::Wrap("close: " + bad.err.Error(), bad.err);
    if (!errors::Is(e, syscall::Errno(9)) || errors::Is(e, syscall::Errno(2))) panic("errors.Is on an Errno");
    if (!error(syscall::Errno(0)) || syscall::Errno(0)) panic("Errno(0)");
    fmt::Println("as error:", e);

    // Syscall6 tells the scheduler: the spinner gets the P while main sleeps.
    go::go([] {
        for (;;) {
            __atomic_add_fetch(&spins, 1, __ATOMIC_RELAXED);
            Gosched();
        }
    });
    struct { long sec, nsec; } ts{0, 300 * 1000 * 1000};
    auto slept = syscall::Syscall6(SYS_nanosleep, (uintptr_t)&ts, 0, 0, 0, 0, 0);
    if (slept.err || slept.r1 != 0) panic("nanosleep failed");
    if (__atomic_load_n(&spins, __ATOMIC_RELAXED) == 0) panic("nothing ran while main was in Syscall6");
    fmt::Println("ok");
}
