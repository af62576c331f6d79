// proc_newproc.cpp — Go's proc.go, part 3: creating goroutines (newproc,
// the free-G caches gfput/gfget) and the sudogs that wait queues link.
#include "print.h"
#include "proc.h"
#include "trace.h"
#include "runtime.h"
#include "runtime1.h"
#include "sys_linux.h"

namespace runtime {

constexpr uint64_t goidCacheBatch = 16;  // goids a P takes from sched.goidgen at a time

// ---- sudogs ---------------------------------------------------------------------

// Get a sudog, from the P's cache when possible (Go's acquireSudog).
sudog* acquireSudog() {
    // Delicate dance: the semaphore implementation calls acquireSudog, and
    // acquireSudog may allocate; acquirem keeps us on this P meanwhile.
    m* mp = acquirem();
    p* pp = mp->p;
    if (pp->sudogcount == 0) {
        lock(&sched.sudoglock);
        // First, try to grab a batch from central cache.
        while (pp->sudogcount < 64 && sched.sudogcache != nullptr) {
            sudog* s = sched.sudogcache;
            sched.sudogcache = s->next;
            s->next = nullptr;
            pp->sudogcache[pp->sudogcount++] = s;
        }
        unlock(&sched.sudoglock);
        // If the central cache is empty, allocate a new one.
        if (pp->sudogcount == 0) pp->sudogcache[pp->sudogcount++] = (sudog*)mallocgc(sizeof(sudog), true);
    }
    sudog* s = pp->sudogcache[--pp->sudogcount];
    if (s->elem != nullptr) throw_("acquireSudog: found s.elem != nil in cache");
    releasem(mp);
    return s;
}

void releaseSudog(sudog* s) {
    if (s->elem != nullptr) throw_("runtime: sudog with non-nil elem");
    if (s->isSelect) throw_("runtime: sudog with non-false isSelect");
    if (s->next != nullptr) throw_("runtime: sudog with non-nil next");
    if (s->prev != nullptr) throw_("runtime: sudog with non-nil prev");
    if (s->waitlink != nullptr) throw_("runtime: sudog with non-nil waitlink");
    if (s->c != nullptr) throw_("runtime: sudog with non-nil c");
    m* mp = acquirem();  // avoid rescheduling to another P
    p* pp = mp->p;
    constexpr int32_t cap = sizeof(pp->sudogcache) / sizeof(pp->sudogcache[0]);
    if (pp->sudogcount == cap) {
        // Transfer half of local cache to the central cache.
        sudog *first = nullptr, *last = nullptr;
        while (pp->sudogcount > cap / 2) {
            sudog* p2 = pp->sudogcache[--pp->sudogcount];
            if (first == nullptr) first = p2;
            else last->next = p2;
            last = p2;
        }
        lock(&sched.sudoglock);
        last->next = sched.sudogcache;
        sched.sudogcache = first;
        unlock(&sched.sudoglock);
    }
    s->g = nullptr;
    pp->sudogcache[pp->sudogcount++] = s;
    releasem(mp);
}

// ---- Creating goroutines ---------------------------------------------------------

// Dead Gs move between a P's cache and sched.gFree this many at a time.
constexpr int32_t gFreeBatch = 32;
constexpr int32_t gFreeCap = sizeof(((p*)nullptr)->gFree) / sizeof(g*);
static_assert(gFreeCap == 2 * gFreeBatch);

// Move the n oldest Gs of pp's cache to sched.gFree (its lock held).
static void gfputglobal(p* pp, int32_t n) {
    if (sched.gFree.n + n > sched.gFree.cap) {
        int32_t ncap = sched.gFree.cap ? sched.gFree.cap * 2 : 4 * gFreeCap;
        auto** ns = (g**)mallocgc(sizeof(g*) * (size_t)ncap, false);
        for (int32_t i = 0; i < sched.gFree.n; i++) ns[i] = sched.gFree.stack[i];
        mfree(sched.gFree.stack);
        sched.gFree.stack = ns;
        sched.gFree.cap = ncap;
    }
    for (int32_t i = 0; i < n; i++) sched.gFree.stack[sched.gFree.n + i] = pp->gFree[i];
    for (int32_t i = n; i < pp->gFreeCount; i++) pp->gFree[i - n] = pp->gFree[i];
    atomic::StoreRelaxed(&sched.gFree.n, sched.gFree.n + n);
    pp->gFreeCount -= n;
}

// Put on gfree list. If local list is too long, transfer a batch to the global list.
void gfput(p* pp, g* gp) {
    if (readgstatus(gp) != _Gdead) throw_("gfput: bad status (not Gdead)");
    // Keep the base segment for reuse; give back any others.
    stackfreeall(gp);
    if (pp->gFreeCount == gFreeCap) {
        lock(&sched.gFree.lock);
        gfputglobal(pp, gFreeBatch);
        unlock(&sched.gFree.lock);
    }
    pp->gFree[pp->gFreeCount++] = gp;
}

// Move every G of pp's cache to the global one (pp is being destroyed).
void gfpurge(p* pp) {
    lock(&sched.gFree.lock);
    gfputglobal(pp, pp->gFreeCount);
    unlock(&sched.gFree.lock);
}

// Get from gfree list. If local list is empty, grab a batch from global list.
g* gfget(p* pp) {
    if (pp->gFreeCount == 0) {
        if (atomic::LoadRelaxed(&sched.gFree.n) == 0) return nullptr;
        lock(&sched.gFree.lock);
        int32_t n = sched.gFree.n < gFreeBatch ? sched.gFree.n : gFreeBatch;
        for (int32_t i = 0; i < n; i++) pp->gFree[i] = sched.gFree.stack[sched.gFree.n - n + i];
        atomic::StoreRelaxed(&sched.gFree.n, sched.gFree.n - n);
        unlock(&sched.gFree.lock);
        pp->gFreeCount = n;
        if (n == 0) return nullptr;
        prefetchG(pp->gFree[n - 1]);
        if (n > 1) prefetchG(pp->gFree[n - 2]);
    }
    // Prefetch two ahead: the G after next gets its lines, and the next one,
    // whose lines were requested by the previous call, the top of its stack,
    // where goPrepare and newgInit write the closure and the first frame.
    int32_t n = --pp->gFreeCount;
    g* gp = pp->gFree[n];
    if (n > 0) prefetchStackTop(pp->gFree[n - 1]);
    if (n > 1) prefetchG(pp->gFree[n - 2]);
    return gp;
}

// A dead G with a stack, from the free lists or newly made (the first half
// of Go's newproc1). Owned by the caller until newprocStart.
static g* newgAlloc() {
    m* mp = acquirem();  // disable preemption because we hold M and P in local vars.
    g* newg = gfget(mp->p);
    if (newg == nullptr) {
        newg = malg(StackMin);
        casgstatus(newg, _Gidle, _Gdead);
        allgadd(newg);
    }
    releasem(mp);
    if (newg->stack.hi == 0) throw_("newproc1: newg missing stack");
    if (readgstatus(newg) != _Gdead) throw_("newproc1: new g is not Gdead");
    return newg;
}

// Make newg start at fn(arg), with its first frame below sptop, and mark it
// _Grunnable (the second half of Go's newproc1). The caller then puts it on
// a run queue.
static void newgInit(g* newg, void (*fn)(void*), void* arg, uintptr sptop, uintptr callerpc) {
    if (fn == nullptr) fatal("go of nil func value");
    // The goroutine's first frame "returns" to goexit+1 (see asm_amd64.S):
    // sp points at that return address, and sp+8 is 16-byte aligned as the
    // C ABI requires at a function's entry.
    uintptr sp = (sptop & ~(uintptr)15) - 8;
    *(uintptr*)sp = (uintptr)&goexit + 1;
    newg->sched = gobuf{};
    newg->sched.sp = sp;
    newg->sched.pc = (uintptr)fn;
    newg->sched.g = newg;
    newg->sched.ctxt = (uintptr)arg;
    newg->entryarg = arg;
    newg->gopc = callerpc;
    newg->startpc = (uintptr)fn;
    g* curg = getg()->m->curg;
    newg->parentGoid = curg != nullptr ? curg->goid : 0;
    newg->isSystem = false;
    newg->waiting = nullptr;
    newg->waitreason = waitReason::zero;
    newg->stackguard0 = newg->stack.lo + StackGuard;
    m* mp = acquirem();
    p* pp = mp->p;
    if (pp->goidcache == pp->goidcacheend) {
        // sched.goidgen is the last allocated id; this batch must be
        // [sched.goidgen+1, sched.goidgen+goidCacheBatch]. At startup
        // sched.goidgen=0, so the main goroutine receives goid=1.
        pp->goidcache = atomic::Xadd(&sched.goidgen, goidCacheBatch) - (goidCacheBatch - 1);
        pp->goidcacheend = pp->goidcache + goidCacheBatch;
    }
    newg->goid = (int64_t)pp->goidcache;
    pp->goidcache++;
    releasem(mp);
    casgstatus(newg, _Gdead, _Grunnable);
    if (traceOn()) traceGoCreate(newg, newg->startpc);
}

// Create a new g in state _Grunnable, starting at fn(arg) (Go's newproc1).
// callerpc is the address of the go statement that created this. The caller
// is responsible for adding the new g to the scheduler.
g* newproc1(void (*fn)(void*), void* arg, g* callergp, uintptr callerpc) {
    (void)callergp;
    g* newg = newgAlloc();
    newgInit(newg, fn, arg, newg->stack.hi, callerpc);
    return newg;
}

// Put a new runnable G in runnext: it runs as soon as the creator yields.
static void newprocReady(g* newg) {
    m* mp = acquirem();
    runqput(mp->p, newg, true);
    if (mainStarted) wakep();
    releasem(mp);
}

// Create a new g running fn(arg), put it on the queue of gs waiting to run
// (runnext: it runs soon), and wake a P for it if one is idle.
void newproc(void (*fn)(void*), void* arg) {
    newprocReady(newproc1(fn, arg, getg(), (uintptr)__builtin_return_address(0)));
}

}  // namespace runtime

