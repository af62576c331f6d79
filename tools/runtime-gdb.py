# runtime-gdb.py — gdb commands for this runtime's goroutines, Ps and Ms
# (Go's src/runtime/runtime-gdb.py, for our structures). The build puts this
# script into every program's NAME.debug (section .debug_gdb_scripts), so gdb
# loads it when it loads the debug file, if auto-loading is allowed for that
# file (`gdb -iex 'add-auto-load-safe-path /the/dir'`, or `set auto-load
# safe-path /`); otherwise `source tools/runtime-gdb.py` (docs/debugging.md).
#
#   info goroutines      every goroutine: id, status, wait reason, function
#   goroutine N bt       goroutine N's stack, from its saved registers (g.sched)
#   info ps / info ms    the Ps and the Ms with their states
#
# Everything is read from memory through the runtime's DWARF types (the
# runtime is compiled with -g for this), so it works on a live process and
# on a core file alike: nothing writes registers or calls the program.
# Stacks are walked by frame pointers, as runtime/traceback.cpp walks them,
# across split-stack segments (a frame that returns into __morestack).

import gdb

G_STATUS = {0: "idle", 1: "runnable", 2: "running", 3: "syscall", 4: "waiting", 6: "dead"}
P_STATUS = {0: "idle", 1: "running", 2: "syscall", 3: "gcstop", 4: "dead"}
# waitReason enumerators -> Go's words (runtime/traceback.cpp's waitReasonString).
WAIT_REASONS = {
    "zero": "", "chanReceiveNilChan": "chan receive (nil chan)", "chanSendNilChan": "chan send (nil chan)",
    "selectNoCases": "select (no cases)", "select_": "select", "chanReceive": "chan receive",
    "chanSend": "chan send", "sleep": "sleep", "syncMutexLock": "sync.Mutex.Lock",
    "syncRWMutexRLock": "sync.RWMutex.RLock", "syncRWMutexLock": "sync.RWMutex.Lock",
    "semacquire": "semacquire", "syncWaitGroupWait": "sync.WaitGroup.Wait", "preempted": "preempted",
    "debugCall": "debug call", "forceGCIdle": "force gc (idle)",
}


def sym(name):
    s = gdb.lookup_global_symbol(name) or gdb.lookup_static_symbol(name)
    if s is None:
        raise gdb.GdbError("runtime-gdb.py: no symbol %s (is NAME.debug loaded?)" % name)
    return s.value()


def addr(name):
    return int(gdb.parse_and_eval("(unsigned long)&'%s'" % name))


def u64(a):
    return int(gdb.parse_and_eval("*(unsigned long *)%d" % a))


def allgs():
    gp = sym("runtime::allgs_head")
    while int(gp) != 0:
        yield gp
        gp = gp["alllink"]


def wait_reason(gp):
    name = str(gp["waitreason"]).split("::")[-1]
    return WAIT_REASONS.get(name, name)


def funcnames(pc):
    """The function at pc, innermost first: an inlined function, then what it was inlined into."""
    names = []
    b = gdb.block_for_pc(pc)
    while b is not None:
        if b.function is not None:
            names.append(b.function.print_name)
        b = b.superblock
    if not names:
        m = gdb.execute("info symbol %d" % pc, to_string=True)
        names.append(m.split(" in section")[0] if "No symbol" not in m else "?")
    return names


def funcname(pc):
    names = funcnames(pc)
    return names[0] + ("" if len(names) == 1 else " (inlined into %s)" % names[-1])


def on_stack(gp, a):
    if int(gp["stack"]["lo"]) <= a < int(gp["stack"]["hi"]):
        return True
    s = gp["stkseg"]
    while int(s) != 0:
        if int(s) <= a < int(s["hi"]):
            return True
        s = s["prev"]
    return False


def frames(gp, pc, bp):
    """(pc, is_return_address) of each frame, walking frame pointers."""
    goexit, ms, ms_end = addr("goexit"), addr("__morestack"), addr("__morestack_end")
    first = True
    for _ in range(200):
        if pc == 0:
            return
        look = pc if first else pc - 1
        if goexit <= look < goexit + 16:
            return
        if ms <= look < ms_end:  # returning into __morestack: its frame leads back to the old segment
            if not on_stack(gp, bp):
                return
            pc, bp = u64(bp + 16), u64(bp)
            first = False
            continue
        yield look
        first = False
        if bp == 0 or bp & 7 or not on_stack(gp, bp):
            return
        pc, bp = u64(bp + 8), u64(bp)


