#!/usr/bin/env bash
# bench.sh — what `make bench` runs: every benchmark in bench/ built with our
# runtime and as the equivalent Go program, run alternately (ours, Go, ours,
# Go, ...), medians compared. Prints the table and writes docs/performance.md
# (with the machine and the date) and docs/performance.svg (tools/plot.cpp).
#
# Environment:
#   BENCH_RUNS=N      samples per side and benchmark (default 5; the median is kept)
#   BENCH_EXECS=N     process start-ups per hello sample (default 200)
#   BENCH_TIMEOUT=S   seconds one run may take before it counts as failed (default 30)
#   BENCH_ONLY=a,b    only these rows' programs (hello, floor, spawn, ...);
#                     docs/ is then left alone (a partial table is not recorded)
#
# A benchmark that fails to build, crashes, hangs or prints no BENCH line is
# reported as FAIL in its row (with the command and its output under the
# table); the others go on. Exit status: 0 when every row ran, 1 otherwise.
set -u

cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
. tools/httpserver.sh
RUNS=${BENCH_RUNS:-5}
EXECS=${BENCH_EXECS:-200}
TIMEOUT=${BENCH_TIMEOUT:-30}
ONLY=${BENCH_ONLY:-}
OUT=build/bench
SAMPLES=$OUT/samples
LOGS=$OUT/logs
DOC=docs/performance.md
SVG=docs/performance.svg
T_START=$(date +%s)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
JOBS=$(nproc 2>/dev/null || echo 2)

# The programs: bench/NAME.cpp (ours) and bench/go/NAME/main.go (Go; bench/go is one
# Go module, whose package rss the memory benchmarks share).
PROGRAMS=(hello spawn pingpong yield prodcons fib parked sleepers mutex switch stackcall tcppingpong tcpthroughput tcpidle httphello)

# The rows of the table, in order: row|program|args|metric|target.
# target: ratio:X  Go/ours must be >= X
#         max:X    our median must be <= X (sleepers: 1.5 x the ideal 10 ms)
#         -        none (reported for orientation)
# Every metric is "lower is better", so Go/ours > 1 always means we win.
ROWS=(
    "hello|hello|start|us start-to-exit|ratio:3"
    "hello size|hello|size|KB binary|ratio:20"
    "hello RSS|hello|rss|KB peak RSS|-"
    "spawn|spawn||ns/goroutine|ratio:3"
    "spawn traced|spawn|traced|ns/goroutine|-"
    "pingpong|pingpong||ns/round trip|ratio:2"
    "pingpong traced|pingpong|traced|ns/round trip|-"
    "yield|yield||ns/yield|ratio:3"
    "prodcons|prodcons||ns/message|ratio:1.5"
    "fib|fib||ms|ratio:1.2"
    "parked|parked||bytes/goroutine|ratio:1"
    "sleepers|sleepers||ms (ideal 10)|max:15"
    "mutex|mutex||ns/op|-"
    "switch (Gosched)|switch|gosched|ns/switch|-"
    "switch (chan handoff)|switch|chan|ns/switch|-"
    "stack call, room|stackcall|inside|ns/call|-"
    "stack call, crossing a segment|stackcall|boundary|ns/call|-"
    "tcp-pingpong|tcppingpong||us/round trip|ratio:1"
    "tcp-throughput|tcpthroughput||ns/message|ratio:1.2"
    "tcp-idle|tcpidle||bytes/connection|ratio:1"
    "http|httphello|http|us/request (ab -k -c 50)|ratio:1.2"
    "floor|floor|start|us start-to-exit|-"
    "fresh page|pagetouch||us per 4 KB page|-"
    "hello above floor|floor|derived|us (hello - floor)|-"
)

say() { printf '\n==> %s\n' "$*"; }
wanted() { [[ -z $ONLY ]] || [[ ,$ONLY, == *,$1,* ]]; }
elapsed() { echo $(($(date +%s) - T_START)); }

# ---- 1. dependencies -----------------------------------------------------------------

