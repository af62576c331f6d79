// Host tests for the allocator (runtime/malloc.cpp, mheap.cpp, mcentral.cpp,
// mcache.cpp). Each test thread gets a fake g/m from hosted::attach, and a
// fake P with its own mcache where the per-P paths are under test.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "hosted.h"
#include "malloc.h"

using namespace runtime;

namespace {

// A fake P with its own mcache, attached to the calling thread for the
// lifetime of the object.
struct PScope {
    runtime::p* pp;
    PScope() {
        hosted::attach(nullptr);  // runtime locks need a g and an m
        mallocinit();
        pp = new runtime::p{};
        pp->mcache = allocmcache();
        hosted::attach(pp);
    }
    ~PScope() {
        freemcache(pp->mcache);
        hosted::attach(nullptr);
        delete pp;
    }
};

// A g/m for the calling thread, no P, and an initialised heap.
void setup() {
    hosted::attach(nullptr);
    mallocinit();
}

uint8_t patternByte(uintptr_t p, size_t i) { return (uint8_t)((p >> 4) * 131 + i * 7 + 1); }

void fill(void* v, size_t n) {
    auto* b = (uint8_t*)v;
    for (size_t i = 0; i < n; i++) b[i] = patternByte((uintptr_t)v, i);
}

bool check(void* v, size_t n) {
    auto* b = (uint8_t*)v;
    for (size_t i = 0; i < n; i++)
        if (b[i] != patternByte((uintptr_t)v, i)) return false;
    return true;
}

bool allZero(void* v, size_t n) {
    auto* b = (uint8_t*)v;
    for (size_t i = 0; i < n; i++)
        if (b[i] != 0) return false;
    return true;
}

mstats stats() {
    mstats st{};
    readMemStats(&st);
    return st;
}

// The page heap's invariants, checked under its lock: every free run is on
// the right list and named by spans[] at both ends, no two free runs are
// adjacent (freeing coalesces), and the page counts add up.
bool heapConsistent() {
    mheap* h = &mheap_;
    lock(&h->lock);
    bool ok = true;
    uintptr_t pages = 0, dirty = 0;
    auto checkList = [&](mSpanList* l, uintptr_t exact) {
        for (mspan* s = l->first; s != nullptr; s = s->next) {
            pages += s->npages;
            dirty += s->ndirty;
            if (s->state != mSpanFree || (exact != 0 && s->npages != exact)) ok = false;
            if (exact == 0 && s->npages < maxMHeapList) ok = false;
            if (spanOf(s->startAddr) != s || spanOf(s->limit() - pageSize) != s) ok = false;
            mspan* left = spanOf(s->startAddr - 1);
            mspan* right = spanOf(s->limit());
            if ((left != nullptr && left->state == mSpanFree) || (right != nullptr && right->state == mSpanFree)) ok = false;
        }
    };
    for (uintptr_t n = 1; n < maxMHeapList; n++) {
        checkList(&h->free[n], n);
        if (((h->freemask[n / 64] >> (n % 64)) & 1) != (h->free[n].isEmpty() ? 0u : 1u)) ok = false;
    }
    checkList(&h->freelarge, 0);
    if (pages != h->pagesFree || dirty != h->pagesDirty) ok = false;
    if ((h->pagesFree + h->pagesInUse) * pageSize != h->mappedBytes) ok = false;
    unlock(&h->lock);
    return ok;
}

// Run f in a child process; return its stderr and whether it died of SIGABRT
// (the hosted throw_ prints "fatal error: ..." and aborts).
std::pair<std::string, bool> runDying(void (*f)()) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        signal(SIGABRT, SIG_DFL);  // not Catch's handler: just die
        dup2(fds[1], 2);
        close(fds[0]);
        f();
        _exit(0);
    }
    close(fds[1]);
    std::string out;
    char buf[256];
    ssize_t r;
    while ((r = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, (size_t)r);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return {out, WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT};
}

}  // namespace

