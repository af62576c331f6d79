// sysmon.cpp — the system monitor and scheduler tracing: Go's sysmon, retake,
// preemptone and schedtrace, which live at the end of Go's proc.go.
//
// sysmon runs on its own M without a P, so it keeps working while every P is
// busy (or stuck). Each round it retakes Ps from Ms blocked in system calls
// and preempts goroutines that have run for more than 10 ms, and polls the
// network when no M has for 10 ms. It sleeps 20 µs
// between rounds, doubling up to 10 ms once a round finds nothing to do for
// a while, and sleeps until the next timer when every P is idle.
#include "malloc.h"
#include "netpoll.h"
#include "print.h"
#include "runtime.h"

namespace runtime {

constexpr int64_t forcePreemptNS = 10 * 1000 * 1000;  // 10 ms
constexpr int64_t scavengePeriod = 10 * 1000 * 1000;  // 10 ms
static int64_t starttime;

// Tell the goroutine running on pp to stop (Go's preemptone). Best effort: it
// may not be running any more, or may be in runtime code where it cannot stop
// yet; sysmon asks again next round.
bool preemptone(p* pp) {
    m* mp = pp->m;
    if (mp == nullptr || mp == getg()->m) return false;
    g* gp = mp->curg;
    if (gp == nullptr || gp == mp->g0) return false;
    atomic::Store(&gp->preempt, true);
    // Every call in a goroutine checks for stack overflow by comparing the
    // current stack pointer to the guard; setting it to stackPreempt folds
    // preemption into the normal stack overflow check. Our guard lives in
    // the M's TLS (where -fsplit-stack reads it) as well as in the G.
    atomic::Store(&gp->stackguard0, stackPreempt);
    if (atomic::Load(&mp->curg) == gp) atomic::Store(&mp->tls[1 + TLS_STACKGUARD / 8], stackPreempt);
    // Request an async preemption of this P.
    if (debug.asyncpreemptoff == 0) {
        atomic::Store(&pp->preempt, true);
        preemptM(mp);
    }
    return true;
}

// Retake Ps blocked in system calls and preempt long-running Gs (Go's retake).
static uint32_t retake(int64_t now) {
    uint32_t n = 0;
    for (int32_t i = 0; i < atomic::Load(&allplen); i++) {
        p* pp = atomic::LoadAcq(&allp[i]);
        if (pp == nullptr) continue;
        auto* pd = &pp->sysmontick;
        uint32_t s = atomic::Load(&pp->status);
        bool sysretake = false;
        if (s == _Prunning || s == _Psyscall) {
            // Preempt G if it's running for too long.
            uint32_t t = atomic::Load(&pp->schedtick);
            if (pd->schedtick != t) {
                pd->schedtick = t;
                pd->schedwhen = now;
            } else if (pd->schedwhen + forcePreemptNS <= now) {
                preemptone(pp);
                // In case of syscall, preemptone() doesn't work, because
                // there is no M wired to P.
                sysretake = true;
            }
        }
        if (s == _Psyscall) {
            // Retake P from syscall if it's there for more than 1 sysmon tick (at least 20us).
            uint32_t t = atomic::Load(&pp->syscalltick);
            if (!sysretake && pd->syscalltick != t) {
                pd->syscalltick = t;
                pd->syscallwhen = now;
                continue;
            }
            // On the one hand we don't want to retake Ps if there is no other
            // work to do, but on the other hand we want to retake them
            // eventually because they can prevent the sysmon thread from deep sleep.
            if (runqempty(pp) && atomic::Load(&sched.nmspinning) + atomic::Load(&sched.npidle) > 0 &&
                pd->syscallwhen + 10 * 1000 * 1000 > now)
                continue;
            // Need to decrement number of idle locked Ms (pretending that one
            // more is running) before the CAS. Otherwise the M from which we
            // retake can exit the syscall, increment nmidle and report deadlock.
            incidlelocked(-1);
            if (atomic::Cas(&pp->status, s, _Pidle)) {
                n++;
                pp->syscalltick++;
                handoffp(pp);
            }
            incidlelocked(1);
        }
    }
    return n;
}

// Always runs without a P, so write barriers are not allowed (Go's sysmon).
void sysmon() {
    lock(&sched.lock);
    sched.nmsys++;
    checkdead();
    unlock(&sched.lock);

    int64_t lasttrace = 0, lastscavenge = 0;
    int idle = 0;  // how many cycles in succession we had not woken up somebody
    uint32_t delay = 0;
    for (;;) {
        if (idle == 0) delay = 20;       // start with 20us sleep...
        else if (idle > 50) delay *= 2;  // start doubling the sleep after 1ms...
        if (delay > 10 * 1000) delay = 10 * 1000;  // up to 10ms
        usleep(delay);

        // sysmon should not enter deep sleep if schedtrace is enabled so that
        // it can print that information at the right time.
        int64_t now = nanotime();
        if (debug.schedtrace <= 0 &&
            (atomic::Load(&sched.gcwaiting) || atomic::Load(&sched.npidle) == (uint32_t)atomic::Load(&gomaxprocs))) {
            // Every P is idle and sysmon may sleep for long: give back what
            // the heap does not need first, without the pacing.
            bgscavenge(~uintptr(0));
            lock(&sched.lock);
            if (atomic::Load(&sched.gcwaiting) || atomic::Load(&sched.npidle) == (uint32_t)atomic::Load(&gomaxprocs)) {
                bool syscallWake = false;
                int64_t next = timeSleepUntil();
                if (next > now) {
                    atomic::Store(&sched.sysmonwait, 1);
                    unlock(&sched.lock);
                    // Nothing runs until the next timer; Go also caps the
                    // sleep at forcegcperiod/2 (one minute).
                    int64_t sleep = 60LL * 1000 * 1000 * 1000;
                    if (next - now < sleep) sleep = next - now;
                    syscallWake = notetsleep(&sched.sysmonnote, sleep);
                    lock(&sched.lock);
                    atomic::Store(&sched.sysmonwait, 0);
                    noteclear(&sched.sysmonnote);
                }
                if (syscallWake) {
                    idle = 0;
                    delay = 20;
                }
            }
            unlock(&sched.lock);
        }
        lock(&sched.sysmonlock);
        now = nanotime();
        // Poll network if not polled for more than 10ms.
        int64_t lastpoll = atomic::Load(&sched.lastpoll);
        if (netpollinited() && lastpoll != 0 && lastpoll + 10 * 1000 * 1000 < now) {
            atomic::Cas(&sched.lastpoll, lastpoll, now);
            gList list = netpoll(0);  // non-blocking - returns list of goroutines
            if (!list.empty()) {
                // Need to decrement number of idle locked M's (pretending
                // that one more is running) before injectglist. Otherwise it
                // can lead to the following situation: injectglist grabs all
                // P's but before it starts M's to run the P's, another M
                // returns from syscall, finishes running its G, observes that
                // there is no work to do and no other running M's and
                // reports deadlock.
                incidlelocked(-1);
                injectglist(&list);
                incidlelocked(1);
            }
        }
        // Retake Ps blocked in syscalls and preempt long running Gs.
        if (retake(now) != 0) idle = 0;
        else idle++;
        // The background scavenger (Go's bgscavenge, a goroutine there):
        // free pages beyond what the heap keeps go back to the OS, at most
        // scavengeBudgetPages per scavengePeriod, so RSS follows the live heap
        // within seconds at a bounded cost to this thread.
        if (now - lastscavenge >= scavengePeriod) {
            lastscavenge = now;
            bgscavenge(scavengeBudgetPages);
        }
        if (debug.schedtrace > 0 && lasttrace + (int64_t)debug.schedtrace * 1000000 <= now) {
            lasttrace = now;
            schedtrace(debug.scheddetail > 0);
        }
        unlock(&sched.sysmonlock);
    }
}

// Print one SCHED line (and with detail, a line per P, M and G), in Go's
// format (Go 1.21's, which adds needspinning).
void schedtrace(bool detailed) {
    int64_t now = nanotime();
    if (starttime == 0) starttime = now;
    printlock();
    lock(&sched.lock);
    print("SCHED ", (now - starttime) / 1000000, "ms: gomaxprocs=", gomaxprocs, " idleprocs=", atomic::Load(&sched.npidle),
          " threads=", mcount(), " spinningthreads=", atomic::Load(&sched.nmspinning),
          " needspinning=", atomic::Load(&sched.needspinning), " idlethreads=", sched.nmidle,
          " runqueue=", sched.runqsize);
    if (detailed)
        print(" gcwaiting=", atomic::Load(&sched.gcwaiting), " nmidlelocked=", sched.nmidlelocked,
              " stopwait=", sched.stopwait, " sysmonwait=", atomic::Load(&sched.sysmonwait), "\n");
    // We must be careful while reading data from Ps, Ms and Gs. Even if we
    // hold schedlock, most data can be changed concurrently.
    for (int32_t i = 0; i < allplen; i++) {
        p* pp = allp[i];
        m* mp = pp->m;
        uint32_t h = atomic::Load(&pp->runqhead);
        uint32_t t = atomic::Load(&pp->runqtail);
        if (detailed) {
            print("  P", i, ": status=", pp->status, " schedtick=", pp->schedtick, " syscalltick=", pp->syscalltick,
                  " m=", mp ? mp->id : -1, " runqsize=", t - h, " gfreecnt=", pp->gFreeCount,
                  " timerslen=", pp->timersLen, "\n");
        } else {
            // In non-detailed mode format lengths of per-P run queues as: [len1 len2 len3 len4]
            print(" ");
            if (i == 0) print("[");
            print(t - h);
            if (i == allplen - 1) print("]\n");
        }
    }
    if (!detailed) {
        unlock(&sched.lock);
        printunlock();
        return;
    }
    for (m* mp = allm; mp != nullptr; mp = mp->alllink) {
        p* pp = mp->p;
        g* gp = mp->curg;
        print("  M", mp->id, ": p=", pp ? pp->id : -1, " curg=", gp ? gp->goid : -1, " mallocing=", mp->mallocing,
              " throwing=", mp->throwing, " preemptoff=", " locks=", mp->locks, " dying=", mp->dying,
              " spinning=", mp->spinning, " blocked=", mp->blocked, " lockedg=-1\n");
    }
    forEachG(
        [](g* gp, void*) {
            if (gp->isSystem) return;
            m* mp = gp->m;
            print("  G", gp->goid, ": status=", readgstatus(gp), "(", waitReasonString(gp->waitreason), ") m=",
                  mp ? mp->id : -1, " lockedm=-1\n");
        },
        nullptr);
    unlock(&sched.lock);
    printunlock();
}

}  // namespace runtime
