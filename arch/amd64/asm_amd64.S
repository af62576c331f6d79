// asm_amd64.S — switching between goroutines and stacks, as in Go's
// src/runtime/asm_amd64.s (gogo, mcall, systemstack, goexit, morestack).
//
// The C ABI differs from Go's in one way that matters here: rbx, rbp and
// r12-r15 are callee-saved. Every switch happens at a call, so those six and
// rsp/rip are all a suspended goroutine needs (struct gobuf); the other
// registers are dead across the call by the ABI.
//
// Each routine runs without a split-stack prologue: assembly never calls
// __morestack, and it keeps %fs:TLS_STACKGUARD equal to the guard of the stack
// it leaves running (g.stackguard0 of the goroutine in the TLS g slot).
#include "asm_offsets.h"

	.text

// void gogo(gobuf* buf)
// Resume the goroutine saved in buf: make it g, publish its stack guard,
// restore its callee-saved registers and stack, load buf->ctxt into %rdi (a
// fresh goroutine's argument), and jump to buf->pc. Does not return.
	.globl	gogo
	.type	gogo, @function
gogo:
	movq	GOBUF_G(%rdi), %rdx
	movq	%rdx, %fs:TLS_G			// g = buf->g
	movq	G_STACKGUARD0(%rdx), %rax
	movq	%rax, %fs:TLS_STACKGUARD	// its split-stack limit (or stackPreempt)
	movq	GOBUF_SP(%rdi), %rsp
	movq	GOBUF_BP(%rdi), %rbp
	movq	GOBUF_RBX(%rdi), %rbx
	movq	GOBUF_R12(%rdi), %r12
	movq	GOBUF_R13(%rdi), %r13
	movq	GOBUF_R14(%rdi), %r14
	movq	GOBUF_R15(%rdi), %r15
	movq	GOBUF_PC(%rdi), %rax
	movq	GOBUF_CTXT(%rdi), %rdi
	jmp	*%rax

// void mcall(void (*fn)(g*))
// Switch to m->g0's stack and call fn(g), where g is the goroutine that made
// the call. mcall saves g's state in g->sched so that fn can later resume it
// with gogo(&g->sched); fn must not return (it calls schedule or gogo).
	.globl	mcall
	.type	mcall, @function
mcall:
	movq	%fs:TLS_G, %rax			// gp = getg()
	// Save the caller's state in gp->sched.
	movq	(%rsp), %rcx
	movq	%rcx, (G_SCHED+GOBUF_PC)(%rax)	// resume at our return address
	leaq	8(%rsp), %rcx
	movq	%rcx, (G_SCHED+GOBUF_SP)(%rax)	// with the caller's SP
	movq	%rax, (G_SCHED+GOBUF_G)(%rax)
	movq	$0, (G_SCHED+GOBUF_CTXT)(%rax)
	movq	%rbp, (G_SCHED+GOBUF_BP)(%rax)
	movq	%rbx, (G_SCHED+GOBUF_RBX)(%rax)
	movq	%r12, (G_SCHED+GOBUF_R12)(%rax)
	movq	%r13, (G_SCHED+GOBUF_R13)(%rax)
	movq	%r14, (G_SCHED+GOBUF_R14)(%rax)
	movq	%r15, (G_SCHED+GOBUF_R15)(%rax)
	// Switch to m->g0 and its stack.
	movq	G_M(%rax), %rcx
	movq	M_G0(%rcx), %rsi
	cmpq	%rsi, %rax
	je	.Lmcall_bad			// mcall on g0 is a bug
	movq	%rsi, %fs:TLS_G			// g = g0
	movq	G_STACKGUARD0(%rsi), %rdx
	movq	%rdx, %fs:TLS_STACKGUARD
	movq	(G_SCHED+GOBUF_SP)(%rsi), %rsp	// g0's scheduling stack
	xorl	%ebp, %ebp			// g0's frames start a new chain
	movq	%rdi, %rcx
	movq	%rax, %rdi			// fn(gp)
	call	*%rcx
	call	badmcall2			// "mcall function returned"
	ud2
.Lmcall_bad:
	call	badmcall			// "mcall called on m->g0 stack"
	ud2

