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

// struct asyncsave: what asyncPreempt saves for a goroutine it suspends
#define ASYNC_RIP           0
#define ASYNC_RFLAGS        8
#define ASYNC_GPR           16   // rax rbx rcx rdx rsi rdi rbp r8..r15 (15 x 8)
#define ASYNC_FPMODE        136  // 0: fxsave, 1: xsave
#define ASYNC_XMASK         144
#define ASYNC_FPSTATE       192  // 64-byte aligned within the (64-aligned) block

// Values shared with C++.
#define STACK_PREEMPT       0xfffffffffffffade   // stackguard0 poisoned to force morestack (Go's stackPreempt)
