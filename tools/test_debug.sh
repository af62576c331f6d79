#!/usr/bin/env bash
# test_debug.sh — the debugging tools' tests (docs/trace.md, docs/debugging.md),
# run by `make test` after the programs, or alone: tools/test.sh debug.
#
#   trace    test/programs/trace_run.cpp traced through go::trace and through
#            GODEBUG=tracefile, natively and under qemu-x86_64, and trace_exit /
#            trace_panic ended by os::Exit(3) and a panic: the JSON parses
#            (tools/tracesvg --check, and python3 -m json.tool when present), its
#            events are consistent, the boot steps come in rt0_go's order, and
#            the SVG has one lane per P
#   debugfile  the shipped binary has no DWARF and a .gnu_debuglink to NAME.debug;
#            addr2line on a traceback's pc names the user's file and line
#   lines    every frame of a GOTRACEBACK=system dump (runtime, library, asm,
#            user) prints the file:line addr2line gives for its pc
#   gdb      test/programs/gdb_goroutines.cpp stopped at a breakpoint with 100
#            goroutines parked: tools/runtime-gdb.py (auto-loaded from NAME.debug)
#            lists them with the right wait reasons and walks their stacks, on the
#            live process, on a core file, and under qemu-x86_64 -g (gdb's remote stub)
#
# MODES=native,qemu as for tools/test.sh. Exit status 1 if anything failed.
set -u
cd "$(dirname "$0")/.." || exit 1
MODES=${MODES:-native,qemu}
OUT=build/tests/debug
mkdir -p "$OUT"
FAILED=0
pass() { echo "PASS $*"; }
fail() {
    echo "FAIL: $*"
    FAILED=1
}
build() {  # build NAME: test/programs/NAME.cpp -> build/tests/NAME
    make --no-print-directory -s PROG="test/programs/$1.cpp" OUT="build/tests/$1" >"$OUT/$1.build.log" 2>&1 ||
        fail "make PROG=test/programs/$1.cpp: $(tail -n 3 "$OUT/$1.build.log")"
}

make --no-print-directory -s build/tools/tracesvg >"$OUT/tracesvg.build.log" 2>&1 || fail "build tools/tracesvg"
build trace_run
build trace_exit
build trace_panic
build fail_panic
build fail_traceback_lines
build gdb_goroutines
TRACESVG=build/tools/tracesvg

