#!/usr/bin/env bash
# test_debug.sh — the debugging tools' tests (docs/trace.md, docs/debugging.md),
# run by `make test` after the programs, or alone: tools/test.sh debug.
#
#   trace    test/programs/trace_run.cpp traced through go::trace and through
#            GODEBUG=tracefile, natively and under qemu-x86_64: the JSON parses
#            (tools/tracesvg --check, and python3 -m json.tool when present), its
#            events are consistent, the boot steps come in rt0_go's order, and
#            the SVG has one lane per P
#   debugfile  the shipped binary has no DWARF and a .gnu_debuglink to NAME.debug;
#            addr2line on a traceback's pc names the user's file and line
#   gdb      tools/test_gdb.sh (goroutines, their wait reasons and stacks)
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
build fail_panic
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
done

# ---- debug files ---------------------------------------------------------------------------
bin=build/tests/fail_panic
if readelf -S "$bin" | grep -q '\.debug_'; then fail "$bin carries DWARF (.debug_* sections)"; else
    pass "$bin has no .debug_* sections"
fi
if readelf -S "$bin" | grep -q '\.gnu_debuglink' && [[ -f $bin.debug ]]; then pass "$bin links $bin.debug"; else
    fail "$bin: no .gnu_debuglink or no $bin.debug"
fi
# The first frame of the traceback: explode_here's call of go::panic, at line 16.
frame=$("$bin" 2>&1 | grep -A1 '^explode_here' | head -n 2 | tail -n 1)
off=$(grep -o '+0x[0-9a-f]*' <<<"$frame" | tr -d +)
entry=$(nm "$bin.debug" | awk '$3 == "_Z12explode_herei" { print $1 }')
if [[ -n $off && -n $entry ]]; then
    pc=$(printf '0x%x' $((0x$entry + off - 1)))  # the call instruction, as Go's tracebacks look up pc-1
    where=$(addr2line -e "$bin" "$pc")
    if [[ $where == */test/programs/fail_panic.cpp:16* ]]; then pass "addr2line -e $bin $pc: $where (traceback: $frame)"; else
        fail "addr2line -e $bin $pc: $where, want test/programs/fail_panic.cpp:16"
    fi
else
    fail "no traceback frame or symbol for explode_here (frame: $frame)"
fi

exit $FAILED
