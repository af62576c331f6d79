// print.cpp — the runtime's own printing, Go's print.go: what fatal errors,
// tracebacks and debug traces use. It never allocates and takes no lock that
// could be held by a crashing thread: output is collected in the M's
// printbuf between printlock and printunlock and written to fd 2 in one
// write(2), so lines from different Ms do not interleave mid-line.
#include "runtime.h"
#include "sys_linux.h"

namespace runtime {

void writeErr(const char* s, size_t n) {
    while (n > 0) {
        long r = sys::write(2, s, n);
        if (r == -sys::EINTR) continue;
        if (r <= 0) return;
        s += r;
        n -= (size_t)r;
    }
}

static m* printm() {
    g* gp = getg();
    return gp ? gp->m : nullptr;
}

static void flush(m* mp) {
    if (mp->printlen > 0) writeErr(mp->printbuf, mp->printlen);
    mp->printlen = 0;
}

// printlock pins the goroutine to its M (m.locks, as Go's printlock does):
// the message is collected in this M's buffer, so the goroutine must not be
// rescheduled onto another M halfway through it.
void printlock() {
    m* mp = printm();
    if (!mp) return;
    mp->locks++;
    mp->printlock++;
}

void printunlock() {
    m* mp = printm();
    if (!mp || mp->printlock <= 0) return;
    if (--mp->printlock == 0) flush(mp);
    mp->locks--;
}

void printbytes(const char* s, size_t n) {
    m* mp = printm();
    if (!mp || mp->printlock == 0) {
        // Not inside printlock: write straight through.
        if (mp) flush(mp);
        writeErr(s, n);
        return;
    }
    while (n > 0) {
        size_t room = sizeof(mp->printbuf) - mp->printlen;
        if (room == 0) {
            flush(mp);
            continue;
        }
        size_t k = n < room ? n : room;
        for (size_t i = 0; i < k; i++) mp->printbuf[mp->printlen + i] = s[i];
        mp->printlen += (uint32_t)k;
        s += k;
        n -= k;
    }
}

void printstring(const char* s) {
    if (s == nullptr) s = "<nil>";
    size_t n = 0;
    while (s[n]) n++;
    printbytes(s, n);
}

void printuint(uint64_t v) {
    char buf[24];
    int i = sizeof(buf);
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    printbytes(buf + i, sizeof(buf) - i);
}

void printint(int64_t v) {
    if (v < 0) {
        printbytes("-", 1);
        printuint((uint64_t)0 - (uint64_t)v);
        return;
    }
    printuint((uint64_t)v);
}

void printhex(uint64_t v) {
    static const char dig[] = "0123456789abcdef";
    char buf[24];
    int i = sizeof(buf);
    do {
        buf[--i] = dig[v % 16];
        v /= 16;
    } while (v > 0);
    buf[--i] = 'x';
    buf[--i] = '0';
    printbytes(buf + i, sizeof(buf) - i);
}

void printpointer(const void* p) { printhex((uint64_t)(uintptr)p); }
void printbool(bool b) { printstring(b ? "true" : "false"); }
void printnl() { printbytes("\n", 1); }

}  // namespace runtime