# ---- trace ----------------------------------------------------------------------------
check_trace() {  # check_trace LABEL FILE [--boot]
    local label=$1 file=$2
    shift 2
    local out
    if out=$($TRACESVG --check "$file" "$@" 2>&1); then pass "trace $label: $out"; else fail "trace $label: $out"; fi
    if command -v python3 >/dev/null 2>&1; then
        python3 -m json.tool "$file" >/dev/null 2>"$OUT/json.err" && pass "trace $label: python3 -m json.tool parses it" ||
            fail "trace $label: python3 -m json.tool: $(head -c 300 "$OUT/json.err")"
    fi
}
for mode in ${MODES//,/ }; do
    run=()
    [[ $mode == qemu ]] && run=(qemu-x86_64)
    rm -f "$OUT/api.$mode.json" "$OUT/boot.$mode.json"
    if env -u GODEBUG GOMAXPROCS=2 TEST_MODE=$mode TRACE_OUT="$OUT/api.$mode.json" "${run[@]}" build/tests/trace_run >"$OUT/api.$mode.log" 2>&1; then
        check_trace "go::trace::Start/Stop [$mode]" "$OUT/api.$mode.json"
        svg=$($TRACESVG "$OUT/api.$mode.json" "$OUT/api.$mode.svg" 2>&1)
        lanes=$(grep -c 'class="lane"' "$OUT/api.$mode.svg")
        # trace_run raises GOMAXPROCS from 2 to 3 and back: three Ps existed.
        if [[ $lanes == 3 ]]; then pass "tracesvg [$mode]: one lane per P ($svg)"; else
            fail "tracesvg [$mode]: $lanes lanes, want 3 ($svg)"
        fi
    else
        fail "trace_run [$mode] with TRACE_OUT: $(tail -n 5 "$OUT/api.$mode.log")"
    fi
    if env GODEBUG=tracefile="$OUT/boot.$mode.json" GOMAXPROCS=2 TEST_MODE=$mode "${run[@]}" build/tests/trace_run >"$OUT/boot.$mode.log" 2>&1; then
        check_trace "GODEBUG=tracefile [$mode]" "$OUT/boot.$mode.json" --boot
    else
        fail "trace_run [$mode] with GODEBUG=tracefile: $(tail -n 5 "$OUT/boot.$mode.log")"
    fi
    # A trace outlives os::Exit (started by go::trace::Start) and a panic
    # (started by GODEBUG=tracefile): the file is written, parses, and
    # holds the last goroutine started before the end.
    for t in "trace_exit 3 startLastWorker TRACE_OUT" "trace_panic 2 startPanicker GODEBUG=tracefile"; do
        read -r prog want fn how <<<"$t"
        json="$OUT/$prog.$mode.json"
        rm -f "$json"
        if [[ $how == TRACE_OUT ]]; then envs=(TRACE_OUT="$json"); else envs=(GODEBUG=tracefile="$json"); fi
        env -u GODEBUG "${envs[@]}" "${run[@]}" build/tests/$prog >"$OUT/$prog.$mode.log" 2>&1
        rc=$?
        if [[ $rc != "$want" ]]; then fail "$prog [$mode]: exit status $rc, want $want: $(tail -n 3 "$OUT/$prog.$mode.log")"; continue; fi
        if [[ ! -s $json ]]; then fail "$prog [$mode]: no trace written at exit status $rc"; continue; fi
        check_trace "$prog, exit status $rc [$mode]" "$json"
        if grep -q "$fn" "$json"; then pass "trace $prog [$mode]: holds $fn's goroutine"; else
            fail "trace $prog [$mode]: no slice of $fn's goroutine (the events up to the end are missing)"
        fi
    done
done

# ---- debug files ---------------------------------------------------------------------------
bin=build/tests/fail_panic
if readelf -S "$bin" | grep -q '\.debug_'; then fail "$bin carries DWARF (.debug_* sections)"; else
    pass "$bin has no .debug_* sections"
fi
if readelf -S "$bin" | grep -q '\.gnu_debuglink' && [[ -f $bin.debug ]]; then pass "$bin links $bin.debug"; else
    fail "$bin: no .gnu_debuglink or no $bin.debug"
fi
# The first frame of the traceback: explode_here's call of go::panic; addr2line
# through the .debug file must name the line the traceback printed.
frame=$("$bin" 2>&1 | grep -A1 '^explode_here' | head -n 2 | tail -n 1)
off=$(grep -o '+0x[0-9a-f]*' <<<"$frame" | tr -d +)
entry=$(nm "$bin.debug" | awk '$3 == "_Z12explode_herei" { print $1 }')
if [[ -n $off && -n $entry ]]; then
    pc=$(printf '0x%x' $((0x$entry + off - 1)))  # the call instruction, as Go's tracebacks look up pc-1
    where=$(addr2line -e "$bin" "$pc")
    line=$(grep -o 'fail_panic\.cpp:[0-9]*' <<<"$frame")
    if [[ -n $line && ($where == */test/programs/$line || $where == */test/programs/"$line "*) ]]; then
        pass "addr2line -e $bin $pc: $where (traceback: $frame)"
    else
        fail "addr2line -e $bin $pc: $where, want test/programs/${line:-fail_panic.cpp:?} (the traceback's line)"
    fi
else
    fail "no traceback frame or symbol for explode_here (frame: $frame)"
fi

# ---- lines ---------------------------------------------------------------------------
# Every frame line of a GOTRACEBACK=system dump against addr2line -i for its
# pc (pc=, a return address: the call is at pc-1; the top frame's pc is its
# own): the table gives the outermost position of the inlining chain outside
# the public headers (include/), the line of the function the frame names.
bin=build/tests/fail_traceback_lines
where() {  # where PC: the position the table should give
    addr2line -i -e "$bin.debug" "$1" | sed 's/ (discriminator [0-9]*)//' |
        grep -v "^$PWD/include/" | tail -n 1 | sed "s|^$PWD/||"
}
GOTRACEBACK=system "$bin" >/dev/null 2>"$OUT/lines.err"
nframes=0 nbad=0
while read -r pos pc; do
    nframes=$((nframes + 1))
    [[ $(where "$(printf '0x%x' $((pc - 1)))") == "$pos" || $(where "$pc") == "$pos" ]] && continue
    nbad=$((nbad + 1))
    fail "lines: a frame printed $pos for pc=$pc; addr2line says $(where "$(printf '0x%x' $((pc - 1)))")"
done < <(sed -n 's/^\t\([^ ]*:[0-9]*\) +0x[0-9a-f]* fp=0x[0-9a-f]* sp=0x[0-9a-f]* pc=\(0x[0-9a-f]*\)$/\1 \2/p' "$OUT/lines.err")
# The runtime's frames are among them: gopark and goexit (assembly).
for want in $'runtime::gopark(...)\n\truntime/proc_schedule.cpp:' $'goexit()\n\tarch/amd64/asm_amd64.S:'; do
    if grep -qF -- "${want#*$'\n'}" <(grep -A1 -xF -- "${want%%$'\n'*}" "$OUT/lines.err"); then pass "lines: ${want//$'\n\t'/ at }"; else
        fail "lines: no ${want//$'\n\t'/ at } in $OUT/lines.err"
    fi
done
if ((nframes < 10)); then fail "lines: only $nframes frames with file:line in $OUT/lines.err"; else
    ((nbad == 0)) && pass "lines: the $nframes frames of a GOTRACEBACK=system dump print addr2line's file:line"
fi

# ---- gdb -----------------------------------------------------------------------------
GDB=(timeout 120 gdb -nx -batch -iex "add-auto-load-safe-path $PWD/build/tests")
gbin=build/tests/gdb_goroutines
check_gdb() {  # check_gdb LABEL LOG: the output of info goroutines, goroutine N bt, info ps, info ms
    local label=$1 log=$2 bad=0 want reason n
    # Go 1.19's wait reasons: Mutex.Lock and WaitGroup.Wait both park in semacquire.
    for want in "40 chan receive" "20 chan send" "30 semacquire" "10 sleep"; do
        n=${want%% *} reason=${want#* }
        got=$(grep -cF "waiting ($reason) " "$log")
        [[ $got == "$n" ]] || { fail "gdb $label: $got goroutines waiting ($reason), want $n"; bad=1; }
    done
    got=$(grep -c ' waiting (' "$log")
    [[ $got == 100 ]] || { fail "gdb $label: info goroutines lists $got parked goroutines, want 100"; bad=1; }
    grep -q '^\* 1 running gdbBreakHere' "$log" || { fail "gdb $label: goroutine 1 is not shown running in gdbBreakHere"; bad=1; }
    grep -q 'in gdbWaitGroup() at test/programs/gdb_goroutines.cpp:' "$log" ||
        { fail "gdb $label: goroutine 92's backtrace does not reach gdbWaitGroup"; bad=1; }
    grep -q 'in main () at test/programs/gdb_goroutines.cpp:' "$log" ||
        { fail "gdb $label: goroutine 1's backtrace does not reach main"; bad=1; }
    grep -q '^P1 ' "$log" && grep -q '^M0 ' "$log" || { fail "gdb $label: info ps / info ms list no P1 / M0"; bad=1; }
    ((bad)) || pass "gdb $label: 100 parked goroutines with their wait reasons, backtraces through gdbWaitGroup and main, info ps, info ms"
}
CMDS=(-ex 'info goroutines' -ex 'goroutine 92 bt' -ex 'goroutine 1 bt' -ex 'info ps' -ex 'info ms')
if [[ ,$MODES, == *,native,* ]]; then
    rm -f "$OUT/gdb.core"
    GOMAXPROCS=2 "${GDB[@]}" -ex 'break gdbBreakHere' -ex run "${CMDS[@]}" -ex "gcore $OUT/gdb.core" -ex kill \
        "$gbin" >"$OUT/gdb.live.log" 2>&1
    check_gdb "[native, live process]" "$OUT/gdb.live.log"
    if [[ -f $OUT/gdb.core ]]; then
        "${GDB[@]}" "${CMDS[@]}" "$gbin" "$OUT/gdb.core" >"$OUT/gdb.core.log" 2>&1
        check_gdb "[native, core file]" "$OUT/gdb.core.log"
    else
        fail "gdb: gcore wrote no core file ($(tail -n 3 "$OUT/gdb.live.log"))"
    fi
fi
if [[ ,$MODES, == *,qemu,* ]]; then
    port=$((20000 + RANDOM % 20000))
    GOMAXPROCS=2 qemu-x86_64 -g $port "$gbin" >"$OUT/gdb.qemu.out" 2>&1 &
    qpid=$!
    sleep 0.5
    "${GDB[@]}" -ex "target remote :$port" -ex 'break gdbBreakHere' -ex continue "${CMDS[@]}" -ex kill \
        "$gbin" >"$OUT/gdb.qemu.log" 2>&1
    kill $qpid 2>/dev/null
    wait $qpid 2>/dev/null
    check_gdb "[qemu-x86_64 -g]" "$OUT/gdb.qemu.log"
fi

exit $FAILED