say "dependencies"
if ! command -v go >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]]; then
        echo "installing golang-go"
        { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y golang-go; } || {
            echo "FAIL: could not install golang-go"
            exit 1
        }
    else
        echo "Go is missing. Install it with:"
        echo
        echo "    sudo apt-get install -y golang-go"
        echo
        exit 1
    fi
fi
if ! command -v ab >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]]; then
        echo "installing apache2-utils and curl (for the http row)"
        { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y apache2-utils curl; } ||
            echo "could not install apache2-utils/curl: the http row will fail"
    else
        echo "ab or curl is missing (sudo apt-get install -y apache2-utils curl): the http row will fail"
    fi
fi
for tool in g++ make timeout; do
    command -v $tool >/dev/null 2>&1 || {
        echo "FAIL: $tool is missing"
        exit 1
    }
done
echo "$(go version); $(g++ --version | head -1)"

rm -rf "$SAMPLES" "$LOGS"
mkdir -p "$OUT/go" "$SAMPLES" "$LOGS" build/tools docs

# ---- 2. build ----------------------------------------------------------------------

say "build (tools, ours with make PROG=bench/NAME.cpp, Go with go build)"
g++ -std=c++17 -O2 -Wall -o build/tools/benchexec tools/benchexec.cpp || {
    echo "FAIL: tools/benchexec.cpp"
    exit 1
}
g++ -std=c++17 -O2 -Wall -o build/tools/plot tools/plot.cpp || {
    echo "FAIL: tools/plot.cpp"
    exit 1
}
g++ -std=c++17 -O2 -Wall -o "$OUT/pagetouch" tools/pagetouch.cpp || echo "FAIL: tools/pagetouch.cpp"

# The floor for hello: a static program with no runtime at all, which writes
# "hello, world" with one system call and exits with another.
cat >"$OUT/floor.S" <<'EOF'
	.globl	_start
	.text
_start:
	mov	$1, %eax		// write(1, msg, 13)
	mov	$1, %edi
	lea	msg(%rip), %rsi
	mov	$13, %edx
	syscall
	mov	$60, %eax		// exit(0)
	xor	%edi, %edi
	syscall
	.section .rodata
msg:	.ascii	"hello, world\n"
	.section .note.GNU-stack,"",@progbits
EOF
g++ -nostdlib -static -no-pie -Wl,--build-id=none -o "$OUT/floor" "$OUT/floor.S" || echo "FAIL: the floor program"

declare -A BUILD_FAIL=()  # "NAME.ours" / "NAME.go" -> log file
for n in "${PROGRAMS[@]}"; do
    wanted "$n" || continue
    log=$LOGS/build.$n.ours.log
    cmd="make -j$JOBS PROG=bench/$n.cpp OUT=$OUT/$n"
    printf '%-10s ours ' "$n"
    # One retry: other sessions may be rebuilding the runtime at the same time.
    if { echo "\$ $cmd"; $cmd; } >"$log" 2>&1 || { sleep 2; { echo "\$ $cmd  (retry)"; $cmd; } >>"$log" 2>&1; }; then
        printf 'ok  '
    else
        printf 'FAIL'
        BUILD_FAIL[$n.ours]=$log
        rm -f "$OUT/$n"
    fi
    log=$LOGS/build.$n.go.log
    printf '  Go '
    if (export GOCACHE="$ROOT/build/gocache" GOPATH="$ROOT/build/gopath" GOFLAGS=-trimpath GO111MODULE=auto
        # bench/go is one module (go.mod), so the programs can share bench/go/rss.
        cd bench/go || exit 1
        echo "\$ cd bench/go && GOFLAGS=-trimpath go build -o $ROOT/$OUT/go/$n ./$n"
        go build -o "$ROOT/$OUT/go/$n" "./$n") >"$log" 2>&1; then
        printf 'ok\n'
    else
        printf 'FAIL\n'
        BUILD_FAIL[$n.go]=$log
        rm -f "$OUT/go/$n"
    fi
done
echo "built in $(elapsed) s"

# ---- 3. run ------------------------------------------------------------------------

