// One Printf/Fprintf/Println call reaches its file descriptor in one write:
// 8 goroutines print 300 long lines each into one pipe at
// the same time; a reader goroutine checks every line arrives whole and
// every (goroutine, sequence) pair exactly once.
//! stdout: ok
//! env: GOMAXPROCS=4
//! timeout: 20
//! qemu-timeout: 120
#include "go.h"
#include "testutil.h"

constexpr int G = 8, Lines = 300;
static const char pad[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
static uint8_t seen[G][Lines];

// Parses "g <g> i <i> <pad> end" and marks it; false if malformed.
static bool checkLine(const char* s, size_t n) {
    int g = 0, i = 0;
    size_t k = 0;
    auto num = [&](int& out) {
        if (k >= n || s[k] < '0' || s[k] > '9') return false;
        out = 0;
        while (k < n && s[k] >= '0' && s[k] <= '9') out = out * 10 + (s[k++] - '0');
        return true;
    };
    auto lit = [&](const char* l) {
        for (; *l; l++, k++)
            if (k >= n || s[k] != *l) return false;
        return true;
    };
    if (!lit("g ") || !num(g) || !lit(" i ") || !num(i) || !lit(" ") || !lit(pad) || !lit(" end") || k != n)
        return false;
    if (g >= G || i >= Lines) return false;
    seen[g][i]++;
    return true;
}

int main() {
    int fds[2];
    CHECK_EQ(go::os::Pipe(fds), 0);
    auto done = go::make_chan<int>(G);
    auto readerDone = go::make_chan<int>(1);
    go::go([fd = fds[0], readerDone] {
        static char buf[1 << 16];
        size_t have = 0;
        int lines = 0;
        for (;;) {
            long r = go::os::Read(fd, buf + have, sizeof buf - have);
            CHECK(r >= 0);
            if (r == 0) break;
            have += (size_t)r;
            size_t start = 0;
            for (size_t j = 0; j < have; j++)
                if (buf[j] == '\n') {
                    CHECK_MSG(checkLine(buf + start, j - start), "a torn or mixed line came out of the pipe");
                    lines++;
                    start = j + 1;
                }
            for (size_t j = start; j < have; j++) buf[j - start] = buf[j];
            have -= start;
        }
        CHECK_EQ(have, 0);
        readerDone.send(lines);
    });
    for (int g = 0; g < G; g++)
        go::go([fd = fds[1], done](int g) {
            for (int i = 0; i < Lines; i++) {
                if (i % 2 == 0) go::fmt::Fprintf(fd, "g %d i %d %s end\n", g, i, pad);
                else go::fmt::Fprintln(fd, "g", g, "i", i, pad, "end");  // the same text
            }
            done.send(g);
        }, g);
    for (int g = 0; g < G; g++) done.recv();
    go::os::Close(fds[1]);
    CHECK_EQ(readerDone.recv(), G * Lines);
    for (int g = 0; g < G; g++)
        for (int i = 0; i < Lines; i++) CHECK_EQ(seen[g][i], 1);
    t::ok();
    return 0;
}
