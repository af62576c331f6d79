// trace_json.cpp — the recorded trace as Chrome trace-event JSON (the
// format of chrome://tracing and ui.perfetto.dev; docs/trace.md shows what
// it looks like). Runs once tracing has stopped, on the goroutine that
// stopped it, so it may take its time and its memory (from the OS, not the
// heap, so that a program tracing its allocator sees no extra mallocs).
//
// Tracks (Chrome "threads" of one process):
//   tid 1+N       P N: the goroutines it runs, as slices named "gID function",
//                 with steals, timers and unblocks as instant events
//   tid 1000+N    M N: which P it holds (slices "PN"), and on m0 the boot steps
//   tid 2000+N    M N's system calls
// Flow arrows join a goroutine's creation or unblocking to where it next runs.
#include "trace.h"

#include "print.h"
#include "sys_linux.h"

namespace runtime {


namespace {

constexpr int32_t tidP = 1, tidM = 1000, tidSys = 2000;

// Buffered output to the file, with the few formats JSON needs.
struct jsonWriter {
    int fd;
    char* buf;
    size_t n = 0, cap;
    bool ok = true;
    bool first = true;  // no comma before the first event

    void flush() {
        size_t off = 0;
        while (ok && off < n) {
            long r = sys::write(fd, buf + off, n - off);
            if (r <= 0) ok = false;
            else off += (size_t)r;
        }
        n = 0;
    }
    void ch(char c) {
        if (n == cap) flush();
        buf[n++] = c;
    }
    void raw(const char* s) {
        size_t len = 0;
        while (s[len]) len++;
        if (n + len > cap) flush();
        if (len > cap) {
            while (*s) ch(*s++);
            return;
        }
        __builtin_memcpy(buf + n, s, len);
        n += len;
    }
    void str(const char* s) {  // a JSON string, escaped
        ch('"');
        for (; *s; s++) {
            unsigned char c = (unsigned char)*s;
            if (c == '"' || c == '\\') ch('\\'), ch((char)c);
            else if (c < 0x20) raw("\\u00"), ch("0123456789abcdef"[c >> 4]), ch("0123456789abcdef"[c & 15]);
            else ch((char)c);
        }
        ch('"');
    }
    void u64(uint64_t v) {
        char t[24];
        int i = 0;
        do t[i++] = (char)('0' + v % 10), v /= 10;
        while (v);
        while (i) ch(t[--i]);
    }
    void i64(int64_t v) {
        if (v < 0) ch('-'), v = -v;
        u64((uint64_t)v);
    }
    void micros(int64_t ns) {  // Chrome's ts unit is the microsecond
        if (ns < 0) ns = 0;
        u64((uint64_t)ns / 1000);
        ch('.');
        uint64_t f = (uint64_t)ns % 1000;
        ch((char)('0' + f / 100)), ch((char)('0' + f / 10 % 10)), ch((char)('0' + f % 10));
    }
    // {"ph":"B","pid":1,"tid":T,"ts":X  (the caller adds the rest and '}')
    void begin(char ph, int32_t tid, int64_t ns) {
        if (!first) ch(',');
        first = false;
        raw("\n{\"ph\":\""), ch(ph), raw("\",\"pid\":1,\"tid\":"), i64(tid), raw(",\"ts\":"), micros(ns);
    }
};

// What the converter knows about each goroutine, P and M as it goes.
struct gState {
    uintptr startpc;
    int32_t ontid;   // the P track it runs on, or 0
    uint32_t flow;   // pending flow arrow to its next start, 0: none
    uint8_t block;   // waitReason of its last block
};
struct pState {
    int64_t running;  // goid, 0: none
    int32_t holder;   // M id holding it, -1: none
    bool seen;
};
struct mState {
    int32_t holding;  // P id, -1: none
    int64_t syscall;  // goid in a system call, 0: none
    bool seen;
};

template <class T> T* osalloc(uintptr n) { return (T*)sysAlloc(n * sizeof(T) + 1); }

// The goroutine's function, as tracebacks name it, without the go statement's
// wrapper (go::detail::goEntryInline<main::{lambda()#1}>(void*) -> main::{lambda()#1}).
void gname(jsonWriter& w, int64_t goid, uintptr pc) {
    // Static, not on the stack: called for every slice, a 500-byte frame
    // would cross the writing goroutine's stack segment boundary over and
    // over. [only the goroutine that stopped tracing, one at a time]
    static char buf[256];
    static char out[280];
    uintptr entry;
    const char* name = "?";
    if (pc != 0 && funcname(pc, buf, sizeof(buf), &entry)) {
        name = buf;
        static const char* const wrappers[] = {"go::detail::goEntryInline<", "go::detail::goEntryHeap<"};
        for (const char* pre : wrappers) {
            size_t k = 0;
            while (pre[k] && pre[k] == buf[k]) k++;
            if (pre[k] != 0) continue;
            name = buf + k;
            size_t len = 0;
            while (name[len]) len++;
            if (len >= 9 && name[len - 9] == '>' && name[len - 8] == '(') buf[k + len - 9] = 0;  // ">(void*)"
        }
    }
    size_t i = 0;
    auto put = [&](const char* s) {
        while (*s && i + 1 < sizeof(out)) out[i++] = *s++;
    };
    char num[24];
    int k = 0;
    for (uint64_t v = (uint64_t)goid; k == 0 || v; v /= 10) num[k++] = (char)('0' + v % 10);
    put("g");
    while (k && i + 1 < sizeof(out)) out[i++] = num[--k];
    put(" ");
    put(name);
    out[i] = 0;
    w.str(out);
}

// Stable merge sort by ticks: each buffer is in order already, and equal
// ticks keep their buffer order. The result is in a.
void sortEvents(traceEvent* a, traceEvent* tmp, uint64_t n) {
    traceEvent *src = a, *dst = tmp;
    for (uint64_t width = 1; width < n; width *= 2) {
        for (uint64_t lo = 0; lo < n; lo += 2 * width) {
            uint64_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            uint64_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) dst[k++] = src[j].ticks < src[i].ticks ? src[j++] : src[i++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
        traceEvent* t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        for (uint64_t x = 0; x < n; x++) a[x] = src[x];
}

const char* preemptName(uint8_t how) {
    return how == tracePreemptSignal ? "preempted (signal)" : "preempted (stack check)";
}

struct converter {
    jsonWriter w;
    gState* gs;
    int64_t ngs;
    pState ps[MaxGomaxprocs + 1];
    mState* ms;
    int64_t nms;
    uint32_t nextFlow = 1;

    gState* G(int64_t goid) { return goid > 0 && goid < ngs ? &gs[goid] : nullptr; }
    mState* M(int32_t mid) { return mid >= 0 && mid < nms ? &ms[mid] : nullptr; }
    pState* P(uint16_t pid) { return pid < MaxGomaxprocs ? &ps[pid] : nullptr; }

    void instant(int32_t tid, int64_t ns, const char* name, int64_t goid, const char* key, int64_t val) {
        w.begin('i', tid, ns);
        w.raw(",\"s\":\"t\",\"name\":"), w.str(name);
        if (goid || key) {
            w.raw(",\"args\":{");
            if (goid) w.raw("\"g\":"), w.i64(goid);
            if (key) w.raw(goid ? ",\"" : "\""), w.raw(key), w.raw("\":"), w.i64(val);
            w.ch('}');
        }
        w.ch('}');
    }
    void flowStart(int32_t tid, int64_t ns, gState* s) {
        if (s == nullptr) return;
        s->flow = nextFlow++;
        w.begin('s', tid, ns);
        w.raw(",\"cat\":\"flow\",\"name\":\"wakeup\",\"id\":"), w.u64(s->flow), w.ch('}');
    }
    // gp stops running: close its slice with why.
    void stop(int64_t goid, int64_t ns, const char* why) {
        gState* s = G(goid);
        if (s == nullptr || s->ontid == 0) return;
        w.begin('E', s->ontid, ns);
        w.raw(",\"args\":{\"end\":"), w.str(why), w.raw("}}");
        if (pState* p = P((uint16_t)(s->ontid - tidP))) p->running = 0;
        s->ontid = 0;
    }
    void start(int64_t goid, uint16_t pid, int32_t mid, int64_t ns) {
        gState* s = G(goid);
        pState* p = P(pid);
        if (s == nullptr || p == nullptr) return;
        if (p->running != 0) stop(p->running, ns, "?");  // a lost event; keep the slices nested
        if (s->ontid != 0) stop(goid, ns, "?");
        p->seen = true;
        p->running = goid;
        s->ontid = tidP + pid;
        w.begin('B', s->ontid, ns);
        w.raw(",\"cat\":\"goroutine\",\"name\":"), gname(w, goid, s->startpc);
        w.raw(",\"args\":{\"g\":"), w.i64(goid), w.raw(",\"m\":"), w.i64(mid), w.raw("}}");
        if (s->flow != 0) {
            w.begin('f', s->ontid, ns);
            w.raw(",\"bp\":\"e\",\"cat\":\"flow\",\"name\":\"wakeup\",\"id\":"), w.u64(s->flow), w.ch('}');
            s->flow = 0;
        }
    }
    void procStart(uint16_t pid, int32_t mid, int64_t ns) {
        pState* p = P(pid);
        mState* m = M(mid);
        if (p == nullptr || m == nullptr) return;
        if (p->holder == mid && m->holding == pid) return;  // back from a system call with the same P
        if (p->holder >= 0) procStop(pid, ns);
        if (m->holding >= 0) procStop((uint16_t)m->holding, ns);
        p->seen = m->seen = true;
        p->holder = mid;
        m->holding = pid;
        w.begin('B', tidM + mid, ns);
        w.raw(",\"cat\":\"proc\",\"name\":\"P"), w.u64(pid), w.raw("\"}");
    }
    void procStop(uint16_t pid, int64_t ns, const char* why = "P released") {
        pState* p = P(pid);
        if (p == nullptr || p->holder < 0) return;
        if (p->running != 0) stop(p->running, ns, why);
        w.begin('E', tidM + p->holder, ns);
        w.ch('}');
        if (mState* m = M(p->holder)) m->holding = -1;
        p->holder = -1;
    }

    void event(const traceEvent& e, int64_t ns) {
        int32_t ptid = e.pid != traceNoP ? tidP + e.pid : tidM + e.mid;
        if (mState* m = M(e.mid)) m->seen = true;
        gState* s = G(e.g);
        switch (e.type) {
        case traceEvBoot:
            instant(tidM + e.mid, ns, (const char*)e.arg, 0, nullptr, 0);
            break;
        case traceEvProcStart: procStart(e.pid, e.mid, ns); break;
        case traceEvProcStop: procStop(e.pid, ns); break;
        case traceEvGomaxprocs:
            w.begin('C', 0, ns);
            w.raw(",\"name\":\"GOMAXPROCS\",\"args\":{\"GOMAXPROCS\":"), w.u64(e.arg), w.raw("}}");
            break;
        case traceEvGoCreate:
            if (s == nullptr) break;
            s->startpc = e.arg;
            instant(ptid, ns, "go", e.g, nullptr, 0);
            flowStart(ptid, ns, s);
            break;
        case traceEvGoStart: start(e.g, e.pid, e.mid, ns); break;
        case traceEvGoEnd: stop(e.g, ns, "exit"); break;
        case traceEvGoSched: stop(e.g, ns, "Gosched"); break;
        case traceEvGoPreempt: stop(e.g, ns, preemptName(e.reason)); break;
        case traceEvGoBlock:
            if (s) s->block = e.reason;
            stop(e.g, ns, waitReasonString((waitReason)e.reason));
            break;
        case traceEvGoWaiting:
            if (s) s->block = e.reason;
            break;
        case traceEvGoUnblock:
            instant(ptid, ns, "unblock", e.g, "by", (int64_t)e.arg);
            flowStart(ptid, ns, s);
            break;
        case traceEvGoSysCall:
            stop(e.g, ns, "syscall");
            if (mState* m = M(e.mid)) {
                m->syscall = e.g;
                w.begin('B', tidSys + e.mid, ns);
                w.raw(",\"cat\":\"syscall\",\"name\":\"syscall\",\"args\":{\"g\":"), w.i64(e.g), w.raw("}}");
            }
            break;
        case traceEvGoSysBlock:
            instant(tidP + e.pid, ns, "handoff (in syscall)", e.g, nullptr, 0);
            break;
        case traceEvGoSysExit:
            if (mState* m = M(e.mid); m && m->syscall != 0) {
                m->syscall = 0;
                w.begin('E', tidSys + e.mid, ns);
                w.ch('}');
            }
            if (e.pid != traceNoP) {
                procStart(e.pid, e.mid, ns);
                start(e.g, e.pid, e.mid, ns);
            }
            break;
        case traceEvSteal:
            instant(ptid, ns, "steal", e.g, "from P", (int64_t)e.arg);
            break;
        case traceEvPreemptReq:
            instant(ptid, ns, e.reason == tracePreemptSignal ? "preempt request (signal)" : "preempt request", e.g,
                    "on P", (int64_t)e.arg);
            break;
        case traceEvTimer: instant(ptid, ns, "timer fired", 0, nullptr, 0); break;
        }
    }

    void names() {
        auto meta = [&](int32_t tid, const char* what, int64_t n, const char* suffix) {
            w.begin('M', tid, 0);
            w.raw(",\"name\":\"thread_name\",\"args\":{\"name\":\""), w.raw(what), w.i64(n), w.raw(suffix), w.raw("\"}}");
            w.begin('M', tid, 0);
            w.raw(",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":"), w.i64(tid), w.raw("}}");
        };
        w.begin('M', 0, 0);
        w.raw(",\"name\":\"process_name\",\"args\":{\"name\":\"go program\"}}");
        for (int32_t i = 0; i < MaxGomaxprocs; i++)
            if (ps[i].seen) meta(tidP + i, "P", i, "");
        for (int64_t i = 0; i < nms; i++)
            if (ms[i].seen) meta(tidM + (int32_t)i, "M", i, ""), meta(tidSys + (int32_t)i, "M", i, " syscalls");
    }

    void finish(int64_t ns) {
        for (int32_t i = 0; i < MaxGomaxprocs; i++) procStop((uint16_t)i, ns, "end of trace");
        for (int64_t i = 1; i < ngs; i++) stop(i, ns, "end of trace");
        for (int64_t i = 0; i < nms; i++)
            if (ms[i].syscall) w.begin('E', tidSys + (int32_t)i, ns), w.ch('}');
    }
};

}  // namespace

// The raw records of the file (trace.cpp's traceWriteBuf), copied into one
// array of *n events; the file is emptied for the JSON. A record cut short
// (the program exited while an M wrote it) ends the list.
static traceEvent* readRaw(int fd, uint64_t* n) {
    constexpr long SYS_lseek = 8, SYS_ftruncate = 77, SEEK_END = 2;
    long size = sys::syscall3(SYS_lseek, fd, 0, SEEK_END);
    const char* raw = nullptr;
    if (size > 0) {
        long r = sys::mmap(nullptr, (size_t)size, sys::PROT_READ, sys::MAP_PRIVATE, fd, 0);
        if (r < 0 && r > -4096) return nullptr;
        raw = (const char*)r;
    }
    auto records = [&](auto each) {
        for (long off = 0; off + (long)offsetof(traceBuf, ev) <= size;) {
            uint32_t pos = ((const traceBuf*)(raw + off))->pos;
            long len = (long)offsetof(traceBuf, ev) + (long)pos * (long)sizeof(traceEvent);
            if (pos > traceBufEvents || off + len > size) break;
            each((const traceBuf*)(raw + off));
            off += len;
        }
    };
    *n = 0;
    records([&](const traceBuf* b) { *n += b->pos; });
    auto* ev = osalloc<traceEvent>(*n);
    if (ev != nullptr) {
        uint64_t k = 0;
        records([&](const traceBuf* b) {
            for (uint32_t i = 0; i < b->pos; i++) ev[k++] = b->ev[i];
        });
    }
    if (raw != nullptr) sys::munmap((void*)raw, (size_t)size);
    if (sys::syscall2(SYS_ftruncate, fd, 0) != 0 && ev != nullptr) {
        sysFree(ev, *n * sizeof(traceEvent) + 1);
        return nullptr;
    }
    return ev;
}

bool traceWriteJSON(int fd, uint64_t ticks0, int64_t nanos0, uint64_t ticks1, int64_t nanos1) {
    uint64_t n = 0;
    int64_t maxg = 1, maxm = 1;
    auto* ev = readRaw(fd, &n);
    auto* tmp = osalloc<traceEvent>(n);
    auto* c = osalloc<converter>(1);  // zeroed
    constexpr size_t wbuf = 1 << 20;
    char* buf = osalloc<char>(wbuf);
    bool ok = ev != nullptr && tmp != nullptr && c != nullptr && buf != nullptr;
    if (ok) {
        for (uint64_t k = 0; k < n; k++) {
            if (ev[k].g >= maxg) maxg = ev[k].g + 1;
            if (ev[k].mid >= maxm) maxm = ev[k].mid + 1;
        }
        sortEvents(ev, tmp, n);
        c->gs = osalloc<gState>((uintptr)maxg);
        c->ms = osalloc<mState>((uintptr)maxm);
        ok = c->gs != nullptr && c->ms != nullptr;
    }
    if (ok) {
        c->ngs = maxg;
        c->nms = maxm;
        for (auto& p : c->ps) p.holder = -1;
        for (int64_t i = 0; i < maxm; i++) c->ms[i].holding = -1;
        c->nextFlow = 1;
        jsonWriter& w = c->w;
        w.fd = fd, w.buf = buf, w.cap = wbuf, w.ok = true, w.first = true;
        // cputicks to nanoseconds since Start, calibrated by nanotime at Start and Stop (Go's ticksPerSec).
        double scale = ticks1 > ticks0 ? (double)(nanos1 - nanos0) / (double)(ticks1 - ticks0) : 0;
        auto nanos = [&](uint64_t t) { return t > ticks0 ? (int64_t)((double)(t - ticks0) * scale) : 0; };
        w.raw("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"generator\":\"go runtime (runtime/trace_json.cpp)\"},\"traceEvents\":[");
        for (uint64_t i = 0; i < n; i++) c->event(ev[i], nanos(ev[i].ticks));
        // The end: Stop's time, or the last event's when an M recording as
        // tracing stopped at exit (traceFlushAtExit) stamped it later.
        int64_t end = nanos1 - nanos0;
        if (n > 0 && nanos(ev[n - 1].ticks) > end) end = nanos(ev[n - 1].ticks);
        c->finish(end);
        c->names();
        w.raw("\n]}\n");
        w.flush();
        ok = w.ok;
    }
    if (c != nullptr && c->gs) sysFree(c->gs, (uintptr)maxg * sizeof(gState) + 1);
    if (c != nullptr && c->ms) sysFree(c->ms, (uintptr)maxm * sizeof(mState) + 1);
    if (c) sysFree(c, sizeof(converter) + 1);
    if (buf) sysFree(buf, wbuf + 1);
    if (ev) sysFree(ev, n * sizeof(traceEvent) + 1);
    if (tmp) sysFree(tmp, n * sizeof(traceEvent) + 1);
    return ok;
}

}  // namespace runtime