TEST_CASE("size classes: table invariants", "[malloc]") {
    CHECK(class_to_size[0] == 0);
    CHECK(class_to_size[1] == 8);
    for (int c = 1; c < _NumSizeClasses; c++) {
        INFO("class " << c << " size " << class_to_size[c]);
        if (c > 1) CHECK(class_to_size[c] > class_to_size[c - 1]);
        if (class_to_size[c] >= 16) CHECK(class_to_size[c] % 16 == 0);  // 16-byte alignment promise
        uint32_t span = class_to_allocnpages[c] * (uint32_t)_PageSize;
        CHECK(class_to_allocnpages[c] >= 1);
        CHECK(span / class_to_size[c] >= 1);
        CHECK(span % class_to_size[c] <= span / 8);  // tail waste <= 12.5%
        // The divide-by-multiply used by mfree is exact at every offset.
        bool exact = true;
        for (uint64_t off = 0; off < span; off++)
            if (((off * class_to_divmagic[c]) >> 32) != off / class_to_size[c]) exact = false;
        CHECK(exact);
    }
    CHECK(class_to_size[_NumSizeClasses - 1] == _MaxSmallSize);
}

TEST_CASE("size classes: every size maps to the smallest class that fits", "[malloc]") {
    CHECK(sizeToClass(0) == 1);
    bool ok = true;
    for (uint32_t n = 1; n <= _MaxSmallSize; n++) {
        int c = sizeToClass(n);
        if (c < 1 || c >= _NumSizeClasses || class_to_size[c] < n || class_to_size[c - 1] >= n) {
            ok = false;
            FAIL_CHECK("size " << n << " -> class " << c);
            break;
        }
    }
    CHECK(ok);
}

TEST_CASE("every size is usable, aligned and distinct", "[malloc]") {
    PScope ps;
    std::vector<std::pair<uintptr_t, size_t>> blocks;
    std::vector<size_t> sizes;
    for (size_t n = 0; n <= 2048; n++) sizes.push_back(n);
    for (size_t n = 2049; n <= 40000; n += 97) sizes.push_back(n);
    sizes.push_back(_MaxSmallSize);
    sizes.push_back(_MaxSmallSize + 1);
    for (size_t n : sizes) {
        void* v = mallocgc(n, false);
        REQUIRE(v != nullptr);
        uintptr_t a = (uintptr_t)v;
        INFO("size " << n);
        CHECK(a % (n >= 16 ? 16 : 8) == 0);
        size_t usable = mallocUsableSize(v);
        CHECK(usable >= std::max<size_t>(n, 1));
        fill(v, usable);
        blocks.push_back({a, usable});
    }
    std::sort(blocks.begin(), blocks.end());
    for (size_t i = 1; i < blocks.size(); i++) CHECK(blocks[i - 1].first + blocks[i - 1].second <= blocks[i].first);
    for (auto& b : blocks) {
        CHECK(check((void*)b.first, b.second));
        mfree((void*)b.first);
    }
}

TEST_CASE("mallocgc(0) returns unique valid pointers", "[malloc]") {
    PScope ps;
    void* a = mallocgc(0, true);
    void* b = mallocgc(0, true);
    CHECK(a != nullptr);
    CHECK(b != nullptr);
    CHECK(a != b);
    CHECK(mallocUsableSize(a) >= 1);
    mfree(a);
    mfree(b);
    mfree(nullptr);  // ignored
}

TEST_CASE("freed memory is reused, same class comes back", "[malloc]") {
    PScope ps;
    for (size_t n : {1, 8, 16, 100, 1000, 5000, 32768}) {
        void* a = mallocgc(n, false);
        mfree(a);
        void* b = mallocgc(n - (n > 1), false);  // a smaller size in the same class
        INFO("size " << n);
        if (sizeToClass(n) == sizeToClass(n - (n > 1))) CHECK(a == b);
        mfree(b);
    }
    CHECK(getg()->m->mallocing == 0);  // the fast paths leave the M preemptible again
}

