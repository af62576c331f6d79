// Lines longer than PIPE_BUF from several goroutines at once reach a pipe
// whole: each Fprintf is one write loop under the descriptor's write lock
// (Go's os.File serializes writes with its fdMutex), so the kernel cannot
// interleave two writers' pages. Before, most lines came out mixed.
//! stdout: ok
//! runs: GOMAXPROCS=4 ; GOMAXPROCS=2
//! timeout: 30
//! qemu-timeout: 240
#include "go.h"
#include "testutil.h"

constexpr int writers = 4, lines = 150, width = 20000;
static char line[writers][width + 1];
static char buf[1 << 16];

int main() {
    int fds[2];
    CHECK_EQ(go::os::Pipe(fds), 0);
    for (int w = 0; w < writers; w++) {
        for (int k = 0; k < width - 1; k++) line[w][k] = (char)('a' + w);
        line[w][width - 1] = '\n';
    }
    go::sync::WaitGroup wg;
    for (int w = 0; w < writers; w++) {
        wg.Add(1);
        go::go([&, w] {
            for (int i = 0; i < lines; i++) {
                if (i % 2 == 0) CHECK_EQ(go::os::Write(fds[1], line[w], width), (long)width);
                else CHECK_EQ(go::fmt::Fprintf(fds[1], "%s", (const char*)line[w]), width);
            }
            wg.Done();
        });
    }
    go::go([&] {
        wg.Wait();
        go::os::Close(fds[1]);
    });
    // Every line must be width-1 copies of one letter.
    long total = 0, nlines = 0, mixed = 0, col = 0;
    char cur = 0;
    bool bad = false;
    for (;;) {
        long n = go::os::Read(fds[0], buf, sizeof buf);
        CHECK(n >= 0);
        if (n == 0) break;
        total += n;
        for (long i = 0; i < n; i++) {
            char ch = buf[i];
            if (ch == '\n') {
                if (bad || col != width - 1) mixed++;
                nlines++;
                col = 0;
                bad = false;
                continue;
            }
            if (col == 0) cur = ch;
            else if (ch != cur) bad = true;
            col++;
        }
    }
    CHECK_EQ(total, (long)writers * lines * width);
    CHECK_EQ(nlines, (long)writers * lines);
    CHECK_MSG(mixed == 0, "lines of different goroutines mixed");
    t::ok();
    return 0;
}
