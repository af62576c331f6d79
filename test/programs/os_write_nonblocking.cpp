// Write to a non-blocking pipe that a slow reader drains: EAGAIN means
// "wait until writable" (Go waits in its poller), so all 1,000,000 bytes
// arrive and every Write reports its whole length. Before, 936 of 1,000
// writes failed with EAGAIN and most of the bytes were lost.
//! stdout: ok
//! runs: GOMAXPROCS=1 ; GOMAXPROCS=4
//! timeout: 30
//! qemu-timeout: 240
#include "go.h"
#include "testutil.h"

constexpr long SYS_fcntl = 72, F_GETFL = 3, F_SETFL = 4, O_NONBLOCK = 04000;
constexpr int chunks = 1000, chunk = 1000;
static char out[chunk], in[4096];

int main() {
    int fds[2];
    CHECK_EQ(go::os::Pipe(fds), 0);
    long fl = t::syscall6(SYS_fcntl, fds[1], F_GETFL);
    CHECK_EQ(t::syscall6(SYS_fcntl, fds[1], F_SETFL, fl | O_NONBLOCK), 0L);
    go::chan<long> got = go::make_chan<long>(1);
    go::go([&] {
        long total = 0, sum = 0;
        for (int reads = 0;; reads++) {
            if (reads % 16 == 0) go::time::Sleep(100 * go::time::Microsecond);  // slower than the writer
            long n = go::os::Read(fds[0], in, sizeof in);
            if (n <= 0) break;
            for (long i = 0; i < n; i++) sum += (unsigned char)in[i];
            total += n;
        }
        got.send(total);
        got.send(sum);
    });
    long short_ = 0, want = 0;
    for (int i = 0; i < chunks; i++) {
        for (int k = 0; k < chunk; k++) out[k] = (char)(i + k);
        for (int k = 0; k < chunk; k++) want += (unsigned char)out[k];
        long n = go::os::Write(fds[1], out, chunk);
        if (n != chunk) short_++;
    }
    go::os::Close(fds[1]);
    long total = got.recv(), sum = got.recv();
    CHECK_MSG(short_ == 0, "a Write to a non-blocking pipe came back short (EAGAIN)");
    CHECK_EQ(total, (long)chunks * chunk);
    CHECK_EQ(sum, want);
    t::ok();
    return 0;
}