TEST_CASE("needzero zeroes reused memory", "[malloc]") {
    PScope ps;
    for (size_t n : {8, 24, 64, 500, 4096, 30000, 40000, 200000, 3 << 20}) {
        INFO("size " << n);
        void* a = mallocgc(n, false);
        size_t usable = mallocUsableSize(a);
        std::memset(a, 0xAB, usable);
        mfree(a);
        void* b = mallocgc(n, true);
        CHECK(allZero(b, mallocUsableSize(b)));
        mfree(b);
    }
}

TEST_CASE("large objects", "[malloc]") {
    PScope ps;
    mstats before = stats();
    std::vector<void*> v;
    for (size_t n : {32769ul, 65536ul, 100000ul, 1ul << 20, 5ul << 20, 100ul << 20}) {
        void* x = mallocgc(n, true);
        INFO("size " << n);
        CHECK((uintptr_t)x % pageSize == 0);
        CHECK(mallocUsableSize(x) >= n);
        CHECK(mallocUsableSize(x) < n + pageSize);
        CHECK(allZero(x, n));
        fill(x, n);
        v.push_back(x);
    }
    mstats mid = stats();
    CHECK(mid.heapInuse >= before.heapInuse + (106ul << 20));
    CHECK(mid.largeAllocs == before.largeAllocs + 6);
    size_t sizes[] = {32769ul, 65536ul, 100000ul, 1ul << 20, 5ul << 20, 100ul << 20};
    for (size_t i = 0; i < v.size(); i++) {
        CHECK(check(v[i], sizes[i]));
        mfree(v[i]);
    }
    mstats after = stats();
    CHECK(after.heapInuse == before.heapInuse);
    CHECK(heapConsistent());
    CHECK(after.heapReleased >= (100ul << 20));  // the big ones went back to the OS
    // Freed page runs are reused instead of growing the arena.
    void* again = mallocgc(100ul << 20, false);
    CHECK(stats().heapSys == after.heapSys);
    mfree(again);
}

TEST_CASE("a million small objects do not mean a million mappings", "[malloc]") {
    PScope ps;
    mstats before = stats();
    std::vector<void*> v(1000000);
    for (auto& x : v) x = mallocgc(32, false);
    mstats mid = stats();
    // Objects may also come from spans already in use (earlier tests leave
    // partly used spans and cached objects behind): allow 1 MB of those.
    CHECK(mid.heapInuse - before.heapInuse >= 32ul * 1000000 - (1ul << 20));
    CHECK(mid.heapSys - before.heapSys <= 64ul << 20);  // one or two arena steps at most
    for (auto x : v) mfree(x);
}

TEST_CASE("mallocAligned", "[malloc]") {
    PScope ps;
    for (size_t align = 1; align <= 4096; align *= 2) {
        for (size_t n : {0ul, 1ul, 7ul, 8ul, 15ul, 16ul, 33ul, 100ul, 4095ul, 4097ul, 20000ul, 40000ul}) {
            INFO("align " << align << " size " << n);
            void* x = mallocAligned(n, align, true);
            CHECK((uintptr_t)x % align == 0);
            CHECK(mallocUsableSize(x) >= n);
            CHECK(allZero(x, n));
            fill(x, n);
            CHECK(check(x, n));
            mfree(x);
        }
    }
}

TEST_CASE("mallocUsableSize", "[malloc]") {
    PScope ps;
    void* a = mallocgc(100, false);
    CHECK(mallocUsableSize(a) == class_to_size[sizeToClass(100)]);
    void* b = mallocgc(100000, false);
    CHECK(mallocUsableSize(b) == ((100000 + pageSize - 1) & ~(pageSize - 1)));
    int local = 0;
    CHECK(mallocUsableSize(nullptr) == 0);
    CHECK(mallocUsableSize(&local) == 0);
    mfree(a);
    mfree(b);
}