// void systemstack(void (*fn)(void*), void* arg)
// Run fn(arg) on the M's g0 stack and come back. Already on g0 or gsignal, it
// is a plain call. While fn runs, the goroutine's sched records where it was,
// so tracebacks can walk it.
	.globl	systemstack
	.type	systemstack, @function
systemstack:
	movq	%fs:TLS_G, %rax			// gp
	movq	G_M(%rax), %rcx
	movq	M_G0(%rcx), %rdx
	cmpq	%rdx, %rax
	je	.Lsys_direct			// on g0: call fn directly
	cmpq	M_GSIGNAL(%rcx), %rax
	je	.Lsys_direct			// on gsignal: same
	cmpq	M_CURG(%rcx), %rax
	jne	.Lsys_bad			// a g that is neither: bad
	// Record where gp is, for tracebacks.
	movq	(%rsp), %r8
	movq	%r8, (G_SCHED+GOBUF_PC)(%rax)
	leaq	8(%rsp), %r8
	movq	%r8, (G_SCHED+GOBUF_SP)(%rax)
	movq	%rbp, (G_SCHED+GOBUF_BP)(%rax)
	// Switch to g0, keeping gp and our SP on g0's stack.
	movq	%rsp, %r8			// old SP
	movq	(G_SCHED+GOBUF_SP)(%rdx), %rsp
	pushq	%r8				// 0x8(%rsp): old SP
	pushq	%rax				// 0x0(%rsp): gp (keeps the 16-byte alignment)
	movq	%rdx, %fs:TLS_G
	movq	G_STACKGUARD0(%rdx), %r9
	movq	%r9, %fs:TLS_STACKGUARD
	movq	%rdi, %rcx
	movq	%rsi, %rdi
	call	*%rcx				// fn(arg)
	// Switch back to gp.
	popq	%rax
	popq	%rsp
	movq	%rax, %fs:TLS_G
	movq	G_STACKGUARD0(%rax), %r9
	movq	%r9, %fs:TLS_STACKGUARD
	movq	$0, (G_SCHED+GOBUF_SP)(%rax)	// no longer a valid resume point
	ret
.Lsys_direct:
	movq	%rdi, %rcx
	movq	%rsi, %rdi
	jmp	*%rcx				// tail call fn(arg)
.Lsys_bad:
	call	badsystemstack			// "systemstack called from unexpected goroutine"
	ud2

// void goexit(void)
// The return address of every goroutine's first frame: when the goroutine's
// function returns, it "returns" to goexit+1, which finishes the goroutine.
// The leading nop makes that return address fall inside goexit, so tracebacks
// show goexit as the outermost frame, exactly as Go does (PCQuantum).
	.globl	goexit
	.type	goexit, @function
goexit:
	nop
	call	goexit1				// does not return
	ud2
	.size	goexit, . - goexit

// void __morestack(void)
// The stack-growth entry of gcc's -fsplit-stack prologue; never called from
// C. %r10 = the frame size, %r11 = bytes of stack arguments:
//
//	cmp  %fs:0x70, %rsp     (or lea -N(%rsp),%r11; cmp %fs:0x70,%r11)
//	jb   1f
//	...body...
//   1:	mov  $framesize, %r10
//	mov  $argsize, %r11
//	call __morestack
//	ret
//	<body starts here, at the return address + 1>
//
// On entry: 0(%rsp) is that return address R, 8(%rsp) the function's own
// return address, 16(%rsp) its stack arguments (%r11 bytes); every argument
// register is live, and %rax too (the varargs vector count, or the static
// chain gcc moved out of %r10). We keep a frame on the current (old) stack
// whose %rbp the function may use after us: gcc's varargs code reads its
// stack arguments at 24(%rbp) when entered from here.
//
// Two paths decide where the function runs:
//
// * The fast path, the hot split: the segment after the current one is
//   cached (stkseg.next; a call crossed there before) and big enough, and no
//   preemption is requested. Switch to it right here: set the fields newstack
//   would, copy the stack arguments, call R+1. Only four registers are saved
//   (pushed below our frame), and the guard is written with plain stores.
//   Go's copystack writes it the same way and notes it "might clobber a
//   preempt request"; here a request that sysmon makes between our check of
//   g.preempt and our store is re-armed from g.preempt (which stays set) at
//   the next crossing or return, or repeated by sysmon's next round.
// * The general path: save every argument register in a record (struct
//   morestack_record, stack.cpp; MSR_* in asm_offsets.h) and let newstack()
//   decide on g0, through mcall, as Go's morestack does: it may honour a
//   pending preemption by rescheduling this goroutine, then sets rec.newsp to
//   a new segment's top, or to this record (the function still fits here).
//
// When a function that ran on the next segment returns, .Lms_giveback
// switches back (the segment stays cached in stkseg.next) and we return to
// R, whose ret returns to the function's caller.
#define REC(off)	(off - MSR_SIZE)(%rbp)
#define FAST_RAX	-8(%rbp)		// the fast path's saved registers
#define FAST_RCX	-16(%rbp)
#define FAST_RSI	-24(%rbp)
#define FAST_RDI	-32(%rbp)

	.globl	__morestack
	.hidden	__morestack
	.type	__morestack, @function
