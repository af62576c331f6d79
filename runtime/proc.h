// proc.h — what the scheduler's files (proc*.cpp, procresize.cpp, sysmon.cpp)
// share beyond runtime.h.
#pragma once
#include "runtime.h"

namespace runtime {

// ---- procresize.cpp: steal order, P masks, idle Ps ----------------------------
// Visit 0..count-1 in a random order, by striding with an increment coprime
// to count (Go's randomOrder / randomEnum, used as stealOrder).
struct randomOrder {
    uint32_t count;
    uint32_t coprimes[MaxGomaxprocs];
    uint32_t ncoprimes;
    void reset(uint32_t n);
};
struct randomEnum {
    uint32_t i, count, pos, inc;
    bool done() const { return i == count; }
    void next() {
        i++;
        pos = (pos + inc) % count;
    }
    uint32_t position() const { return pos; }
};
extern randomOrder stealOrder;  // [world stopped to reset]
randomEnum stealStart(uint32_t r);

// A bitmask of Ps, read without locks (Go's pMask).
struct pMask {
    uint32_t bits[MaxGomaxprocs / 32];
    bool read(uint32_t id) const { return (atomic::Load(&bits[id / 32]) >> (id % 32)) & 1; }
    // Reading first saves a locked instruction on a word every CPU reads
    // whenever the bit is already right. Safe because no bit is set and
    // cleared concurrently: idlepMask changes only under sched.lock, and
    // timerpMask bits are only ever set (as in Go 1.19 when a P keeps timers).
    void set(int32_t id) {
        if (!read((uint32_t)id)) atomic::Or(&bits[id / 32], 1u << (id % 32));
    }
    void clear(int32_t id) {
        if (read((uint32_t)id)) atomic::And(&bits[id / 32], ~(1u << (id % 32)));
    }
};
extern pMask idlepMask;   // Ps on the idle list
extern pMask timerpMask;  // Ps that may have timers
void timerpMaskSet(int32_t id);

p* pidlegetSpinning();

// ---- proc.cpp --------------------------------------------------------------------
void boottraceStep(const char* s);  // one GODEBUG=boottrace=1 line
void allgadd(g* gp);                // publish a new G on allgs
void becomeSpinning();              // this M starts looking for work
void resetspinning();               // it found some: stop spinning, maybe wake another
void gcstopm();                     // stop this M for a stop-the-world (runtime2.h: the name)

// ---- proc_schedule.cpp -----------------------------------------------------------
void dropg();                       // detach m->curg from this M

}  // namespace runtime