TEST_CASE("the central path works without a P", "[malloc]") {
    setup();
    mstats before = stats();
    std::vector<void*> v;
    for (int i = 0; i < 10000; i++) {
        size_t n = (size_t)(i % 700) * 3;
        void* x = mallocgc(n, true);
        CHECK(allZero(x, n));
        fill(x, n);
        v.push_back(x);
    }
    for (int i = 0; i < 10000; i++) {
        CHECK(check(v[i], (size_t)(i % 700) * 3));
        mfree(v[i]);
    }
    mstats after = stats();
    CHECK(after.mallocs - before.mallocs == 10000);
    CHECK(after.frees - before.frees == 10000);

    // Allocated without a P, freed with one, and the other way round.
    void* x = mallocgc(48, false);
    {
        PScope ps;
        mfree(x);
        x = mallocgc(48, false);
    }
    mfree(x);

    // Several P-less threads at once share mcache0 under its lock.
    std::atomic<bool> bad{false};
    std::vector<std::thread> ts;
    for (int t = 0; t < 4; t++)
        ts.emplace_back([&bad, t] {
            hosted::attach(nullptr);
            std::mt19937 rng(t);
            std::vector<std::pair<void*, size_t>> live;
            for (int i = 0; i < 20000; i++) {
                size_t n = rng() % 2000;
                void* y = mallocgc(n, false);
                fill(y, n);
                live.push_back({y, n});
                if (live.size() > 200) {
                    size_t k = rng() % live.size();
                    if (!check(live[k].first, live[k].second)) bad = true;
                    mfree(live[k].first);
                    live[k] = live.back();
                    live.pop_back();
                }
            }
            for (auto& l : live) {
                if (!check(l.first, l.second)) bad = true;
                mfree(l.first);
            }
        });
    for (auto& t : ts) t.join();
    CHECK(!bad);
}

// Producer/consumer rings: thread i allocates, thread (i+1)%n checks and
// frees, so every object is freed on a different P than it came from.
TEST_CASE("cross-thread free", "[malloc]") {
    setup();
    for (int nthreads : {2, 3, 4}) {
        INFO(nthreads << " threads");
        struct Queue {
            std::mutex mu;
            std::condition_variable cv;
            std::deque<std::pair<void*, size_t>> q;
            bool done = false;
        };
        std::vector<Queue> qs(nthreads);
        std::atomic<bool> bad{false};
        std::atomic<uint64_t> freed{0};
        constexpr int perThread = 100000;
        std::vector<std::thread> ts;
        for (int t = 0; t < nthreads; t++) {
            // Producer: allocate and pass on.
            ts.emplace_back([&, t] {
                PScope ps;
                std::mt19937 rng(t * 7 + nthreads);
                Queue& out = qs[(t + 1) % nthreads];
                std::vector<std::pair<void*, size_t>> batch;
                for (int i = 0; i < perThread; i++) {
                    size_t n = rng() % 8 == 0 ? rng() % 40000 : rng() % 512;
                    void* x = mallocgc(n, false);
                    fill(x, n);
                    batch.push_back({x, n});
                    if (batch.size() == 64 || i == perThread - 1) {
                        std::lock_guard<std::mutex> g(out.mu);
                        for (auto& b : batch) out.q.push_back(b);
                        batch.clear();
                        out.cv.notify_one();
                    }
                }
            });
            // Consumer: check and free.
            ts.emplace_back([&, t] {
                PScope ps;
                Queue& in = qs[t];
                for (;;) {
                    std::deque<std::pair<void*, size_t>> got;
                    {
                        std::unique_lock<std::mutex> g(in.mu);
                        in.cv.wait(g, [&] { return !in.q.empty() || in.done; });
                        if (in.q.empty() && in.done) return;
                        got.swap(in.q);
                    }
                    for (auto& b : got) {
                        if (!check(b.first, b.second)) bad = true;
                        mfree(b.first);
                        freed++;
                    }
                }
            });
        }
        for (int t = 0; t < nthreads; t++) ts[2 * t].join();  // producers
        for (auto& q : qs) {
            std::lock_guard<std::mutex> g(q.mu);
            q.done = true;
            q.cv.notify_all();
        }
        for (int t = 0; t < nthreads; t++) ts[2 * t + 1].join();
        CHECK(!bad);
        CHECK(freed == (uint64_t)perThread * nthreads);
    }
}