__morestack:
	pushq	%rbp
	movq	%rsp, %rbp
	// Fast path: free four scratch registers.
	pushq	%rax
	pushq	%rcx
	pushq	%rsi
	pushq	%rdi
	// A preemption request (g.preempt) goes to newstack, with the guard
	// poisoned again in case a crossing overwrote sysmon's stackPreempt.
	movq	%fs:TLS_G, %rax
	cmpb	$0, G_PREEMPT(%rax)
	jne	.Lms_rearm
	// g0 and gsignal have no segments (stkseg == nil): general path.
	movq	G_STKSEG(%rax), %rcx
	testq	%rcx, %rcx
	jz	.Lms_slow
	// The cached next segment, if any.
	movq	STKSEG_NEXT(%rcx), %rcx
	testq	%rcx, %rcx
	jz	.Lms_slow
	// Room for the frame, the arguments and the guard: newstack's test
	// (hi - lo >= framesize + argsize + MORESTACK_EXTRA + StackGuard).
	movq	STKSEG_HI(%rcx), %rdi
	subq	STKSEG_LO(%rcx), %rdi
	subq	$(MORESTACK_EXTRA + STACK_GUARD), %rdi	// never borrows: a segment is >= 2 KB
	subq	%r10, %rdi
	jb	.Lms_slow
	cmpq	%r11, %rdi
	jb	.Lms_slow
	// SetMaxStack may have lowered the limit since the segment was cached.
	movq	STKSEG_TOTAL(%rcx), %rdi
	cmpq	_ZN7runtime12maxstacksizeE(%rip), %rdi
	ja	.Lms_slow
	// Switch g to the cached segment: stkseg, stack.hi, stack.lo, and the
	// guard in g and in the TLS slot the prologues read.
	movq	%rcx, G_STKSEG(%rax)
	movq	STKSEG_HI(%rcx), %rdi
	movq	%rdi, (G_STACK+STACK_HI)(%rax)
	movq	STKSEG_LO(%rcx), %rcx
	movq	%rcx, (G_STACK+STACK_LO)(%rax)
	addq	$STACK_GUARD, %rcx
	movq	%rcx, G_STACKGUARD0(%rax)
	movq	%rcx, %fs:TLS_STACKGUARD
	// The new SP: below the stack arguments, 16-byte aligned.
	subq	%r11, %rdi
	andq	$~15, %rdi
	movq	%rdi, %rax
	// Copy the stack arguments, if any (rep movsb costs even for 0).
	movq	%r11, %rcx
	jrcxz	1f
	leaq	24(%rbp), %rsi			// the caller pushed them above our frame
	rep movsb
1:
	// Switch SP, restore the scratch registers and call the body.
	movq	%rax, %rsp
	movq	FAST_RDI, %rdi
	movq	FAST_RSI, %rsi
	movq	FAST_RCX, %rcx
	movq	FAST_RAX, %rax
	movq	8(%rbp), %r11
	incq	%r11				// the body starts after the prologue's ret
	call	*%r11
	jmp	.Lms_giveback

.Lms_rearm:
	// Poison the guard (g and TLS) so that newstack sees the request.
	movq	$STACK_PREEMPT, %rcx
	movq	%rcx, G_STACKGUARD0(%rax)
	movq	%rcx, %fs:TLS_STACKGUARD
