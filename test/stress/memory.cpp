// Stress: memory allocated on one goroutine, handed over a channel, checked
// and freed on another, reused at once; sizes from 1 byte to 300 KB,
// alignments up to 64 KB; FreeOSMemory now and then while others allocate
// (the scavenger releases pages under them). Invariants: every block keeps
// its pattern until freed, every block sent is freed exactly once, no fatal
// error (a double free or a corrupted span is one).
#include "stress.h"

#include <new>

using namespace go;

struct Block {
    unsigned char* p;
    size_t n;
    size_t align;
    uint8_t tag;
};

static int64_t allocated, freed;

static void fill(Block& b) {
    for (size_t i = 0; i < b.n; i += 61) b.p[i] = (unsigned char)(b.tag + i);
    b.p[b.n - 1] = b.tag;
}

static void checkAndFree(const Block& b) {
    for (size_t i = 0; i < b.n; i += 61)
        if (i != b.n - 1) STRESS_CHECK(b.p[i] == (unsigned char)(b.tag + i), "block corrupted", b.p[i], (unsigned char)(b.tag + i));
    STRESS_CHECK(b.p[b.n - 1] == b.tag, "block end corrupted", b.p[b.n - 1], b.tag);
    if (b.align > 16) ::operator delete(b.p, std::align_val_t(b.align));
    else delete[] b.p;
    ATOMIC_ADD(&freed, 1);
}

static Block make(stress::Rand& r) {
    Block b;
    uint64_t k = r.below(100);
    b.n = k < 60 ? 1 + r.below(256) : k < 90 ? 1 + r.below(32 << 10) : 1 + r.below(300 << 10);
    b.align = r.chance(10) ? (size_t)1 << (5 + r.below(12)) : 16;
    b.tag = (uint8_t)r.next();
    b.p = b.align > 16 ? (unsigned char*)::operator new(b.n, std::align_val_t(b.align)) : new unsigned char[b.n];
    size_t want = b.n < 16 ? 8 : b.align;  // the allocator promises 16 from 16 bytes up (docs/malloc.md)
    STRESS_CHECK(((uintptr_t)b.p & (want - 1)) == 0, "misaligned block", (uintptr_t)b.p & (want - 1), 0);
    ATOMIC_ADD(&allocated, 1);
    fill(b);
    return b;
}

int main() {
    stress::Rand r0(stress::seed(), 0);
    int workers = 2 + (int)r0.below(6);
    chan<Block> handoff = make_chan<Block>((int)r0.below(64));
    sync::WaitGroup prod, cons;
    for (int w = 0; w < workers; w++) {
        prod.Add(1);
        go::go([&, w] {
            stress::Rand r(stress::seed(), 1 + (uint64_t)w);
            Block keep[32];
            int nkeep = 0;
            while (!stress::timeUp()) {
                Block b = make(r);
                if (r.chance(40)) handoff.send(b);
                else if (nkeep < 32 && r.chance(50)) keep[nkeep++] = b;
                else checkAndFree(b);
                if (nkeep > 0 && r.chance(20)) checkAndFree(keep[--nkeep]);
                if (r.chance(1)) debug::FreeOSMemory();
            }
            while (nkeep > 0) checkAndFree(keep[--nkeep]);
            prod.Done();
        });
        cons.Add(1);
        go::go([&] {
            for (Block b : handoff) checkAndFree(b);
            cons.Done();
        });
    }
    prod.Wait();
    handoff.close();
    cons.Wait();
    STRESS_CHECK(ATOMIC_LOAD(&freed) == ATOMIC_LOAD(&allocated), "blocks freed", freed, allocated);
    stress::ok("blocks", allocated);
    return 0;
}