// Every thread swaps fresh objects into a shared table and frees whatever
// it takes out, so objects move between Ps at random. Objects are filled
// over their whole usable size, so the freeing thread knows what to check.
TEST_CASE("cross-thread free through a shared table", "[malloc]") {
    setup();
    constexpr int slots = 4096;
    std::vector<std::atomic<void*>> table(slots);
    std::atomic<bool> bad{false};
    std::vector<std::thread> ts;
    for (int t = 0; t < 4; t++)
        ts.emplace_back([&, t] {
            PScope ps;
            std::mt19937 rng(100 + t);
            for (int i = 0; i < 200000; i++) {
                void* x = mallocgc(rng() % 1024, false);
                fill(x, mallocUsableSize(x));
                void* old = table[rng() % slots].exchange(x);
                if (old == nullptr) continue;
                if (!check(old, mallocUsableSize(old))) bad = true;
                mfree(old);
            }
        });
    for (auto& t : ts) t.join();
    CHECK(!bad);
    hosted::attach(nullptr);
    for (auto& s : table)
        if (void* x = s.load()) {
            if (!check(x, mallocUsableSize(x))) bad = true;
            mfree(x);
        }
    CHECK(!bad);
}

TEST_CASE("stress: random sizes, bounded memory, heap returns near baseline", "[malloc]") {
    setup();
    mallocTrim();
    mstats base = stats();
    std::atomic<bool> bad{false};
    std::atomic<uint64_t> peak{0};
    std::vector<std::thread> ts;
    for (int t = 0; t < 3; t++)
        ts.emplace_back([&, t] {
            PScope ps;
            std::mt19937 rng(42 + t);
            std::vector<std::pair<void*, size_t>> live(20000, {nullptr, 0});
            for (int i = 0; i < 600000; i++) {
                size_t k = rng() % live.size();
                if (live[k].first != nullptr) {
                    if (!check(live[k].first, std::min<size_t>(live[k].second, 64))) bad = true;
                    mfree(live[k].first);
                    live[k] = {nullptr, 0};
                    continue;
                }
                uint32_t r = rng() % 1000;
                size_t n = r < 900 ? rng() % 256 : r < 995 ? rng() % 32768 : 32768 + rng() % (1 << 20);
                void* x = mallocgc(n, r % 2 == 0);
                fill(x, std::min<size_t>(n, 64));
                live[k] = {x, n};
                if (i % 10000 == 0) {
                    uint64_t inuse = stats().heapInuse;
                    uint64_t p = peak.load();
                    while (inuse > p && !peak.compare_exchange_weak(p, inuse)) {
                    }
                }
            }
            for (auto& l : live)
                if (l.first != nullptr) {
                    if (!check(l.first, std::min<size_t>(l.second, 64))) bad = true;
                    mfree(l.first);
                }
        });
    for (auto& t : ts) t.join();
    CHECK(!bad);
    mstats end = stats();
    INFO("baseline inuse " << base.heapInuse << " peak " << peak.load() << " end " << end.heapInuse
                           << " sys " << end.heapSys);
    CHECK(peak.load() > base.heapInuse + (64ul << 20));
    CHECK(end.heapObjects == base.heapObjects);
    // Without trimming, batches parked in transfer caches pin some spans.
    CHECK(end.heapInuse <= base.heapInuse + (16ul << 20));
    // Trimmed, every span whose objects all came back is back in the heap.
    mallocTrim();
    mstats trimmed = stats();
    CHECK(trimmed.heapInuse == base.heapInuse);
    CHECK(heapConsistent());
    CHECK(trimmed.heapReleased == trimmed.heapSys - trimmed.heapInuse);
}