.Lms_slow:
	// Leave the fast path: restore its scratch registers and pop them.
	movq	FAST_RDI, %rdi
	movq	FAST_RSI, %rsi
	movq	FAST_RCX, %rcx
	movq	FAST_RAX, %rax
	movq	%rbp, %rsp
	// General path: the record, with every argument register.
	subq	$MSR_SIZE, %rsp
	movq	%rdi, MSR_RDI(%rsp)
	movq	%rsi, MSR_RSI(%rsp)
	movq	%rdx, MSR_RDX(%rsp)
	movq	%rcx, MSR_RCX(%rsp)
	movq	%r8, MSR_R8(%rsp)
	movq	%r9, MSR_R9(%rsp)
	movq	%rax, MSR_RAX(%rsp)
	movq	%r10, MSR_R10(%rsp)
	movq	%r11, MSR_R11(%rsp)
	movq	8(%rbp), %rax
	movq	%rax, MSR_RETADDR(%rsp)
	movups	%xmm0, (MSR_XMM+0*16)(%rsp)
	movups	%xmm1, (MSR_XMM+1*16)(%rsp)
	movups	%xmm2, (MSR_XMM+2*16)(%rsp)
	movups	%xmm3, (MSR_XMM+3*16)(%rsp)
	movups	%xmm4, (MSR_XMM+4*16)(%rsp)
	movups	%xmm5, (MSR_XMM+5*16)(%rsp)
	movups	%xmm6, (MSR_XMM+6*16)(%rsp)
	movups	%xmm7, (MSR_XMM+7*16)(%rsp)
	// Only a user goroutine can grow: g0 and gsignal have fixed stacks.
	movq	%fs:TLS_G, %rax
	movq	G_M(%rax), %rcx
	cmpq	M_G0(%rcx), %rax
	je	.Lms_system
	cmpq	M_GSIGNAL(%rcx), %rax
	je	.Lms_system
.Lms_ask:
	// Ask newstack (on g0) where to run; gp->sched.sp will be this record.
	movq	$0, MSR_NEWSP(%rsp)
	leaq	newstack(%rip), %rdi
	call	mcall
	// Resumed by gogo(&gp->sched). newsp == 0: we were preempted; ask again.
.Lms_decided:
	movq	MSR_NEWSP(%rsp), %rax
	testq	%rax, %rax
	jz	.Lms_ask
	// Copy the stack arguments below newsp, keeping 16-byte alignment.
	movq	MSR_R11(%rsp), %rcx
	subq	%rcx, %rax
	andq	$~15, %rax
	jrcxz	1f				// none (the common case): rep movsb costs even for 0
	movq	%rax, %rdi
	leaq	24(%rbp), %rsi			// the caller pushed them above our frame
	rep movsb
1:
	// Switch to the new frame and restore the arguments.
	movq	%rax, %rsp
	movups	REC(MSR_XMM+0*16), %xmm0
	movups	REC(MSR_XMM+1*16), %xmm1
	movups	REC(MSR_XMM+2*16), %xmm2
	movups	REC(MSR_XMM+3*16), %xmm3
	movups	REC(MSR_XMM+4*16), %xmm4
	movups	REC(MSR_XMM+5*16), %xmm5
	movups	REC(MSR_XMM+6*16), %xmm6
	movups	REC(MSR_XMM+7*16), %xmm7
	movq	REC(MSR_RDI), %rdi
	movq	REC(MSR_RSI), %rsi
	movq	REC(MSR_RDX), %rdx
	movq	REC(MSR_RCX), %rcx
	movq	REC(MSR_R8), %r8
	movq	REC(MSR_R9), %r9
	movq	REC(MSR_RAX), %rax
	movq	8(%rbp), %r11
	incq	%r11				// the body starts after the prologue's ret
	call	*%r11
	// The function returned: rax, rdx, xmm0, xmm1 and st(0) may hold its
	// result. It ran below the record (still this segment): nothing to undo.
	cmpq	$0, REC(MSR_NEWSEG)
	je	.Lms_return
