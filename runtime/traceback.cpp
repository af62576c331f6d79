// traceback.cpp — printing goroutine stacks, in Go's format (traceback.go):
//
//   goroutine 1 [chan receive]:
//   main()
//           user/main.cpp:12 +0x36
//   created by main in goroutine 1
//           user/main.cpp:9 +0x77
//
// Frames are found by walking the frame-pointer chain (everything is compiled
// with -fno-omit-frame-pointer): at a frame pointer bp, [bp] is the caller's
// frame pointer and [bp+8] the return address into the caller. Two places
// need care: a goroutine's outermost frame returns to goexit+1 (the end of
// the walk), and a function that __morestack moved to a new stack segment
// returns into __morestack, whose own frame holds the way back to the real
// caller (see asm_amd64.S).
#include "print.h"
#include "runtime.h"

extern "C" char __morestack[];
extern "C" char __morestack_end[];

namespace runtime {

constexpr int tracebackMaxFrames = 100;

static const char* const gStatusStrings[] = {"idle", "runnable", "running", "syscall", "waiting", "moribund", "dead"};

static bool startsWith(const char* s, const char* prefix) {
    while (*prefix && *s == *prefix) s++, prefix++;
    return *prefix == 0;
}

// Is addr inside one of gp's stack segments (or its system stack)?
static bool onStack(g* gp, uintptr addr) {
    if (addr >= gp->stack.lo && addr < gp->stack.hi) return true;
    for (stkseg* s = gp->stkseg; s != nullptr; s = s->prev)
        if (addr >= (uintptr)s && addr < s->hi) return true;
    return false;
}

// Go hides runtime frames from tracebacks unless GOTRACEBACK=system; the
// public go:: API stays visible (Go's exported runtime functions).
static bool showframe(uintptr pc, const char* name) {
    if (tracebackLevel > 1) return true;
    if (!inRuntimeText(pc)) return true;
    return startsWith(name, "go::") && !startsWith(name, "go::detail::") && !startsWith(name, "go::panic");
}

static void printFrameLine(uintptr pc, uintptr entry) {
    char file[256];
    int32_t line;
    print("\t");
    if (!funcline(pc, file, sizeof file, &line)) print("?");
    else if (line > 0) print(file, ":", line);
    else print(file);
    print(" +", hex(pc - entry + 1), "\n");
}

// Print the frames of gp starting at pc, with frame pointer bp (Go's
// traceback). pc is a return address, except for the first frame (isPC).
static void tracebackFrames(uintptr pc, uintptr bp, g* gp, bool firstIsPC) {
    int n = 0;
    bool first = firstIsPC;
    while (pc != 0) {
        uintptr lookup = first ? pc : pc - 1;  // a return address is past its call
        first = false;
        if (lookup >= (uintptr)&goexit && lookup < (uintptr)&goexit + 16) break;  // top of the goroutine
        if (lookup >= (uintptr)__morestack && lookup < (uintptr)__morestack_end) {
            // Returning into __morestack: the real caller's return address
            // is two words above __morestack's frame pointer.
            if (!onStack(gp, bp)) break;
            pc = *(uintptr*)(bp + 16);
            bp = *(uintptr*)bp;
            continue;
        }
        char name[512];
        uintptr entry;
        if (!funcname(lookup, name, sizeof name, &entry)) {
            name[0] = '?';
            name[1] = 0;
            entry = lookup;
        }
        if (showframe(lookup, name)) {
            if (n >= tracebackMaxFrames) {
                print("...additional frames elided...\n");
                return;
            }
            print(name, "\n");
            printFrameLine(lookup, entry);
            n++;
        }
        if (bp == 0 || (bp & 7) != 0 || !onStack(gp, bp)) break;
        pc = *(uintptr*)(bp + 8);
        bp = *(uintptr*)bp;
    }
}

static void printcreatedby(g* gp) {
    uintptr pc = gp->gopc;
    char name[512];
    uintptr entry;
    if (pc == 0 || gp->goid == 1 || !funcname(pc - 1, name, sizeof name, &entry)) return;
    if (!showframe(pc - 1, name) && tracebackLevel <= 1) {
        // Created from inside the runtime (time.After's helpers and the like).
    }
    print("created by ");
    // Drop the final parameter list, as Go prints "created by main.main".
    size_t n = 0;
    while (name[n]) n++;
    size_t cut = n;
    if (n >= 2 && name[n - 1] == ')') {
        cut = n - 1;
        while (cut > 0 && name[cut] != '(') cut--;
    }
    printbytes(name, cut);
    if (gp->parentGoid != 0) print(" in goroutine ", gp->parentGoid);
    print("\n");
    printFrameLine(pc - 1, entry);
}

void traceback(uintptr pc, uintptr sp, uintptr bp, g* gp) {
    (void)sp;
    if (pc == ~(uintptr)0) {
        // Use the state gp saved when it stopped running.
        if (readgstatus(gp) == _Gsyscall && gp->syscallsp != 0) {
            pc = gp->syscallpc;
            bp = gp->sched.bp;
        } else {
            pc = gp->sched.pc;
            bp = gp->sched.bp;
        }
        tracebackFrames(pc, bp, gp, false);
    } else {
        tracebackFrames(pc, bp, gp, true);
    }
    printcreatedby(gp);
}

void goroutineheader(g* gp) {
    uint32_t gpstatus = readgstatus(gp);
    const char* status = gpstatus < 7 ? gStatusStrings[gpstatus] : "???";
    // Override.
    if (gpstatus == _Gwaiting && gp->waitreason != waitReason::zero) status = waitReasonString(gp->waitreason);
    // (Go adds how long a G has waited, as its garbage collector measures it;
    // without a collector there is no such measurement.)
    print("goroutine ", gp->goid, " [", status, "]:\n");
}

// Print every other goroutine (Go's tracebackothers).
void tracebackothers(g* me) {
    // Show the current goroutine first, if we haven't already.
    g* curgp = getg()->m->curg;
    if (curgp != nullptr && curgp != me) {
        print("\n");
        goroutineheader(curgp);
        traceback(~(uintptr)0, ~(uintptr)0, 0, curgp);
    }
    for (g* gp = atomic::LoadAcq(&allgs_head); gp != nullptr; gp = gp->alllink) {
        if (gp == me || gp == curgp || readgstatus(gp) == _Gdead || (gp->isSystem && tracebackLevel < 2)) continue;
        print("\n");
        goroutineheader(gp);
        if (gp->m != getg()->m && readgstatus(gp) == _Grunning) {
            print("\tgoroutine running on other thread; stack unavailable\n");
            printcreatedby(gp);
        } else {
            traceback(~(uintptr)0, ~(uintptr)0, 0, gp);
        }
    }
}

const char* waitReasonString(waitReason r) {
    switch (r) {
    case waitReason::zero: return "";
    case waitReason::chanReceiveNilChan: return "chan receive (nil chan)";
    case waitReason::chanSendNilChan: return "chan send (nil chan)";
    case waitReason::selectNoCases: return "select (no cases)";
    case waitReason::select_: return "select";
    case waitReason::chanReceive: return "chan receive";
    case waitReason::chanSend: return "chan send";
    case waitReason::sleep: return "sleep";
    case waitReason::IOWait: return "IO wait";
    case waitReason::syncMutexLock: return "sync.Mutex.Lock";
    case waitReason::syncRWMutexRLock: return "sync.RWMutex.RLock";
    case waitReason::syncRWMutexLock: return "sync.RWMutex.Lock";
    case waitReason::semacquire: return "semacquire";
    case waitReason::syncWaitGroupWait: return "sync.WaitGroup.Wait";
    case waitReason::preempted: return "preempted";
    case waitReason::debugCall: return "debug call";
    case waitReason::count_: break;
    }
    return "unknown wait reason";
}

}  // namespace runtime
