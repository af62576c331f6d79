// rt0_linux_amd64.S — the program's first instructions, as in Go's
// rt0_linux_amd64.s and asm_amd64.s (rt0_go). Read beside them: the steps and
// their order are the same; what Go does for cgo and CPU feature checks is left
// out, and the split-stack guard slot is published once TLS works.
#include "asm_offsets.h"

	.text

// void _rt0_amd64_linux(void)
// The ELF entry point (linker.ld: ENTRY(_rt0_amd64_linux)). The kernel left
// argc at 0(%rsp), then argv[0..argc], NULL, envp..., NULL, auxv.
	.globl	_rt0_amd64_linux
	.type	_rt0_amd64_linux, @function
_rt0_amd64_linux:
	jmp	_rt0_amd64

// void _rt0_amd64(void)
// Common amd64 start-up: argc and argv become rt0_go's two arguments.
	.globl	_rt0_amd64
	.type	_rt0_amd64, @function
_rt0_amd64:
	movq	0(%rsp), %rdi		// argc
	leaq	8(%rsp), %rsi		// argv
	jmp	rt0_go

// void rt0_go(int64 argc, char** argv)
	.globl	rt0_go
	.type	rt0_go, @function
rt0_go:
	// Copy the arguments forward onto an even (16-byte aligned) stack.
	movq	%rdi, %rax		// argc
	movq	%rsi, %rbx		// argv
	subq	$(5*8), %rsp		// 3 args, 2 autos, as Go reserves
	andq	$~15, %rsp
	movq	%rax, 24(%rsp)
	movq	%rbx, 32(%rsp)

	// Create g0's stack ("istack") out of the OS stack: 64 KB below SP.
	leaq	g0(%rip), %rdi
	leaq	(-64*1024+104)(%rsp), %rbx
	movq	%rbx, G_STACKGUARD0(%rdi)
	movq	%rbx, G_STACKGUARD1(%rdi)
	movq	%rbx, (G_STACK+STACK_LO)(%rdi)
	movq	%rsp, (G_STACK+STACK_HI)(%rdi)

	// Thread-local storage: FS points into m0.tls.
	leaq	m0+M_TLS(%rip), %rdi
	call	settls

	// Store through it, to make sure it works: -8(FS) must be m0.tls[0].
	movq	$0x123, %fs:TLS_G
	movq	m0+M_TLS(%rip), %rax
	cmpq	$0x123, %rax
	je	1f
	leaq	tlsbadmsg(%rip), %rdi
	movq	$tlsbadlen, %rsi
	jmp	rt0_fatal
1:
	// Set the per-goroutine and per-machine "registers": g = &g0, m0.g0 = &g0, g0.m = &m0.
	leaq	g0(%rip), %rcx
	movq	%rcx, %fs:TLS_G
	leaq	m0(%rip), %rax
	movq	%rcx, M_G0(%rax)
	movq	%rax, G_M(%rcx)

	// From here on, C++ code compiled with -fsplit-stack may run: its prologue
	// compares SP with %fs:TLS_STACKGUARD, so publish g0's guard there.
	movq	G_STACKGUARD0(%rcx), %rdx
	movq	%rdx, %fs:TLS_STACKGUARD

	cld				// convention: the direction flag is always clear

	// args(argc, argv): argc, argv, envp, auxv.
	movl	24(%rsp), %edi
	movq	32(%rsp), %rsi
	call	args
	// osinit(): ncpu, huge page size.
	call	osinit
	// schedinit(): locks, stacks, allocator, m0, args/env, GODEBUG, procresize.
	call	schedinit

	// Create a new goroutine to start the program: newproc(runtime.main).
	leaq	runtime_main(%rip), %rdi
	xorl	%esi, %esi
	call	newproc_main

	// Start this M: schedule() runs runtime.main on the new goroutine.
	call	mstart
	ud2				// mstart never returns

// [[noreturn]] void rt0_fatal(const char* msg, long len)
// Write a message and exit 2, without touching memory the runtime may not
// have set up yet (no TLS, no g).
	.globl	rt0_fatal
	.type	rt0_fatal, @function
rt0_fatal:
	movq	%rsi, %rdx		// len
	movq	%rdi, %rsi		// buf
	movl	$2, %edi		// fd 2
	movl	$1, %eax		// SYS_write
	syscall
	movl	$2, %edi		// status 2, as for any fatal error
	movl	$231, %eax		// SYS_exit_group
	syscall
	ud2

	.section .rodata
tlsbadmsg:
	.ascii	"fatal error: runtime: TLS check failed: -8(FS) does not alias m0.tls[0]\n"
	.set	tlsbadlen, . - tlsbadmsg

	.section .note.GNU-stack,"",@progbits
