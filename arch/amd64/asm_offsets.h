// asm_offsets.h — the one place where assembly learns the layout of the
// runtime's structures. Included by the .S files and by runtime2.h, which
// checks every number here with static_assert(offsetof(...)), so a field moved
// in C++ without updating this file fails the build instead of the program.
#pragma once

// struct stack
#define STACK_LO            0
#define STACK_HI            8

// struct gobuf: the callee-saved state of a suspended goroutine
#define GOBUF_SP            0
#define GOBUF_PC            8
#define GOBUF_G             16
#define GOBUF_CTXT          24   // loaded into %rdi by gogo: a new goroutine's argument
#define GOBUF_BP            32
#define GOBUF_RBX           40
#define GOBUF_R12           48
#define GOBUF_R13           56
#define GOBUF_R14           64
#define GOBUF_R15           72
#define GOBUF_SIZE          80

// struct g
#define G_STACK             0
#define G_STACKGUARD0       16
#define G_M                 24
#define G_SCHED             32
#define G_STKSEG            (G_SCHED + GOBUF_SIZE)     // current stack segment header
#define G_PREEMPT           (G_STKSEG + 12)            // bool: preemption requested (after atomicstatus)
#define G_STACKGUARD1       192
#define G_ASYNCSAVE         200                        // register save area for async preemption

// struct m
#define M_G0                0
#define M_GSIGNAL           8
#define M_CURG              16
#define M_TLS               24   // FS base is &m.tls[1], so the g slot is -8(FS)
#define TLS_SLOTS           16

// TLS slots, as offsets from the FS base.
#define TLS_G               (-8)   // getg(): the running g, as in Go
#define TLS_SELF            0      // the FS base itself (the x86-64 ABI's TCB self pointer)
#define TLS_STACKGUARD      0x70   // where gcc's -fsplit-stack prologue reads the stack limit

// struct stkseg: header at the low end of every goroutine stack segment
#define STKSEG_PREV         0
#define STKSEG_NEXT         8
#define STKSEG_LO           16
#define STKSEG_HI           24
#define STKSEG_TOTAL        32   // bytes of all segments from the base one up to this one
#define STKSEG_SIZE         40

// Stack layout constants (Go's _StackGuard, _StackMin).
#define STACK_GUARD         928  // bytes kept free below stackguard0 for prologue slack and non-split code
// What a frame may need beyond its size when __morestack places it: gcc's
// SPLIT_STACK_AVAILABLE (small frames skip the subtraction) plus 64 bytes
// of slack (newstack's and __morestack's fast path's "need").
#define MORESTACK_EXTRA     (256 + 64)

// struct morestack_record (stack.cpp): what __morestack saves below its
// frame for newstack, which checks these numbers.
#define MSR_RDI             0
#define MSR_RSI             8
#define MSR_RDX             16
#define MSR_RCX             24
#define MSR_R8              32
#define MSR_R9              40
#define MSR_RAX             48
#define MSR_R10             56   // frame size requested by the prologue
#define MSR_R11             64   // bytes of stack arguments
#define MSR_NEWSP           72   // set by newstack: where the function's frame goes
#define MSR_NEWSEG          80   // set by newstack: 1 if that is a new segment
#define MSR_RETADDR         88   // R, for newstack's diagnostics
#define MSR_XMM             96   // xmm0-7, 16 bytes each
#define MSR_SIZE            232  // keeps %rsp 16-byte aligned at the mcall

// Values shared with C++.
#define STACK_PREEMPT       0xfffffffffffffade   // stackguard0 poisoned to force morestack (Go's stackPreempt)
