// traceback.cpp — printing goroutine stacks, in Go 1.19's format (traceback.go):
//
//   goroutine 6 [chan receive]:
//   waiter()
//           user/main.cpp:12 +0x36
//   created by main
//           user/main.cpp:9 +0x77
//
// Frames are found by walking the frame-pointer chain: every function keeps
// a frame pointer, leaves included, and none is reached by a tail jump (the
// Makefile's -mno-omit-leaf-frame-pointer -fno-optimize-sibling-calls), so
// no frame is skipped. At a frame pointer bp, [bp] is the caller's frame
// pointer and [bp+8] the return address into the caller; bp+16 is the
// caller's stack pointer, Go's "fp" of the frame. Two places need care: a
// goroutine's outermost frame returns to goexit+1 (the end of the walk), and
// a function that __morestack moved to a new stack segment returns into
// __morestack, whose own frame holds the way back to the real caller (see
// asm_amd64.S).
#include "print.h"
#include "runtime.h"

extern "C" char __morestack[];
extern "C" char __morestack_end[];
extern "C" void asyncPreempt();
extern "C" char __runtime_text_start[];  // linker.ld: the start of .text
extern "C" char __text_end[];

namespace runtime {

constexpr int tracebackMaxFrames = 100;

static const char* const gStatusStrings[] = {"idle", "runnable", "running", "syscall", "waiting", "moribund", "dead"};

static bool startsWith(const char* s, const char* prefix) {
    while (*prefix && *s == *prefix) s++, prefix++;
    return *prefix == 0;
}

// Go's gotraceback: the GOTRACEBACK setting, raised to level 2 (runtime
// frames) while this M is in a runtime throw; a throw of any kind lists
// every goroutine.
void gotraceback(int32_t* level, bool* all, bool* crash) {
    m* mp = getg()->m;
    *crash = tracebackCrash;
    *all = mp->throwing >= throwTypeUser || tracebackAll;
    *level = mp->throwing >= throwTypeRuntime ? 2 : tracebackLevel;
}

static int32_t tracebackLevelNow() {
    int32_t level;
    bool all, crash;
    gotraceback(&level, &all, &crash);
    return level;
}

// Is addr inside one of gp's stack segments (or its system stack)?
static bool onStackOf(g* gp, uintptr addr) {
    if (addr >= gp->stack.lo && addr < gp->stack.hi) return true;
    for (stkseg* s = gp->stkseg; s != nullptr; s = s->prev)
        if (addr >= (uintptr)s && addr < s->hi) return true;
    return false;
}

static bool inGoexit(uintptr pc) { return pc >= (uintptr)&goexit && pc < (uintptr)&goexit + 16; }

// Does an indirect call (opcode ff /2: through a register, or memory at
// any addressing mode) end at ra? Each possible length is decoded from its
// ModRM byte (and SIB byte) and must end exactly there.
static bool indirectCallEndsAt(const uint8_t* ra) {
    for (int n = 2; n <= 7; n++) {
        const uint8_t* op = ra - n;
        uint8_t modrm = op[1], mod = modrm >> 6, rm = modrm & 7;
        if (op[0] != 0xff || ((modrm >> 3) & 7) != 2) continue;
        int len = 2;
        if (mod != 3 && rm == 4) {  // a SIB byte; base 5 with mod 0: a disp32 and no base
            len++;
            if (mod == 0 && (op[2] & 7) == 5) len += 4;
        }
        if (mod == 0 && rm == 5) len += 4;  // RIP-relative
        if (mod == 1) len += 1;
        if (mod == 2) len += 4;
        if (len == n) return true;
    }
    return false;
}

// Does the call instruction that returns to ra call entry (directly, or
// through a register or memory operand, whose target is not known)?
static bool callsInto(uintptr ra, uintptr entry) {
    if (ra < (uintptr)__runtime_text_start + 8 || ra > (uintptr)__text_end) return false;
    auto* b = (const uint8_t*)ra;
    if (b[-5] == 0xe8 && ra + (uintptr)(intptr_t) * (const int32_t*)(ra - 4) == entry) return true;
    return indirectCallEndsAt(b);
}

// A frame interrupted at pc (a signal, an asynchronous preemption), not
// stopped at a call, may not have its frame pointer set up: before the
// prologue's push %rbp; mov %rsp,%rbp, at its ret, or never, since gcc 12
// keeps no frame pointer in functions that call nothing, whatever
// -mno-omit-leaf-frame-pointer says. Then bp is still the caller's, and the
// return address into the caller is on the stack at or above sp: found from
// the prologue, or for a frameless function by scanning for a word that
// returns just after a call into it (Go reads the frame size from its pc
// tables instead). Returns false when bp is the function's own.
static bool framelessAt(uintptr pc, uintptr entry, uintptr sp, g* gp, uintptr* ra, uintptr* raAddr) {
    auto* code = (const uint8_t*)entry;
    int push = -1;
    for (int i = 0; i + 4 <= 40 && entry + i + 4 <= pc + 4; i++) {
        if (code[i] == 0x55 && code[i + 1] == 0x48 && code[i + 2] == 0x89 && code[i + 3] == 0xe5) {
            push = i;
            break;
        }
    }
    uintptr at;
    if (*(const uint8_t*)pc == 0xc3) {
        at = sp;  // at the ret: the frame is gone
    } else if (push >= 0) {
        if (pc <= entry + push) at = sp;               // before push %rbp
        else if (pc < entry + push + 4) at = sp + 8;   // pushed, mov %rsp,%rbp not yet done
        else return false;                             // after the prologue: bp is its own
    } else {
        at = 0;
        for (uintptr a = sp; a < sp + 64 * 8 && onStackOf(gp, a); a += 8)
            if (callsInto(*(uintptr*)a, entry)) {
                at = a;
                break;
            }
        if (at == 0) return false;
    }
    if (!onStackOf(gp, at)) return false;
    *raAddr = at;
    *ra = *(uintptr*)at;
    return true;
}

// Go's showframe: runtime frames only at GOTRACEBACK=system (or in a
// runtime throw on the failing goroutine); the public go:: API stays
// visible, as Go's exported runtime functions do.
static bool showframe(uintptr pc, const char* name, g* gp, int32_t level) {
    m* mp = getg()->m;
    if (mp->throwing >= throwTypeRuntime && gp != nullptr && gp == mp->curg) return true;
    if (level > 1) return true;
    if (!inRuntimeText(pc)) return true;
    return startsWith(name, "go::") && !startsWith(name, "go::detail::") && !startsWith(name, "go::panic");
}

// The frames go.h adds around a goroutine's function: the entry trampoline
// (named after the closure it runs, or go::detail::goEntry() for a plain
// function) and go::go's closure. Go 1.19 has no such frames: its go
// statement calls the function directly from goexit's frame. A trampoline
// is the function's frame when the closure's body was inlined into it;
// it repeats the frame below it when it was not.
static bool wrapperFrame(const char* name, const char* callee, bool outermost) {
    if (startsWith(name, "go::detail::goEntry") || startsWith(name, "go::go<")) return true;
    if (!outermost || callee[0] == 0) return false;
    size_t i = 0;
    while (name[i] && name[i] != '(' && name[i] == callee[i]) i++;
    return name[i] == '(' && callee[i] == '(';
}

// A source position as a frame prints it; ok false: none known ("?").
struct framePos {
    char file[256];
    int32_t line;
    bool ok;
};

// pc's own position (Go's funcline): the innermost one in inlined code.
static void funcPos(uintptr pc, framePos* pos) { pos->ok = funcline(pc, pos->file, sizeof pos->file, &pos->line); }

static void printFrameLine(const framePos& pos, uintptr entry, bool fpsp, uintptr fp, uintptr sp, uintptr framepc) {
    print("\t");
    if (!pos.ok) print("?");
    else if (pos.line > 0) print(pos.file, ":", pos.line);
    else print(pos.file);
    if (framepc > entry) print(" +", hex(framepc - entry));
    if (fpsp) print(" fp=", hex(fp), " sp=", hex(sp), " pc=", hex(framepc));
    print("\n");
}

// Go's loop over the inline tree in traceback1: each inlined call around
// pc, innermost first, as "name(...)" and the position in its code; they
// count as frames. Returns how many were printed, and leaves in *pos the
// position of the frame they were inlined into (the outermost call's site;
// pc's own when it is in no inlined call).
static int printInlined(uintptr pc, g* gp, int32_t level, int n, framePos* pos) {
    funcPos(pc, pos);
    int32_t ix = pos->ok ? funcInlIndex(pc) : -1;
    char name[512];
    framePos caller;
    int printed = 0;
    while (ix >= 0 && n + printed < tracebackMaxFrames) {
        ix = inlinedCallAt(ix, name, sizeof name, caller.file, sizeof caller.file, &caller.line);
        caller.ok = true;
        if (showframe(pc, name, gp, level)) {
            print(name, "(...)\n");
            printFrameLine(*pos, 0, false, 0, 0, 0);
            printed++;
        }
        *pos = caller;
    }
    return printed;
}

// Print the frames of gp starting at pc, with stack pointer sp and frame
// pointer bp (Go's traceback). pc is a return address, except for the first
// frame when firstIsPC (a signal's or a throw's own pc).
static void tracebackFrames(uintptr pc, uintptr sp, uintptr bp, g* gp, bool firstIsPC) {
    int32_t level = tracebackLevelNow();
    // Go prints each frame's fp, sp and pc at level 2, and for the failing
    // goroutine of a runtime throw.
    bool fpsp = level >= 2 || (gp->m != nullptr && gp->m->throwing >= throwTypeRuntime && gp == gp->m->curg);
    int n = 0;
    bool interrupted = firstIsPC;  // pc is where the frame stopped, not a return address
    char name[512], callee[512];
    callee[0] = 0;
    while (pc != 0) {
        uintptr lookup = interrupted ? pc : pc - 1;  // a return address is past its call
        if (inGoexit(lookup)) {
            // The top of the goroutine: Go shows runtime.goexit at level 2.
            if (level >= 2 && n < tracebackMaxFrames) {
                print("goexit()\n");
                framePos pos;
                funcPos(lookup, &pos);
                printFrameLine(pos, (uintptr)&goexit, fpsp, sp + 8, sp, pc);
            }
            break;
        }
        if (lookup >= (uintptr)__morestack && lookup < (uintptr)__morestack_end) {
            // Returning into __morestack: the real caller's return address
            // is two words above __morestack's frame pointer.
            if (!onStackOf(gp, bp)) break;
            pc = *(uintptr*)(bp + 16);
            sp = bp + 24;
            bp = *(uintptr*)bp;
            interrupted = false;
            continue;
        }
        uintptr entry;
        if (!funcname(lookup, name, sizeof name, &entry)) {
            name[0] = '?';
            name[1] = 0;
            entry = lookup;
        }
        uintptr ra = 0, raAddr = 0;
        bool noframe = interrupted && framelessAt(pc, entry, sp, gp, &ra, &raAddr);
        bool bpOK = bp != 0 && (bp & 7) == 0 && onStackOf(gp, bp);
        uintptr callerpc = noframe ? ra : bpOK ? *(uintptr*)(bp + 8) : 0;
        uintptr fp = noframe ? raAddr + 8 : bp + 16;
        bool outermost = callerpc != 0 && inGoexit(callerpc - 1);
        if (!wrapperFrame(name, callee, outermost)) {
            framePos pos;
            n += printInlined(lookup, gp, level, n, &pos);
            if (showframe(lookup, name, gp, level)) {
                if (n >= tracebackMaxFrames) {
                    print("...additional frames elided...\n");
                    return;
                }
                print(name, "\n");
                printFrameLine(pos, entry, fpsp, fp, sp, pc);
                n++;
            }
        }
        size_t k = 0;
        for (; name[k] && k + 1 < sizeof callee; k++) callee[k] = name[k];
        callee[k] = 0;
        if (noframe) {
            pc = ra;
            sp = fp;
            interrupted = false;
            continue;
        }
        if (!bpOK) break;
        pc = callerpc;
        sp = fp;
        bp = *(uintptr*)bp;
        // asyncPreempt's caller is the instruction it interrupted, below the
        // 128-byte red zone it skipped (signal_linux.cpp pushCallAsyncPreempt).
        interrupted = entry == (uintptr)&asyncPreempt;
        if (interrupted) sp += 128;
    }
}

// "created by main" and the go statement's line, as Go 1.19 prints it (1.21
// adds "in goroutine N").
static void printcreatedby(g* gp) {
    uintptr pc = gp->gopc;
    char name[512];
    uintptr entry;
    if (pc == 0 || gp->goid == 1 || !funcname(pc - 1, name, sizeof name, &entry)) return;
    if (!showframe(pc - 1, name, gp, tracebackLevelNow())) return;
    print("created by ");
    // Drop the final parameter list: Go prints "created by main.main".
    size_t n = 0;
    while (name[n]) n++;
    size_t cut = n;
    if (n >= 2 && name[n - 1] == ')') {
        cut = n - 1;
        while (cut > 0 && name[cut] != '(') cut--;
    }
    printbytes(name, cut);
    print("\n");
    framePos pos;
    funcPos(pc - 1, &pos);
    printFrameLine(pos, entry, false, 0, 0, pc);
}

void traceback(uintptr pc, uintptr sp, uintptr bp, g* gp) {
    if (pc == ~(uintptr)0) {
        // Use the state gp saved when it stopped running.
        if (readgstatus(gp) == _Gsyscall && gp->syscallsp != 0) {
            pc = gp->syscallpc;
            sp = gp->syscallsp;
        } else {
            pc = gp->sched.pc;
            sp = gp->sched.sp;
        }
        tracebackFrames(pc, sp, gp->sched.bp, gp, false);
    } else {
        tracebackFrames(pc, sp, bp, gp, true);
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
    int32_t level = tracebackLevelNow();
    // Show the current goroutine first, if we haven't already.
    g* curgp = getg()->m->curg;
    if (curgp != nullptr && curgp != me) {
        print("\n");
        goroutineheader(curgp);
        traceback(~(uintptr)0, ~(uintptr)0, 0, curgp);
    }
    for (g* gp = atomic::LoadAcq(&allgs_head); gp != nullptr; gp = gp->alllink) {
        if (gp == me || gp == curgp || readgstatus(gp) == _Gdead || (gp->isSystem && level < 2)) continue;
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
    case waitReason::semacquire: return "semacquire";
    case waitReason::panicWait: return "panicwait";
    case waitReason::preempted: return "preempted";
    case waitReason::debugCall: return "debug call";
    case waitReason::count_: break;
    }
    return "unknown wait reason";
}

}  // namespace runtime
