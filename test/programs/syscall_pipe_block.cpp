// A goroutine blocked in a system call does not hold up the others: on one
// P, a reader sits in go::os::Read on an empty pipe for 200 ms while four
// goroutines compute and finish first; then a writer unblocks the reader.
// (sysmon hands the P of the blocked M to another M: handoffp.)
//! env: GOMAXPROCS=1
//! stdout: ok
//! runs: ; GODEBUG=asyncpreemptoff=1
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

static int readerIn;
static int64_t readerDoneAt, computeDoneAt[4];
static volatile uint64_t sink;

int main() {
    int fds[2];
    CHECK_EQ(go::os::Pipe(fds), 0);
    int64_t t0 = t::monoMillis();
    auto done = go::make_chan<int>(8);
    go::go([fd = fds[0], done] {
        ATOMIC_STORE(&readerIn, 1);
        char buf[8];
        long n = go::os::Read(fd, buf, sizeof buf);
        readerDoneAt = t::monoMillis();
        CHECK_EQ(n, 5);
        CHECK(buf[0] == 'w' && buf[4] == 'e');
        done.send(-1);
    });
    CHECK(t::waitFor([] { return ATOMIC_LOAD(&readerIn) == 1; }, 5000));
    go::Gosched();  // the reader is (about to be) in read(2) holding the only P
    for (int k = 0; k < 4; k++)
        go::go([done](int k) {
            uint64_t x = (uint64_t)k;
            for (int i = 0; i < 2000000; i++) x = x * 6364136223846793005ull + 1;
            sink = x;
            computeDoneAt[k] = t::monoMillis();
            done.send(k);
        }, k);
    go::go([fd = fds[1]] {
        go::time::Sleep(200 * go::time::Millisecond);
        CHECK_EQ(go::os::Write(fd, "write", 5), 5);
    });
    for (int k = 0; k < 4; k++) CHECK_RANGE(done.recv(), 0, 3);  // the computers come first
    CHECK_EQ(done.recv(), -1);                                      // then the reader
    for (int k = 0; k < 4; k++) CHECK(computeDoneAt[k] <= readerDoneAt);
    int64_t blocked = readerDoneAt - t0;
    t::Line().s("reader returned after ").i(blocked).s(" ms; computers done at ").i(computeDoneAt[3] - t0)
        .s(" ms").out(2);
    CHECK(blocked >= 200);
    t::ok();
    return 0;
}
