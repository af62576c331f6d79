// sys_linux_amd64.S — system call entry points that cannot be plain C++:
// those that change the stack or the thread (clone), set FS (settls), or are
// called by the kernel (the signal trampoline and its restorer).
// Read beside Go's src/runtime/sys_linux_amd64.s.
#include "asm_offsets.h"

#define SYS_rt_sigreturn	15
#define SYS_clone		56
#define SYS_exit		60
#define SYS_arch_prctl		158
#define SYS_gettid		186
#define ARCH_SET_FS		0x1002
#define CLONE_SETTLS		0x80000

	.text

// void settls(uintptr* tls)
// Make FS point at tls+8 (ELF's TLS ABI wants to use -8(FS) for g), and store
// the FS base at 0(FS), the x86-64 ABI's thread-control-block self pointer.
	.globl	settls
	.type	settls, @function
settls:
	addq	$8, %rdi		// ELF wants to use -8(FS)
	movq	%rdi, (%rdi)		// TLS_SELF
	movq	%rdi, %rsi		// addr
	movl	$ARCH_SET_FS, %edi	// code
	movl	$SYS_arch_prctl, %eax
	syscall
	cmpq	$-4095, %rax
	jae	1f
	ret
1:	leaq	settlsmsg(%rip), %rdi
	movq	$settlslen, %rsi
	jmp	rt0_fatal

// int32 clone(int32 flags, void* stk, m* mp, g* gp, void (*fn)(void))
// Start an OS thread on stack stk. In the child, FS is set to mp's TLS
// (CLONE_SETTLS), g = gp, the split-stack guard is gp's, and fn runs; fn must
// not return (if it does, the thread exits with status 111, as in Go).
// Returns the child's tid in the parent, or -errno.
	.globl	clone
	.type	clone, @function
clone:
	pushq	%r12			// callee-saved in the parent; the child has
	pushq	%r13			// its own stack and never returns here
	// Copy mp, gp, fn into registers the syscall preserves, for the child.
	movq	%rdx, %r13		// mp
	movq	%rcx, %r9		// gp
	movq	%r8, %r12		// fn
	xorl	%edx, %edx		// parent_tid
	xorl	%r10d, %r10d		// child_tid
	xorl	%r8d, %r8d		// tls
	testq	%r13, %r13
	jz	1f
	testq	%r9, %r9
	jz	1f
	leaq	(M_TLS+8)(%r13), %r8	// tls = &mp->tls[1]: ELF wants to use -8(FS)
	orl	$CLONE_SETTLS, %edi
1:
	movl	$SYS_clone, %eax
	syscall
	testq	%rax, %rax
	jz	2f
	// In the parent: return the tid or -errno.
	popq	%r13
	popq	%r12
	ret
2:
	// In the child, on the new stack.
	movq	%rsi, %rsp
	testq	%r13, %r13
	jz	3f
	testq	%r9, %r9
	jz	3f
	// g = gp, gp->m = mp, and the split-stack guard is gp's.
	movq	%r13, G_M(%r9)
	movq	%r9, %fs:TLS_G
	movq	G_STACKGUARD0(%r9), %rax
	movq	%rax, %fs:TLS_STACKGUARD
3:
	xorl	%ebp, %ebp		// end of the frame-pointer chain
	call	*%r12
	// It shouldn't return. If it does, exit that thread.
4:	movl	$111, %edi
	movl	$SYS_exit, %eax
	syscall
	jmp	4b

// void sigreturn__sigaction(void)
// The signal restorer (SA_RESTORER): the kernel's rt_sigreturn. Without our
// own restorer, returning from a handler crashes (no libc provides one).
	.globl	sigreturn__sigaction
	.type	sigreturn__sigaction, @function
sigreturn__sigaction:
	movl	$SYS_rt_sigreturn, %eax
	syscall
	ud2

	.section .rodata
settlsmsg:
	.ascii	"fatal error: runtime: arch_prctl(ARCH_SET_FS) failed\n"
	.set	settlslen, . - settlsmsg

	.section .note.GNU-stack,"",@progbits
