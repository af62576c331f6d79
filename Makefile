# Makefile — builds the runtime and the packages as libraries and links
# programs against them (docs/architecture.md explains the layers).
#
#   make                 ./hello from user/main.cpp
#   make run             build and run ./hello
#   make PROG=f.cpp OUT=dir/bin   link any single-file program with the same flags
#   make install PREFIX=dir        gocxx, the headers and the libraries, for programs
#                        of many files and other build systems (docs/cxx.md)
#   make test            host unit tests + every test program + the golden suite, natively and under qemu-x86_64
#   make golden          regenerate test/golden/*.want from Go 1.19 (test/golden/README.md)
#   make bench           benchmarks side by side with Go (docs/performance.md)
#   make stress [DURATION=10m]   randomized workloads, seeded (tools/stress.sh)
#   make trace-svg       an execution trace of ./hello (or PROG=) drawn as OUT.svg (docs/trace.md)
#   make trace-docs      the pictures in docs/trace.md, regenerated
#
# Every program is linked twice: the first link gives the addresses of all
# functions, tools/mksymtab turns them into the name table tracebacks print
# (.gosymtab), and the second link adds that table after all code, so no
# address moves (mksymtab --check verifies it). The second link's output,
# with every symbol and the debug line table, stays in build/link/ for
# debuggers; the shipped binary is a stripped copy of it, and NAME.debug
# beside it holds every symbol and the DWARF, found through .gnu_debuglink
# by gdb, perf and addr2line (docs/debugging.md). DEBUG=1 ships the
# unstripped program instead.

CXX      ?= g++
HOSTCXX  ?= g++
PROG     ?= user/main.cpp
OUT      ?= hello
BUILD    ?= build