def thread_regs(gp):
    """(rip, rbp, thread) of the thread running gp (a running goroutine's
    g.sched is stale), found by its FS base, which points at its M's tls[1]."""
    if int(gp["atomicstatus"]) not in (2, 3) or int(gp["m"]) == 0 or int(gp["m"]["curg"]) != int(gp):
        return None
    want = int(gp["m"]["tls"].address) + 8
    here = gdb.selected_thread()
    found = None
    try:
        for t in gdb.selected_inferior().threads():
            t.switch()
            try:
                if int(gdb.parse_and_eval("(unsigned long)$fs_base")) == want:
                    f = gdb.newest_frame()
                    found = (int(f.read_register("rip")), int(f.read_register("rbp")), t)
                    break
            except gdb.error:
                continue
    finally:
        if here is not None:
            here.switch()
    return found


def saved_regs(gp):
    """The pc and frame pointer gp resumes from (g.sched), or, if it is
    running, its thread's registers."""
    r = thread_regs(gp)
    if r is not None:
        return r[0], r[1]
    return int(gp["sched"]["pc"]), int(gp["sched"]["bp"])


def user_frame(gp):
    """The first frame outside the runtime: where the goroutine is, in its own code."""
    rt_lo, rt_hi = addr("__runtime_text_start"), addr("__runtime_text_end")
    pc, bp = saved_regs(gp)
    top = None
    for f in frames(gp, pc, bp):
        top = top or f
        if not (rt_lo <= f < rt_hi):
            return f
    return top or int(gp["startpc"])


class InfoGoroutines(gdb.Command):
    """List every goroutine: id, status, wait reason, the function it is in."""

    def __init__(self):
        gdb.Command.__init__(self, "info goroutines", gdb.COMMAND_STACK, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        for gp in allgs():
            st = int(gp["atomicstatus"])
            if st == 6:
                continue
            mark = "*" if int(gp["m"]) != 0 and st == 2 else " "  # Go's mark for a running goroutine
            why = wait_reason(gp) if st == 4 else ""
            status = G_STATUS.get(st, str(st)) + (" (%s)" % why if why else "")
            pc = user_frame(gp)
            print("%s %d %s %s" % (mark, int(gp["goid"]), status, funcname(pc)))


def find_goroutine(goid):
    for gp in allgs():
        if int(gp["goid"]) == goid and int(gp["atomicstatus"]) != 6:
            return gp
    return None


class GoroutineCmd(gdb.Command):
    """goroutine N bt: the stack of goroutine N, from its saved registers."""

    def __init__(self):
        gdb.Command.__init__(self, "goroutine", gdb.COMMAND_STACK, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        args = arg.split()
        if len(args) != 2 or args[1] not in ("bt", "backtrace"):
            raise gdb.GdbError("usage: goroutine N bt")
        gp = find_goroutine(int(args[0]))
        if gp is None:
            raise gdb.GdbError("no goroutine %s" % args[0])
        r = thread_regs(gp)
        if r is not None:  # running: gdb's own unwinder (CFI) also knows frames that have not set up bp yet
            here = gdb.selected_thread()
            r[2].switch()
            try:
                gdb.execute("backtrace")
            finally:
                here.switch()
            return
        pc, bp = saved_regs(gp)
        for i, f in enumerate(frames(gp, pc, bp)):
            sal = gdb.find_pc_line(f)
            where = "%s:%d" % (sal.symtab.filename, sal.line) if sal.symtab else "?"
            names = funcnames(f)
            print("#%-2d 0x%016x in %s at %s" % (i, f, names[0], where))
            for outer in names[1:]:
                print("    inlined into %s" % outer)


class InfoPs(gdb.Command):
    """List the Ps: id, status, the M holding it, run queue length."""

    def __init__(self):
        gdb.Command.__init__(self, "info ps", gdb.COMMAND_STACK, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        allp = sym("runtime::allp")
        for i in range(int(sym("runtime::allplen"))):
            pp = allp[i]
            mp = pp["m"]
            runq = (int(pp["runqtail"]) - int(pp["runqhead"])) & 0xFFFFFFFF
            nxt = pp["runnext"]
            print("P%d %s m=%s runq=%d runnext=%s schedtick=%d" % (
                int(pp["id"]), P_STATUS.get(int(pp["status"]), str(int(pp["status"]))),
                int(mp["id"]) if int(mp) else "-", runq, "g%d" % int(nxt["goid"]) if int(nxt) else "-",
                int(pp["schedtick"])))


class InfoMs(gdb.Command):
    """List the Ms: id, thread id, P, current goroutine, spinning/parked."""

    def __init__(self):
        gdb.Command.__init__(self, "info ms", gdb.COMMAND_STACK, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        mp = sym("runtime::allm")
        while int(mp) != 0:
            pp, cg = mp["p"], mp["curg"]
            state = "spinning" if bool(mp["spinning"]) else "parked" if bool(mp["blocked"]) else ""
            print("M%d tid=%d p=%s curg=%s %s" % (
                int(mp["id"]), int(mp["procid"]), "P%d" % int(pp["id"]) if int(pp) else "-",
                "g%d" % int(cg["goid"]) if int(cg) else "-", state))
            mp = mp["alllink"]


InfoGoroutines()
GoroutineCmd()
InfoPs()
InfoMs()