# Both sides run with the default settings of their runtime.
unset GOMAXPROCS GODEBUG GOGC GOTRACEBACK

declare -A FAILED=()  # "row.side" -> the first failure, as text

fail_once() {  # key message
    [[ -n ${FAILED[$1]:-} ]] || FAILED[$1]=$2
}

build_failure() {  # key binary -> the message for a program that did not build
    local log=${BUILD_FAIL[$(basename "$2").${1##*.}]:-}
    if [[ -n $log ]]; then
        printf 'build failed (%s):\n%s' "$log" "$(grep -v '^g++ \|^build/tools/mksymtab' "$log" | head -c 3000 | head -30)"
    else
        printf 'no binary %s' "$2"
    fi
}

# sample ROW SIDE BINARY ARGS: one run of a benchmark program; appends the
# value of its BENCH line (and cpu=, when present) to the samples.
sample() {
    local row=$1 side=$2 bin=$3 args=$4 envs=${5:-} key="$1.$2"
    local f=$SAMPLES/${row// /_}.$side
    [[ -n ${FAILED[$key]:-} ]] && return
    local cmd="$bin${args:+ $args}"
    if [[ ! -x $bin ]]; then
        fail_once "$key" "$(build_failure "$key" "$bin")"
        return
    fi
    local o=$LOGS/run.$$.out e=$LOGS/run.$$.err rc
    # shellcheck disable=SC2086
    env $envs timeout -k 5 "$TIMEOUT" $cmd >"$o" 2>"$e"
    rc=$?
    local line
    line=$(grep -m1 '^BENCH ' "$o")
    local v=${line#*value=}
    v=${v%% *}
    if [[ $rc -ne 0 || -z $line || ! $v =~ ^-?[0-9.]+$ ]]; then
        local why="exit status $rc"
        [[ $rc -eq 124 || $rc -eq 137 ]] && why="timed out after ${TIMEOUT}s"
        fail_once "$key" "\$ $cmd
$why
--- stdout (first lines) ---
$(head -c 1500 "$o" | head -15)
--- stderr (first lines) ---
$(head -c 3000 "$e" | head -30)"
        return
    fi
    echo "$v" >>"$f"
    if [[ $line == *cpu=* ]]; then
        local c=${line#*cpu=}
        echo "${c%% *}" >>"$f.cpu"
    fi
}

# start ROW SIDE BINARY: EXECS start-ups, their median (us) is one sample.
start_sample() {
    local row=$1 side=$2 bin=$3 key="$1.$2"
    [[ -n ${FAILED[$key]:-} ]] && return
    if [[ ! -x $bin ]]; then
        fail_once "$key" "$(build_failure "$key" "$bin")"
        return
    fi
    local line
    line=$(timeout -k 5 $((TIMEOUT * 4)) build/tools/benchexec time "$EXECS" "$bin" 2>&1)
    if [[ $line != EXEC*fails=0* ]]; then
        fail_once "$key" "\$ build/tools/benchexec time $EXECS $bin
$line
\$ $bin
$(timeout 10 "$bin" 2>&1 | head -20)"
        return
    fi
    local v=${line#*median_us=} m=${line#*min_us=}
    echo "${v%% *}" >>"$SAMPLES/${row// /_}.$side"
    echo "${m%% *}" >>"$SAMPLES/${row// /_}.$side.min"
}

# http ROW SIDE BINARY: start the server on a free port, run ab -k -c 50
# -n 100000 against it; ab's mean time per request across all concurrent
# requests (us) is one sample.
http_sample() {
    local row=$1 side=$2 bin=$3 key="$1.$2"
    [[ -n ${FAILED[$key]:-} ]] && return
    [[ -x $bin ]] || { fail_once "$key" "$(build_failure "$key" "$bin")"; return; }
    local port pid out
    : >"$LOGS/http.$$.out"
    start_http_server "$LOGS/http.$$.out" "$bin"
    port=$HTTP_PORT pid=$HTTP_PID
    out=$(timeout -k 5 $((TIMEOUT * 4)) ab -k -q -c 50 -n 100000 "http://127.0.0.1:$port/" 2>&1)
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    local v
    v=$(awk '/^Time per request:.*across all concurrent requests/ { printf "%.2f\n", $4 * 1000 }' <<<"$out")
    local failed
    failed=$(awk '/^Failed requests:/ { print $3 }' <<<"$out")
    if [[ -z $v || ${failed:-1} != 0 ]]; then
        fail_once "$key" "\$ $bin $port; ab -k -c 50 -n 100000 http://127.0.0.1:$port/
$(head -40 <<<"$out")
--- server output ---
$(head -20 "$LOGS/http.$$.out")"
        return
    fi
    echo "$v" >>"$SAMPLES/${row// /_}.$side"
}

rss_sample() {
    local row=$1 side=$2 bin=$3 key="$1.$2"
    [[ -n ${FAILED[$key]:-} ]] && return
    [[ -x $bin ]] || { fail_once "$key" "$(build_failure "$key" "$bin")"; return; }
    local line
    line=$(timeout -k 5 "$TIMEOUT" build/tools/benchexec rss "$bin" 2>&1)
    if [[ $line != RSS* ]]; then
        fail_once "$key" "\$ build/tools/benchexec rss $bin
$line"
        return
    fi
    echo "${line#*peak_kb=}" >>"$SAMPLES/${row// /_}.$side"
}

say "run: $RUNS rounds; in each, every benchmark runs once as ours, then once as Go"
for ((r = 1; r <= RUNS; r++)); do
    printf 'round %d/%d:' "$r" "$RUNS"
    for spec in "${ROWS[@]}"; do
        IFS='|' read -r row prog args metric target <<<"$spec"
        wanted "$prog" || continue
        [[ $args == derived ]] && continue
        printf ' %s' "$row"
        case $args in
        start)
            if [[ $prog == floor ]]; then
                start_sample "$row" ours "$OUT/floor"
            else
                start_sample "$row" ours "$OUT/$prog"
                start_sample "$row" go "$OUT/go/$prog"
            fi
            ;;
        http)
            http_sample "$row" ours "$OUT/$prog"
            http_sample "$row" go "$OUT/go/$prog"
            ;;
        rss)
            rss_sample "$row" ours "$OUT/$prog"
            rss_sample "$row" go "$OUT/go/$prog"
            ;;
        size)
            if ((r == 1)); then
                for side in ours go; do
                    b=$OUT/$prog
                    [[ $side == go ]] && b=$OUT/go/$prog
                    if [[ -f $b ]]; then
                        awk -v s="$(stat -c %s "$b")" 'BEGIN { printf "%.1f\n", s / 1024 }' >"$SAMPLES/${row// /_}.$side"
                    else
                        fail_once "$row.$side" "$(build_failure "$row.$side" "$b")"
                    fi
                done
            fi
            ;;
        traced)
            # Ours under GODEBUG=tracefile (the file is written after the
            # measured part), Go's under runtime/trace (bench/go/*: BENCH_TRACE).
            # Writing a million round trips' JSON takes longer than the run.
            TIMEOUT=$((TIMEOUT * 4)) sample "$row" ours "$OUT/$prog" "" "GODEBUG=tracefile=$OUT/$prog.trace.json"
            TIMEOUT=$((TIMEOUT * 4)) sample "$row" go "$OUT/go/$prog" "" "BENCH_TRACE=$OUT/$prog.go.trace"
            ;;
        *)
            sample "$row" ours "$OUT/$prog" "$args"
            [[ $prog == pagetouch ]] || sample "$row" go "$OUT/go/$prog" "$args"
            ;;
        esac
    done
    printf '  (%d s)\n' "$(elapsed)"
done
rm -f "$LOGS"/run.$$.*

# ---- 4. the table ------------------------------------------------------------------

median() {  # file -> median of its lines, or empty
    [[ -s $1 ]] || return 0
    sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
cpufmt() {  # file of cpu= values -> their median, 2 decimals
    local m
    m=$(median "$1")
    [[ -n $m ]] && printf '%.2f' "$m" || printf '-'
}
fmtnum() {  # number -> text with a sensible precision
    awk -v v="$1" 'BEGIN { if (v == "") print "-"; else if (v >= 1000) printf "%.0f\n", v; else if (v >= 100) printf "%.1f\n", v; else printf "%.2f\n", v }'
}

TSV=$OUT/ratios.tsv
: >"$TSV"
TABLE_ROWS=()  # row|metric|ours|go|ratio|target text|verdict|note
ALL_OK=1
for spec in "${ROWS[@]}"; do
    IFS='|' read -r row prog args metric target <<<"$spec"
    wanted "$prog" || continue
    base=$SAMPLES/${row// /_}
    o=$(median "$base.ours")
    g=$(median "$base.go")
    if [[ $args == derived ]]; then
        # The runtime's share of start-up: hello minus the floor (same medians).
        f=$(median "$SAMPLES/floor.ours")
        ho=$(median "$SAMPLES/hello.ours")
        hg=$(median "$SAMPLES/hello.go")
        o="" g=""
        [[ -n $f && -n $ho ]] && o=$(awk -v a="$ho" -v b="$f" 'BEGIN { print a - b }')
        [[ -n $f && -n $hg ]] && g=$(awk -v a="$hg" -v b="$f" 'BEGIN { print a - b }')
        [[ -n $o ]] || FAILED[$row.ours]="needs both hello and floor"
    fi
    n_o=$( (wc -l <"$base.ours") 2>/dev/null || echo 0)
    ratio="" verdict="" ttext="-" tratio="-" note=""
    if [[ -n $o && -n $g ]]; then
        ratio=$(awk -v o="$o" -v g="$g" 'BEGIN { if (o > 0) printf "%.2f", g / o }')
    fi
    case $target in
    ratio:*)
        t=${target#ratio:}
        ttext=">= ${t}x"
        [[ $row == parked ]] && ttext="<= Go"
        tratio=$t
        if [[ -n $ratio ]]; then
            verdict=$(awk -v r="$ratio" -v t="$t" 'BEGIN { print (r >= t) ? "meets" : "misses" }')
        fi
        ;;
    max:*)
        t=${target#max:}
        ttext="<= $t"
        if [[ -n $o ]]; then
            verdict=$(awk -v o="$o" -v t="$t" 'BEGIN { print (o <= t) ? "meets" : "misses" }')
            [[ -n $g ]] && tratio=$(awk -v g="$g" -v t="$t" 'BEGIN { printf "%.3f", g / t }')
        fi
        ;;
    *) verdict="-" ;;
    esac
    if [[ -n ${FAILED[$row.ours]:-} ]]; then
        verdict=FAIL
        ALL_OK=0
        [[ -n $o ]] && note="crashed after $n_o good runs"
    elif [[ -z $o ]]; then
        verdict=FAIL
        ALL_OK=0
    fi
    if [[ -n ${FAILED[$row.go]:-} ]]; then
        note="${note:+$note; }Go side failed"
        ALL_OK=0
    fi
    if [[ -s $base.ours.cpu ]]; then
        note="${note:+$note; }CPU/wall: ours $(cpufmt "$base.ours.cpu"), Go $(cpufmt "$base.go.cpu")"
    fi
    if [[ -s $base.ours.min ]]; then
        note="${note:+$note; }fastest start (median of minima): ours $(fmtnum "$(median "$base.ours.min")")"
        [[ -s $base.go.min ]] && note="$note, Go $(fmtnum "$(median "$base.go.min")")"
    fi
    [[ $row == floor ]] && g="" && note="static, no runtime: write + exit; fastest start $(fmtnum "$(median "$base.ours.min")")"
    [[ $prog == pagetouch ]] && note="the machine, not a runtime: first write to fresh mmap'd memory (tools/pagetouch.cpp)"
    [[ $args == derived ]] && note="the runtime's own start-up and exit"
    [[ $prog == switch ]] && note="GOMAXPROCS=1"
    TABLE_ROWS+=("$row|$metric|$(fmtnum "$o")|$(fmtnum "$g")|${ratio:--}|$ttext|$verdict|$note")
    [[ $row == floor || $prog == pagetouch ]] || printf '%s\t%s\t%s\t%s\n' "$row" "${ratio:--}" "$tratio" "$verdict" >>"$TSV"
done

say "results (median of $RUNS; Go/ours > 1: we are faster or smaller)"
{
    printf '%-22s  %-17s  %10s  %10s  %7s  %-11s  %-7s  %s\n' benchmark metric ours Go Go/ours target verdict notes
    for tr in "${TABLE_ROWS[@]}"; do
        IFS='|' read -r a b c d e f g h <<<"$tr"
        printf '%-22s  %-17s  %10s  %10s  %7s  %-11s  %-7s  %s\n' "$a" "$b" "$c" "$d" "$e" "$f" "$g" "$h"
    done
}

if ((${#FAILED[@]})); then
    say "failures"
    while IFS= read -r k; do
        printf -- '--- %s\n%s\n' "$k" "${FAILED[$k]}"
    done < <(printf '%s\n' "${!FAILED[@]}" | sort)
fi

# ---- 5. docs/performance.md and the plot ----------------------------------------------

if [[ -n $ONLY ]]; then
    echo
    echo "BENCH_ONLY is set: docs/ left as it was"
    echo "total $(elapsed) s"
    exit $((1 - ALL_OK))
fi

build/tools/plot "$TSV" "$SVG" "Go / ours, median of $RUNS (log scale; > 1: we are faster or smaller)" || echo "FAIL: plot"

cpu=$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^[^:]*: *//')
NOTES_BEGIN='<!-- notes:begin — written by hand; tools/bench.sh keeps everything up to notes:end -->'
NOTES_END='<!-- notes:end -->'
notes=""
if [[ -f $DOC ]] && grep -q '^<!-- notes:begin' "$DOC"; then
    notes=$(awk '/^<!-- notes:begin/ { on = 1; next } /^<!-- notes:end/ { on = 0 } on' "$DOC")
fi
[[ -n $notes ]] || notes="
(No notes yet: profile the rows that miss their targets and write here what limits them.)
"
{
    cat <<EOF
# Performance: this runtime against Go

Generated by \`make bench\` (tools/bench.sh) on $(date -u '+%Y-%m-%d %H:%M UTC'); everything
outside the notes section below is rewritten by each run.

## Machine

| | |
| --- | --- |
| CPU | ${cpu:-unknown} |
| cores | $(nproc) |
| kernel | $(uname -sr) |
| Go | $(go version | sed 's/^go version //') |
| g++ | $(g++ --version | head -1) |
| load average (start of the runs → end) | $LOAD_START → $(cut -d' ' -f1-3 /proc/loadavg) |

## Results

Median of $RUNS runs per side; the runs alternate (ours, Go, ours, Go, ...), so
the two columns of a row saw the same machine. Every metric is lower-is-better,
so **Go/ours > 1 means we are faster (or smaller)**. The machine is shared and
noisy: compare the ratios, not the absolute numbers, with other runs.

| benchmark | metric | ours | Go | Go/ours | target | verdict | notes |
| --- | --- | ---: | ---: | ---: | --- | --- | --- |
EOF
    for tr in "${TABLE_ROWS[@]}"; do
        IFS='|' read -r a b c d e f g h <<<"$tr"
        case $g in meets) g="✅ meets" ;; misses) g="❌ misses" ;; FAIL) g="💥 FAIL" ;; -) g="—" ;; esac
        f=$(sed 's/>= \([0-9.]*\)x/≥ \1×/; s/<=/≤/' <<<"$f")
        [[ $f == - ]] && f="—"
        [[ $d == - ]] && d="—"
        [[ $e == - ]] && e="—"
        echo "| $a | $b | $c | $d | $e | $f | $g | $h |"
    done
    cat <<EOF

![Go/ours ratio per benchmark](performance.svg)

EOF
    if ((${#FAILED[@]})); then
        echo "### Failures in this run"
        echo
        while IFS= read -r k; do
            echo "\`$k\`:"
            echo
            echo '```'
            printf '%s\n' "${FAILED[$k]}"
            echo '```'
            echo
        done < <(printf '%s\n' "${!FAILED[@]}" | sort)
    fi
    cat <<'EOF'
## What each row measures

Each program is in `bench/NAME.cpp` and `bench/go/NAME/main.go`: the same
algorithm and sizes on both sides (the memory rows measure the resident set
with `bench/bench.h` and the Go module's package `bench/go/rss`). They time themselves with the monotonic
clock (`go::time::Now`, `time.Now`) around the measured part only and print one
line, `BENCH name=... metric=... value=...`. Both sides run with default
settings (GOMAXPROCS = number of CPUs, no GODEBUG); Go programs are built with
`go build` and `GOFLAGS=-trimpath`, ours with `make PROG=bench/NAME.cpp`.

- **hello**: process start to exit of a program printing `hello, world`, timed
  from outside by `tools/benchexec.cpp` (posix_spawn, wait, output to
  /dev/null): each sample is the median of `BENCH_EXECS` (200) start-ups.
  *size* is the file size of the binary as built (ours has its symbol table
  for tracebacks; Go's is not stripped either). *peak RSS* is VmHWM of the
  process read under ptrace at its exit (wait4's ru_maxrss would include the
  launcher's pages, which exec keeps).
- **spawn**: 1,000,000 goroutines that each call `wg.Done()`, then `wg.Wait()`;
  ns per goroutine (start of the loop to Wait's return).
- **pingpong**: two goroutines bounce an int over two unbuffered channels,
  1,000,000 round trips; ns per round trip.
- **yield**: two goroutines call Gosched 5,000,000 times each; ns per call.
- **prodcons**: 4 producers, 4 consumers (range), one channel of capacity
  128, 4,000,000 messages; ns per message.
- **fib**: fib(36), every call with n > 15 in a goroutine of its own that
  starts two more and receives their results on a channel (capacity 2); below,
  plain recursion. Wall ms; the notes give CPU time / wall time (2.0 = both
  cores busy the whole time).
- **parked**: 100,000 goroutines blocked receiving on one channel; growth of
  the resident set (/proc/self/statm, read in-process; ours with raw system
  calls) divided by 100,000. Target: no more than Go.
- **sleepers**: 10,000 goroutines each sleep 1 ms ten times; wall ms. The
  ideal is 10 ms; the target is 1.5 × that (15 ms), whatever Go does.
- **mutex**: 8 goroutines, 1,000,000 Lock/Unlock each on one `sync.Mutex`
  (incrementing a counter); ns per pair. No target.
- **switch**: the raw goroutine switch, GOMAXPROCS=1, so no thread ever parks
  or wakes. *Gosched*: two goroutines call Gosched 1,000,000 times each
  (mcall → gosched_m puts the G on the global run queue → schedule → gogo of
  the other). *chan handoff*: two goroutines bounce an int over unbuffered
  channels; the sender finds the receiver parked, hands it the value and
  readies it into runnext, then parks on its own receive, and schedule takes
  runnext at once: the path every blocking channel operation takes. ns per
  switch (two per round trip). Go's numbers are for orientation.
- **floor**: a static program with no runtime (two system calls: write,
  exit), started like hello: the least any hello can take on this machine
  (exec, page tables, exit, wait). *hello above floor* subtracts it from both
  hello medians: what each runtime adds to start-up and exit.
- **fresh page**: not a runtime at all: the time to write once into each
  4 KB page of 16 MB of newly mmap'd memory (`tools/pagetouch.cpp`). Every
  new goroutine stack and G pays it once per page; it is what separates a
  cold *sleepers* or *spawn* run from a warm one on this machine.

## Notes: what limits the rows that miss
EOF
    echo "$NOTES_BEGIN"
    printf '%s\n' "$notes"
    echo "$NOTES_END"
} >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"

echo
echo "wrote $DOC and $SVG; total $(elapsed) s"
exit $((1 - ALL_OK))
