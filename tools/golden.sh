#!/usr/bin/env bash
# golden.sh — the golden suite: the same program in Go 1.19 and in C++ on
# this runtime must print the same thing (test/golden/README.md).
#
#   tools/golden.sh make [NAME...]   (make golden) build and run each
#       test/golden/NAME.go with Go 1.19, writing NAME.want or NAME.TAG.want
#       (installs golang-1.19-go with apt-get when it is missing)
#   tools/golden.sh test [NAME...]   build each NAME.cpp against the runtime,
#       run it as the .go's directives say, normalise both outputs
#       (tools/golden-normalise.pl) and diff them
#
# Environment: MODES=native,qemu (test only), JOBS=N (parallel builds, test
# only; default: the CPUs), VERBOSE=1 (whole diffs),
# GO=path to Go 1.19's go command.
set -u

cd "$(dirname "$0")/.." || exit 1
DIR=test/golden
OUT=build/golden
MODES=${MODES:-native,qemu}
GO=${GO:-/usr/lib/go-1.19/bin/go}
FAILED=0

names() {
    if [[ $# -gt 0 ]]; then
        local n
        for n in "$@"; do basename "$n" .go; done
        return
    fi
    local f
    for f in "$DIR"/*.go; do basename "$f" .go; done
}

# The runs a case asks for, one a line: "TAG ENV..." from `// golden: run TAG ENV...`.
runs_of() { sed -n 's|^// golden: run ||p' "$DIR/$1.go"; }
# The signal the runner sends once the program has written its first line, if any.
signal_of() { sed -n 's|^// golden: signal ||p' "$DIR/$1.go" | head -n 1; }
# Whether run TAG of NAME sends its signal to the busiest thread (tgkill)
# rather than to the process: `// golden: signal-busiest TAG`.
busiest_of() { grep -qx "// golden: signal-busiest $2" "$DIR/$1.go" && echo busiest; }
# Why run TAG of NAME is not run under qemu, if it is not: `// golden: native-only TAG REASON`.
native_only() { sed -n "s|^// golden: native-only $2 ||p" "$DIR/$1.go" | head -n 1; }

want_file() {  # NAME TAG
    if [[ $2 == default ]]; then echo "$DIR/$1.want"; else echo "$DIR/$1.$2.want"; fi
}

# busiest_thread PID: the thread of PID (a child of the runner's `timeout`)
# that has used the most CPU time, from /proc/TID/stat's utime+stime.
busiest_thread() {
    local pid tid best="" most=-1 t stat
    pid=$(pgrep -P "$1" | head -n 1)
    [[ -n $pid ]] || return
    for t in /proc/"$pid"/task/*; do
        tid=${t##*/}
        stat=$(cat "$t/stat" 2>/dev/null) || continue
        stat=${stat##*) }  # fields from 3 (state) on; comm may hold spaces
        read -r -a f <<<"$stat"
        if ((f[11] + f[12] > most)); then most=$((f[11] + f[12])) best="$pid $tid"; fi
    done
    echo "$best"
}

# send_signal RUNNERPID SIG HOW: sends SIG to the program under the runner
# as kill(1) does (process-directed: the kernel picks the thread, in practice
# the main thread), or with HOW=busiest to its busiest thread with tgkill(2),
# so that the thread running a busy goroutine is the one interrupted whatever
# M the scheduler put it on (Go's and ours alike).
send_signal() {
    if [[ $3 != busiest ]]; then
        pkill -"$2" -P "$1" 2>/dev/null
        return
    fi
    local ids
    ids=$(busiest_thread "$1")
    [[ -n $ids ]] || return
    # shellcheck disable=SC2086  # "PID TID"
    perl -e 'syscall(234, map { $_ + 0 } @ARGV) == 0 or die "tgkill: $!\n"' $ids "$(kill -l "$2")"  # 234: SYS_tgkill
}

# run_case BIN MODE SIGNAL HOW RESULT ENV...: runs BIN in a scratch
# directory with only ENV of the runtime's variables set, sends SIGNAL as
# send_signal HOW says, and writes RESULT in the .want format: "exit N",
# "--- stdout", its lines, "--- stderr", its lines.
run_case() {
    local bin=$1 mode=$2 sig=$3 how=$4 result=$5
    shift 5
    local work limit=20 rc
    work=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX")
    local cmd=("$bin")
    if [[ $mode == qemu ]]; then
        cmd=(qemu-x86_64 "$bin")
        limit=120
    fi
    (
        cd "$work" || exit 1
        ulimit -c 0
        timeout -k 5 "$limit" env -u GODEBUG -u GOMAXPROCS -u GOTRACEBACK "$@" "${cmd[@]}" \
            </dev/null >"$work/stdout" 2>"$work/stderr" &
        pid=$!
        if [[ -n $sig ]]; then
            # The program announces it is in the state under test with its
            # first line; the signal then comes from outside, as from kill(1).
            for ((i = 0; i < 400; i++)); do
                [[ -s $work/stdout ]] && break
                sleep 0.05
            done
            sleep 0.3
            [[ $mode == qemu ]] && sleep 1
            send_signal "$pid" "$sig" "$how"
        fi
        wait "$pid"
        echo $? >"$work/rc"
    ) 2>/dev/null
    rc=$(cat "$work/rc" 2>/dev/null || echo "?")
    {
        echo "exit $rc"
        echo "--- stdout"
        cat "$work/stdout"
        echo "--- stderr"
        cat "$work/stderr"
    } >"$result"
    rm -rf "$work"
}

ensure_go() {
    [[ -x $GO ]] && return 0
    local sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo -n"
    echo "installing golang-1.19-go"
    $sudo apt-get update && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y golang-1.19-go || {
        echo "FAIL: Go 1.19 is needed at $GO (apt-get install golang-1.19-go)"
        exit 1
    }
}

make_golden() {
    ensure_go
    mkdir -p "$OUT/go"
    local n tag envs
    for n in $(names "$@"); do
        (cd "$DIR" && GOFLAGS= GO111MODULE=off "$GO" build -o "../../$OUT/go/$n" "$n.go") || {
            echo "FAIL: go build $DIR/$n.go"
            FAILED=1
            continue
        }
        while read -r tag envs; do
            # shellcheck disable=SC2086  # ENV words on purpose
            run_case "$ROOT/$OUT/go/$n" native "$(signal_of "$n")" "$(busiest_of "$n" "$tag")" "$(want_file "$n" "$tag")" $envs
            echo "wrote $(want_file "$n" "$tag") ($(head -n 1 "$(want_file "$n" "$tag")"))"
        done < <(runs_of "$n")
    done
}

test_golden() {
    mkdir -p "$OUT"
    make --no-print-directory -s runtime build/tools/mksymtab || exit 1
    local n tag envs mode pass=0 failn=0
    # Every case's build first, JOBS at a time (default: the CPUs).
    rm -f "$OUT"/*.build.failed
    names "$@" | xargs -P "${JOBS:-$(nproc 2>/dev/null || echo 2)}" -I{} \
        sh -c 'make --no-print-directory -s PROG="$1/$2.cpp" OUT="$3/$2" >"$3/$2.build.log" 2>&1 || : >"$3/$2.build.failed"' _ "$DIR" {} "$OUT"
    for n in $(names "$@"); do
        if [[ -e $OUT/$n.build.failed ]]; then
            echo "FAIL $n [build] $(grep -m1 error "$OUT/$n.build.log")"
            failn=$((failn + 1))
            continue
        fi
        while read -r tag envs; do
            for mode in native qemu; do
                [[ ,$MODES, == *,$mode,* ]] || continue
                if [[ $mode == qemu && -n $(native_only "$n" "$tag") ]]; then
                    echo "SKIP $n [$tag qemu] ($(native_only "$n" "$tag"))"
                    continue
                fi
                local got=$OUT/$n.$tag.$mode.got want
                want=$(want_file "$n" "$tag")
                tools/golden-normalise.pl go <"$want" >"$got.want.norm"
                # shellcheck disable=SC2086
                run_case "$ROOT/$OUT/$n" "$mode" "$(signal_of "$n")" "$(busiest_of "$n" "$tag")" "$got" $envs
                tools/golden-normalise.pl cxx <"$got" >"$got.norm"
                if diff -u "$got.want.norm" "$got.norm" >"$got.diff"; then
                    echo "PASS $n [$tag $mode]"
                    pass=$((pass + 1))
                else
                    echo "FAIL $n [$tag $mode] (go: $(head -n 1 "$want"), ours: $(head -n 1 "$got"))"
                    if [[ -n ${VERBOSE:-} ]]; then cat "$got.diff"; else head -n 40 "$got.diff"; fi
                    failn=$((failn + 1))
                fi
            done
        done < <(runs_of "$n")
    done
    echo "golden: $pass passed, $failn failed"
    ((failn == 0)) || FAILED=1
}

ROOT=$(pwd)
what=${1:-test}
[[ $# -gt 0 ]] && shift
case $what in
    make) make_golden "$@" ;;
    test) test_golden "$@" ;;
    *)
        sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
exit $FAILED