# The layers, each compiled with only the include paths it may use:
#   user code   -Iinclude            the public API and nothing else (tools/gocxx adds it,
#                                    after include/c++: headers that stop unsupported code)
#   pkg/        -Iinclude -I.        Go's packages: the API they implement, the runtime;
#                                    hosted C++ like user code (std::string is theirs too)
#   runtime/    -Iinclude -I.        package runtime (go/*.h only for the entry points it defines)
#   arch/amd64/                      assembly, offsets from asm_offsets.h
# Freestanding: no libc, no libstdc++. -fsplit-stack makes every function
# check %fs:0x70 and call __morestack (docs/stacks.md).
# The code generation flags come from the driver (tools/gocxx --print-flags),
# so user objects and the runtime's can never disagree.
ARCHFLAGS := -m64 -march=x86-64 -mtune=generic
CXXFLAGS_COMMON := -std=c++20 $(shell tools/gocxx --print-flags) -Wall -Wextra -Wno-unused-parameter
# Hot paths (scheduler, channels, allocator, stacks) are optimised for speed;
# code that runs rarely or waits on I/O anyway (printing, panics, tracebacks,
# signals, boot) for size, which keeps ./hello small.
OPT  := -O2
COLD := runtime/panic runtime/traceback runtime/signal_linux runtime/print runtime/os_linux \
	runtime/runtime1 runtime/vdso_linux runtime/symtab runtime/sysmon runtime/mem_linux \
	runtime/procresize runtime/proc_main runtime/proc_stw runtime/debug runtime/mheap runtime/trace_json pkg/os/os pkg/cxx/throw pkg/cxx/atexit pkg/libc/abort \
	$(basename $(wildcard pkg/fmt/*.cpp pkg/strconv/*.cpp pkg/unicode/utf8/*.cpp))
RT_CXXFLAGS   = $(CXXFLAGS_COMMON) -g -ffreestanding $(OPT) -Iinclude -I. -fno-threadsafe-statics
PKG_CXXFLAGS  = $(CXXFLAGS_COMMON) -g1 $(OPT) -Iinclude -I.
# User programs are compiled and linked by tools/gocxx, the driver that
# programs of many files use (docs/cxx.md): hosted C++ (no
# -ffreestanding), so that main keeps its special rules (falling off its
# end returns 0); no libc is linked either way. It adds -g1, a line table
# for tracebacks' file:line, which mksymtab reads at link time.
GOCXX      := tools/gocxx
GOCXX_RUN  := GOCXX_CXX='$(CXX)' GOCXX_BUILD='$(BUILD)' $(GOCXX)
USER_FLAGS := -O2 -Wall -Wextra -Wno-unused-parameter
# -g: the assembly's line table, so its frames (goexit, mcall) print a line.
ASFLAGS  := $(ARCHFLAGS) -g

# ---- The libraries ------------------------------------------------------------
# libruntime.a: runtime/ and arch/amd64/. Every code section of its objects
# is renamed .runtime.text* (tools/markruntime.sh), and linker.ld gathers
# those between __runtime_text_start and __runtime_text_end: that range is
# how async preemption tells runtime code from user code.
# libgo.a: Go's packages (pkg/), ordinary code as far as preemption goes.
RT_SRCS  := $(sort $(wildcard runtime/*.cpp) $(wildcard arch/amd64/*.S))
PKG_SRCS := $(sort $(shell find pkg -name '*.cpp'))
RT_OBJS  := $(patsubst %,$(BUILD)/obj/%.o,$(basename $(RT_SRCS)))
PKG_OBJS := $(patsubst %,$(BUILD)/obj/%.o,$(basename $(PKG_SRCS)))
LIBRUNTIME := $(BUILD)/lib/libruntime.a
LIBGO      := $(BUILD)/lib/libgo.a
$(patsubst %,$(BUILD)/obj/%.o,$(COLD)): OPT := -Os
# pkg/libc defines the C functions gcc would turn its loops back into
# (strlen's loop into a call to strlen): no builtins there.
$(BUILD)/obj/pkg/libc/%.o: PKG_CXXFLAGS += -fno-builtin

# A user program's object and its link temporaries are keyed by the whole
# path (a/b.cpp -> a__b.o), so two programs or outputs never collide.
key       = $(subst /,__,$(patsubst /%,%,$(1)))
PROG_OBJ := $(BUILD)/prog/$(call key,$(basename $(PROG))).o
LINKDIR  := $(BUILD)/link/$(call key,$(OUT))
MKSYMTAB := $(BUILD)/tools/mksymtab

.PHONY: all run test unit programs golden golden-test bench stress clean runtime install trace-svg trace-docs FORCE
all: $(OUT)

# A failed recipe must not leave a half-made target behind (a binary from a
# link whose check failed would run and crash).
.DELETE_ON_ERROR:

runtime: $(LIBRUNTIME) $(LIBGO) $(MKSYMTAB)

# The runtime may not have static constructors (.init_array runs in
# runtime.main, after the scheduler already uses its globals: use
# constinit); markruntime.sh refuses them.
$(BUILD)/obj/runtime/%.o: runtime/%.cpp Makefile tools/markruntime.sh
	@mkdir -p $(@D)
	$(CXX) $(RT_CXXFLAGS) -MMD -MP -MF $(@:.o=.d) -MT $@ -c $< -o $@.raw
	@tools/markruntime.sh $@.raw $@ $<

$(BUILD)/obj/arch/amd64/%.o: arch/amd64/%.S Makefile tools/markruntime.sh
	@mkdir -p $(@D)
	$(CXX) $(ASFLAGS) -MMD -MP -MF $(@:.o=.d) -MT $@ -c $< -o $@.raw
	@tools/markruntime.sh $@.raw $@ $<

$(BUILD)/obj/pkg/%.o: pkg/%.cpp Makefile
	@mkdir -p $(@D)
	$(CXX) $(PKG_CXXFLAGS) -MMD -MP -c $< -o $@

# Package math (<cmath>, docs/cxx-math.md) defines sin, pow...: -fno-builtin,
# so that GCC never turns the code of one function into a call to a libm
# name, which could be the very function being defined.
$(BUILD)/obj/pkg/math/%.o: PKG_CXXFLAGS += -fno-builtin

# Each archive also depends on the list of its members (NAME.members,
# rewritten only when the list changes), so a deleted source file leaves
# the archive too.
$(BUILD)/lib/%.members: FORCE
	@mkdir -p $(@D)
	@echo '$(MEMBERS)' | cmp -s - $@ || echo '$(MEMBERS)' >$@
$(BUILD)/lib/libruntime.members: MEMBERS = $(RT_OBJS)
$(BUILD)/lib/libgo.members: MEMBERS = $(PKG_OBJS)
FORCE:

$(LIBRUNTIME): $(RT_OBJS) $(BUILD)/lib/libruntime.members
	@rm -f $@
	ar rcsD $@ $(RT_OBJS)

$(LIBGO): $(PKG_OBJS) $(BUILD)/lib/libgo.members
	@rm -f $@
	ar rcsD $@ $(PKG_OBJS)

# -MMD: an object depends on exactly the headers it includes (a .d file;
# the runtime's are named for the marked object, not the raw one, with -MF/-MT,
# or the include below would miss them and a header change rebuild nothing).
$(PROG_OBJ): $(PROG) Makefile $(GOCXX)
	@mkdir -p $(@D)
	$(GOCXX_RUN) $(USER_FLAGS) -MMD -MP -c $< -o $@

-include $(PROG_OBJ:.o=.d) $(RT_OBJS:.o=.d) $(PKG_OBJS:.o=.d)

$(MKSYMTAB): tools/mksymtab.cpp tools/dwarf.cpp tools/dwarf.h runtime/symtab_words.h
	@mkdir -p $(@D)
	$(HOSTCXX) -std=c++17 -O2 -Wall -o $@ tools/mksymtab.cpp tools/dwarf.cpp

# ---- Linking a program -----------------------------------------------------------
# tools/gocxx links: libgo.a, libruntime.a and GCC's libgcc.a with
# linker.ld, twice, with mksymtab's table in between (see the top). It keeps
# the full program at $(LINKDIR).full, writes NAME.debug beside the program
# (linked by .gnu_debuglink, with tools/runtime-gdb.py embedded), and with
# DEBUG=1 ships the unstripped program instead.
$(OUT): $(PROG_OBJ) $(LIBRUNTIME) $(LIBGO) linker.ld $(MKSYMTAB) tools/keep-symbols.txt $(GOCXX) tools/runtime-gdb.py \
		$(LINKDIR).debugmode
	$(GOCXX_RUN) --keep-link=$(LINKDIR) $(if $(filter 1,$(DEBUG)),--unstripped) -o $@ $(PROG_OBJ)

# DEBUG=1 or not, remembered per output, so switching relinks.
$(LINKDIR).debugmode: FORCE
	@mkdir -p $(@D)
	@echo '$(DEBUG)' | cmp -s - $@ || echo '$(DEBUG)' >$@

TRACESVG := $(BUILD)/tools/tracesvg
$(TRACESVG): tools/tracesvg.cpp
	@mkdir -p $(@D)
	$(HOSTCXX) -std=c++17 -O2 -Wall -o $@ $<

# make trace-svg [PROG=f.cpp OUT=bin] [SVG=out.svg]: run the program with
# GODEBUG=tracefile (the whole run, from the boot) and draw the trace
# (docs/trace.md). TRACE=x.json draws an existing trace instead.
SVG ?= $(OUT).svg
trace-svg: $(TRACESVG) $(if $(TRACE),,$(OUT))
	$(if $(TRACE),,GODEBUG=tracefile=$(OUT).trace.json ./$(OUT) >/dev/null)
	$(TRACESVG) $(or $(TRACE),$(OUT).trace.json) $(SVG) "$(or $(TITLE),$(PROG))"

# make trace-docs: the pictures of docs/trace.md, made anew.
trace-docs: $(TRACESVG)
	$(MAKE) --no-print-directory OUT=hello PROG=user/main.cpp
	GODEBUG=tracefile=$(BUILD)/hello.trace.json ./hello >/dev/null
	$(TRACESVG) $(BUILD)/hello.trace.json docs/trace-hello-boot.svg "./hello traced from the boot (GODEBUG=tracefile)"
	$(MAKE) --no-print-directory PROG=user/examples/pipeline.cpp OUT=$(BUILD)/examples/pipeline
	GOMAXPROCS=2 GODEBUG=tracefile=$(BUILD)/pipeline.trace.json $(BUILD)/examples/pipeline >/dev/null
	$(TRACESVG) $(BUILD)/pipeline.trace.json docs/trace-pipeline.svg \
		"user/examples/pipeline.cpp from main on (GOMAXPROCS=2)" --from-main

run: $(OUT)
	./$(OUT)

# ---- Installing -------------------------------------------------------------------
# The installed gocxx finds everything from its own location (tools/gocxx):
#   bin/gocxx  include/ (go.h, go/, c++/)  lib/gocxx/ (the libraries, linker.ld,
#   keep-symbols.txt)  libexec/gocxx/mksymtab  share/gocxx/toolchain.cmake
PREFIX ?= /usr/local
install: $(LIBRUNTIME) $(LIBGO) $(MKSYMTAB)
	install -d $(PREFIX)/bin $(PREFIX)/include $(PREFIX)/lib/gocxx $(PREFIX)/libexec/gocxx $(PREFIX)/share/gocxx
	install -m 755 tools/gocxx $(PREFIX)/bin/gocxx
	cp -R include/. $(PREFIX)/include/
	install -m 644 $(LIBRUNTIME) $(LIBGO) linker.ld tools/keep-symbols.txt $(PREFIX)/lib/gocxx/
	install -m 755 $(MKSYMTAB) $(PREFIX)/libexec/gocxx/mksymtab
	install -m 644 cmake/gocxx-toolchain.cmake $(PREFIX)/share/gocxx/toolchain.cmake
	install -m 644 tools/runtime-gdb.py $(PREFIX)/share/gocxx/runtime-gdb.py

test:
	@tools/test.sh

# Only the integration programs: make programs [TESTS=chan_*] [MODES=native]
programs:
	@tools/test.sh programs

# The golden suite (test/golden/README.md): `make golden` regenerates the
# expected output from Go 1.19; `make golden-test` compares ours with it.
golden:
	@tools/golden.sh make

golden-test:
	@tools/golden.sh test

bench:
	@tools/bench.sh

# Randomized, seeded workloads under GOMAXPROCS 1-8, native and qemu:
# make stress [DURATION=10m] (tools/stress.sh; make test runs 30 s of it)
DURATION ?= 30s
stress:
	@tools/stress.sh $(DURATION)

clean:
	rm -rf $(BUILD) hello hello.debug

# ---- Host unit tests (Catch2) ------------------------------------------------
# Runtime and package files that can run inside an ordinary process,
# compiled hosted (-DGO_HOSTED: getg() is a thread_local, see
# test/unit/hosted.h).
UNIT_LIB_SRCS := runtime/runtime1.cpp runtime/lock_futex.cpp runtime/print.cpp runtime/mem_linux.cpp \
	runtime/vdso_linux.cpp runtime/runq.cpp runtime/procresize.cpp runtime/chan.cpp \
	runtime/select.cpp runtime/malloc.cpp runtime/mheap.cpp runtime/mcentral.cpp runtime/mcache.cpp \
	$(wildcard pkg/fmt/*.cpp pkg/strconv/*.cpp pkg/unicode/utf8/*.cpp)
UNIT_LIB_SRCS += $(filter-out pkg/math/cmath.cpp,$(wildcard pkg/math/*.cpp))
# pkg/cxx/rbtree.cpp but not tree.cpp, charconv.cpp but not to_chars.cpp: the
# host's libstdc++ has the std:: names.
UNIT_LIB_SRCS += pkg/cxx/rbtree.cpp pkg/cxx/charconv.cpp
UNIT_SRCS := $(sort $(wildcard test/unit/*.cpp))
UNIT_CXXFLAGS := -std=c++20 -O1 -g -DGO_HOSTED -Iinclude -I. -Iruntime -Itest/unit -pthread \
	-fno-exceptions -Wall -Wextra -Wno-unused-parameter -Wno-unused-function
UNIT_OBJS := $(patsubst %.cpp,$(BUILD)/unit/%.o,$(UNIT_LIB_SRCS) $(UNIT_SRCS))

$(BUILD)/unit/%.o: %.cpp Makefile
	@mkdir -p $(@D)
	$(HOSTCXX) $(UNIT_CXXFLAGS) $(if $(findstring test/unit,$<),-fexceptions) -MMD -MP -c $< -o $@

-include $(UNIT_OBJS:.o=.d)

$(BUILD)/unit/runner: $(UNIT_OBJS)
	$(HOSTCXX) -pthread -o $@ $^

unit: $(BUILD)/unit/runner
	$(BUILD)/unit/runner
