# Makefile — builds the runtime and links programs against it.
#
#   make                 ./hello from user/main.cpp
#   make run             build and run ./hello
#   make PROG=f.cpp OUT=bin   link any single-file program with the same flags
#   make test            host unit tests + every test program, natively and under qemu-x86_64
#   make bench           benchmarks side by side with Go (docs/performance.md)
#
# Every program is linked twice: the first link gives the addresses of all
# functions, tools/mksymtab turns them into the name table tracebacks print
# (.gosymtab), and the second link adds that table after all code, so no
# address moves (mksymtab --check verifies it).

CXX      ?= g++
HOSTCXX  ?= g++
PROG     ?= user/main.cpp
OUT      ?= hello
BUILD    ?= build

# Freestanding: no libc, no libstdc++; of GCC's libraries only libgcc.a
# (LIBGCC below). -fsplit-stack makes every function check %fs:0x70 and call
# __morestack (docs/stacks.md).
ARCHFLAGS := -m64 -march=x86-64 -mtune=generic
CXXFLAGS_COMMON := -std=c++20 -g0 $(ARCHFLAGS) \
	-nostdlib -fno-exceptions -fno-rtti -fno-stack-protector \
	-fsplit-stack -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -fno-pic -fno-pie -fno-plt -fno-builtin-malloc \
	-ffunction-sections -fdata-sections -fno-strict-aliasing \
	-Wall -Wextra -Wno-unused-parameter
# Hot paths (scheduler, channels, allocator, stacks) are optimised for speed;
# code that runs rarely or waits on I/O anyway (printing, panics, tracebacks,
# signals, boot) for size, which keeps ./hello small.
RT_OPT        := -O2
RT_COLD       := fmt panic traceback signal_linux print os_linux runtime1 vdso_linux symtab sysmon mem_linux go_os \
	procresize go_runtime mheap
RT_CXXFLAGS   = $(CXXFLAGS_COMMON) -ffreestanding $(RT_OPT) -Iruntime -Iarch/amd64 -fno-threadsafe-statics
# The user's code is compiled as hosted C++ (no -ffreestanding), so that
# main keeps its special rules (falling off its end returns 0); no libc is
# linked either way. It carries a line table (-g1) so tracebacks show
# file:line; that is read at link time and stripped from the final binary.
USER_CXXFLAGS := $(CXXFLAGS_COMMON) -O2 -g1 -Iruntime
ASFLAGS  := -Iarch/amd64 $(ARCHFLAGS)
LDFLAGS  := -nostdlib -static -no-pie -T linker.ld -Wl,--gc-sections -Wl,--build-id=none \
	-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments

RT_CXX_SRCS := $(sort $(wildcard runtime/*.cpp))
RT_ASM_SRCS := $(sort $(wildcard arch/amd64/*.S))
RT_OBJS := $(patsubst runtime/%.cpp,$(BUILD)/rtobj/%.o,$(RT_CXX_SRCS)) \
	$(patsubst arch/amd64/%.S,$(BUILD)/rtobj/%.o,$(RT_ASM_SRCS))
RT_HDRS := $(wildcard runtime/*.h arch/amd64/*.h)

# Packages built on the runtime that are not package runtime: pkg/cxx, the
# C++ ABI and libstdc++'s out-of-line pieces, and pkg/libc, the C functions
# the standard headers call (docs/cxx-runtime.md). Compiled with the
# runtime's flags, but outside build/rtobj/ so that linker.ld counts them as
# user code (async preemption may stop them) and, like user code, with a
# line table (-g1) for their traceback frames. pkg/libc is compiled with
# -fno-builtin so that strlen's loop does not become a call to strlen.
PKG_SRCS := $(sort $(wildcard pkg/cxx/*.cpp pkg/libc/*.cpp))
PKG_OBJS := $(patsubst pkg/%.cpp,$(BUILD)/pkgobj/%.o,$(PKG_SRCS))
$(BUILD)/pkgobj/libc/%.o: PKG_FLAGS := -fno-builtin
$(BUILD)/pkgobj/cxx/throw.o $(BUILD)/pkgobj/cxx/atexit.o $(BUILD)/pkgobj/libc/abort.o: RT_OPT := -Os
# GCC's own support library (__udivti3, __popcountdi2...), which needs no
# libc; an archive, so only what a program calls is linked.
LIBGCC := $(shell $(CXX) -print-libgcc-file-name)
LINK_OBJS = $(RT_OBJS) $(PKG_OBJS) $(PROG_OBJ)

PROG_OBJ := $(BUILD)/prog/$(subst /,__,$(basename $(PROG))).o
$(patsubst %,$(BUILD)/rtobj/%.o,$(RT_COLD)): RT_OPT := -Os
MKSYMTAB := $(BUILD)/tools/mksymtab

.PHONY: all run test unit programs bench clean runtime
all: $(OUT)

# A failed recipe must not leave a half-made target behind (a binary from a
# link whose check failed would run and crash).
.DELETE_ON_ERROR:

runtime: $(RT_OBJS) $(PKG_OBJS)

# The runtime may not have static constructors: .init_array runs in
# runtime.main, after the scheduler already uses its globals (use constinit).
$(BUILD)/rtobj/%.o: runtime/%.cpp $(RT_HDRS) Makefile
	@mkdir -p $(@D)
	$(CXX) $(RT_CXXFLAGS) -MMD -MP -c $< -o $@
	@if readelf -S $@ | grep -q init_array; then echo "$<: the runtime must not have static constructors (make globals constinit)"; rm -f $@; exit 1; fi

$(BUILD)/pkgobj/%.o: pkg/%.cpp $(RT_HDRS) Makefile
	@mkdir -p $(@D)
	$(CXX) $(RT_CXXFLAGS) -g1 $(PKG_FLAGS) -MMD -MP -c $< -o $@
	@if readelf -S $@ | grep -q init_array; then echo "$<: the runtime's packages must not have static constructors (make globals constinit)"; rm -f $@; exit 1; fi

$(BUILD)/rtobj/%.o: arch/amd64/%.S $(RT_HDRS) Makefile
	@mkdir -p $(@D)
	$(CXX) $(ASFLAGS) -c $< -o $@

# -MMD: the program's object also depends on the headers it includes
# (testutil.h, an example included by a test...), recorded in a .d file.
$(PROG_OBJ): $(PROG) $(RT_HDRS) Makefile
	@mkdir -p $(@D)
	$(CXX) $(USER_CXXFLAGS) -MMD -MP -c $< -o $@

-include $(PROG_OBJ:.o=.d) $(RT_OBJS:.o=.d) $(PKG_OBJS:.o=.d)

$(MKSYMTAB): tools/mksymtab.cpp
	@mkdir -p $(@D)
	$(HOSTCXX) -std=c++17 -O2 -Wall -o $@ $<

# Two-pass link: see the top of this file. The first link's output (with
# its symbols and debug line table) stays in build/link/ for gdb; the final
# binary keeps only the boot-sequence symbols of tools/keep-symbols.txt (so
# `nm hello` shows the entry point): its traceback table is .gosymtab.
LINKDIR = $(BUILD)/link/$(notdir $(OUT))
$(OUT): $(RT_OBJS) $(PKG_OBJS) $(PROG_OBJ) linker.ld $(MKSYMTAB) tools/keep-symbols.txt
	@mkdir -p $(BUILD)/link
	$(CXX) $(LDFLAGS) -Wl,-Map=$(LINKDIR).map -o $(LINKDIR).pass1 $(LINK_OBJS) $(LIBGCC)
	$(MKSYMTAB) $(LINKDIR).pass1 $(LINKDIR).map $(LINKDIR).symtab.S
	$(CXX) -c $(LINKDIR).symtab.S -o $(LINKDIR).symtab.o
	$(CXX) $(LDFLAGS) -Wl,--strip-debug -Wl,--retain-symbols-file=tools/keep-symbols.txt -o $@ \
		$(LINK_OBJS) $(LINKDIR).symtab.o $(LIBGCC)
	$(MKSYMTAB) --check $(LINKDIR).pass1 $@

run: $(OUT)
	./$(OUT)

test:
	@tools/test.sh

# Only the integration programs: make programs [TESTS=chan_*] [MODES=native]
programs:
	@tools/test.sh programs

bench:
	@tools/bench.sh

clean:
	rm -rf $(BUILD) hello

# ---- Host unit tests (Catch2) ------------------------------------------------
# Runtime files that can run inside an ordinary process, compiled hosted
# (-DGO_HOSTED: getg() is a thread_local, see test/unit/hosted.h).
UNIT_RT_SRCS := runtime/runtime1.cpp runtime/lock_futex.cpp runtime/print.cpp runtime/mem_linux.cpp \
	runtime/vdso_linux.cpp runtime/fmt.cpp runtime/runq.cpp runtime/procresize.cpp runtime/chan.cpp \
	runtime/select.cpp
UNIT_RT_SRCS += $(UNIT_RT_EXTRA)
UNIT_RT_SRCS += runtime/malloc.cpp runtime/mheap.cpp runtime/mcentral.cpp runtime/mcache.cpp
UNIT_RT_SRCS += pkg/cxx/rbtree.cpp  # not tree.cpp: the host's libstdc++ has the std:: names
UNIT_SRCS := $(sort $(wildcard test/unit/*.cpp))
UNIT_CXXFLAGS := -std=c++20 -O1 -g -DGO_HOSTED -Iruntime -Iarch/amd64 -Ipkg/cxx -Itest/unit -pthread \
	-fno-exceptions -Wall -Wextra -Wno-unused-parameter -Wno-unused-function
UNIT_OBJS := $(patsubst %.cpp,$(BUILD)/unit/%.o,$(UNIT_RT_SRCS) $(UNIT_SRCS))

$(BUILD)/unit/%.o: %.cpp $(RT_HDRS) $(wildcard test/unit/*.h) Makefile
	@mkdir -p $(@D)
	$(HOSTCXX) $(UNIT_CXXFLAGS) $(if $(findstring test/unit,$<),-fexceptions) -c $< -o $@

$(BUILD)/unit/runner: $(UNIT_OBJS)
	$(HOSTCXX) -pthread -o $@ $^

unit: $(BUILD)/unit/runner
	$(BUILD)/unit/runner