TEST_CASE("statistics count mallocs and frees", "[malloc]") {
    PScope ps;
    mstats a = stats();
    std::vector<void*> v;
    for (int i = 0; i < 1000; i++) v.push_back(mallocgc((size_t)i * 10, false));
    v.push_back(mallocgc(1 << 20, false));
    mstats b = stats();
    CHECK(b.mallocs - a.mallocs == 1001);
    CHECK(b.largeAllocs - a.largeAllocs == 1);
    CHECK(b.heapObjects - a.heapObjects == 1001);
    for (void* x : v) mfree(x);
    mstats c = stats();
    CHECK(c.frees - b.frees == 1001);
    CHECK(c.heapObjects == a.heapObjects);
}

TEST_CASE("freemcache returns cached objects to the central lists", "[malloc]") {
    setup();
    mallocTrim();
    mstats base = stats();
    {
        PScope ps;
        std::vector<void*> v;
        for (int i = 0; i < 100000; i++) v.push_back(mallocgc(64, false));
        for (void* x : v) mfree(x);
    }  // freemcache
    // Only full batches parked in the transfer cache may still pin spans.
    mstats end = stats();
    CHECK(end.heapInuse <= base.heapInuse + tcMaxSlots * classBatch(sizeToClass(64)) * pageSize);
    mallocTrim();
    CHECK(stats().heapInuse == base.heapInuse);
}

TEST_CASE("invalid frees and double frees are fatal", "[malloc]") {
    setup();
    auto smallTwice = [] {
        PScope ps;
        void* x = mallocgc(64, false);
        mfree(x);
        mfree(x);
    };
    auto largeTwice = [] {
        PScope ps;
        void* x = mallocgc(100000, false);
        mfree(x);
        mfree(x);
    };
    auto hugeTwice = [] {
        PScope ps;
        void* x = mallocgc(4 << 20, false);
        mfree(x);
        mfree(x);
    };
    auto interior = [] {
        PScope ps;
        char* x = (char*)mallocgc(64, false);
        mfree(x + 16);
    };
    auto largeInterior = [] {
        PScope ps;
        char* x = (char*)mallocgc(100000, false);
        mfree(x + pageSize);
    };
    auto foreign = [] {
        PScope ps;
        static int local;
        mfree(&local);
    };
    auto neverAllocated = [] {
        PScope ps;
        // A slot past its span's freeindex: never handed out.
        for (;;) {
            mspan* s = spanOf((uintptr_t)mallocgc(64, false));
            if (s->freeindex < s->nelems) mfree((void*)(s->startAddr + s->freeindex * s->elemsize));
        }
    };
    struct Case {
        const char* name;
        void (*f)();
        const char* msg;
    } cases[] = {
        {"small double free", smallTwice, "fatal error: double free"},
        {"large double free", largeTwice, "fatal error: double free"},
        {"released large double free", hugeTwice, "fatal error: double free"},
        {"interior pointer", interior, "fatal error: free of invalid pointer"},
        {"large interior pointer", largeInterior, "fatal error: free of invalid pointer"},
        {"foreign pointer", foreign, "fatal error: free of invalid pointer"},
        {"never allocated", neverAllocated, "fatal error: free of invalid pointer"},
    };
    for (auto& c : cases) {
        INFO(c.name);
        auto [out, aborted] = runDying(c.f);
        CHECK(aborted);
        CHECK(out.find(c.msg) != std::string::npos);
    }
}