.Lms_giveback:
	// Back to the previous segment (the one we were called on; this
	// goroutine may be on another M by now, so g comes from TLS again):
	// g.stkseg = prev, g.stack = prev's bounds. Only rcx, rsi and rdi are
	// used: the others may hold the result.
	movq	%fs:TLS_G, %rdi
	movq	G_STKSEG(%rdi), %rsi
	movq	STKSEG_PREV(%rsi), %rsi
	movq	%rsi, G_STKSEG(%rdi)
	movq	STKSEG_HI(%rsi), %rcx
	movq	%rcx, (G_STACK+STACK_HI)(%rdi)
	movq	STKSEG_LO(%rsi), %rcx
	movq	%rcx, (G_STACK+STACK_LO)(%rdi)
	// The guard is prev's, or stackPreempt if a request is pending (one
	// newstack let wait, or one whose guard store a crossing overwrote).
	addq	$STACK_GUARD, %rcx
	cmpb	$0, G_PREEMPT(%rdi)
	je	1f
	movq	$STACK_PREEMPT, %rcx
1:
	movq	%rcx, G_STACKGUARD0(%rdi)
	movq	%rcx, %fs:TLS_STACKGUARD
.Lms_return:
	leave
	ret					// to R, whose ret returns to the caller
.Lms_system:
	// On g0 or gsignal, whose stacks are fixed. sysmon may have poisoned
	// this M's guard with stackPreempt for the goroutine it ran a moment
	// ago (preemptone), and a signal may even have restored it since: so
	// decide with the real limit. If SP minus the frame is still above
	// stack.lo + StackGuard, the check failed spuriously: republish the
	// guard and run the function right here. Otherwise the stack is full.
	movq	(G_STACK+STACK_LO)(%rax), %rdx
	addq	$STACK_GUARD, %rdx
	movq	%rsp, %r9
	subq	MSR_R10(%rsp), %r9
	cmpq	%rdx, %r9
	jb	.Lms_overflow
	movq	G_STACKGUARD0(%rax), %rdx
	movq	%rdx, %fs:TLS_STACKGUARD
	movq	%rsp, MSR_NEWSP(%rsp)		// the function's frame goes below this record
	movq	$0, MSR_NEWSEG(%rsp)
	jmp	.Lms_decided
.Lms_overflow:
	movq	%rsp, %rdi
	movq	%rax, %rsi
	call	morestackg0			// "morestack on g0" / "on gsignal"
	ud2
	.size	__morestack, . - __morestack
	.globl	__morestack_end
	.hidden	__morestack_end
__morestack_end:				// for tracebacks: the end of __morestack

// void asyncPreempt(void)
// Entered, never called: the preemption signal handler found the goroutine
// at an asynchronous safe point and made it look as if the interrupted
// instruction were "call asyncPreempt" (signal_linux.cpp, pushCall), with the
// return address below the 128-byte red zone. Save every register — the
// general ones on the stack, the x87/SSE/AVX state in g.asyncsave with xsave
// (fxsave when the OS has no xsave) — let asyncPreempt2 reschedule the
// goroutine, then restore it all and return to the interrupted instruction,
// skipping the red zone again (ret $128). Go's preempt_amd64.s.
	.globl	asyncPreempt
	.type	asyncPreempt, @function
asyncPreempt:
	pushq	%rbp
	movq	%rsp, %rbp			// a real frame: tracebacks walk through it
	pushfq
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	andq	$-16, %rsp			// C ABI alignment for the call
	movq	%fs:TLS_G, %rbx
	movq	G_ASYNCSAVE(%rbx), %rbx		// 64-byte aligned; survives the call (callee-saved)
	cmpl	$0, xsaveSize(%rip)
	je	.Lap_fxsave
	movl	$-1, %eax			// every state component XCR0 enables
	movl	$-1, %edx
	xsave64	(%rbx)
	jmp	.Lap_saved
.Lap_fxsave:
	fxsave64 (%rbx)
.Lap_saved:
	call	asyncPreempt2			// returns when the goroutine runs again
	cmpl	$0, xsaveSize(%rip)
	je	.Lap_fxrstor
	movl	$-1, %eax
	movl	$-1, %edx
	xrstor64 (%rbx)
	jmp	.Lap_restored
.Lap_fxrstor:
	fxrstor64 (%rbx)
.Lap_restored:
	leaq	-120(%rbp), %rsp		// back to the saved general registers
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	popfq
	popq	%rbp
	ret	$128				// to the interrupted PC, past the red zone
	.size	asyncPreempt, . - asyncPreempt

	.section .note.GNU-stack,"",@progbits