namespace go::detail {
using namespace runtime;

// go::go places small closures at the top of the new goroutine's own stack,
// which saves an allocation per goroutine: goPrepare returns that room (and
// the G, as an opaque token), the template constructs the closure there, and
// goStart makes the G runnable with its first frame below the closure.
void* goPrepare(size_t size, size_t align, void** token) {
    g* newg = newgAlloc();
    uintptr top = (newg->stack.hi - size) & ~(uintptr)(align - 1);
    *token = newg;
    return (void*)top;
}

void goStart(void* token, void (*fn)(void*), void* arg, uintptr callerpc) {
    g* newg = (g*)token;
    uintptr top = (uintptr)arg;
    if (top < newg->stack.lo || top >= newg->stack.hi) top = newg->stack.hi;  // a heap closure
    newgInit(newg, fn, arg, top, callerpc);
    newprocReady(newg);
}

}  // namespace go::detail

namespace runtime {

// Step 7 of the boot: rt0_go's newproc(runtime.main).
extern "C" void newproc_main(void (*fn)(void*), void* arg) {
    g* newg = newproc1(fn, arg, getg(), (uintptr)__builtin_return_address(0));
    runqput(getg()->m->p, newg, true);
    if (traceOn()) traceBoot("newproc(runtime.main)");
    if (boottraceEnabled())
        print("boot: [7] newproc(runtime.main): g", newg->goid, " stack=[", hex(newg->stack.lo), ", ",
              hex(newg->stack.hi), ") sched.pc=runtime_main (", hex(newg->sched.pc),
              ") return address=goexit+1 status=_Grunnable in P0.runnext\n");
}

}  // namespace runtime
