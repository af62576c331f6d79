#!/usr/bin/env bash
# stress.sh — what `make stress` runs: the randomized workloads in
# test/stress/*.cpp, each run with a fresh seed under GOMAXPROCS 1, 2, 4 and
# 8, natively and under qemu-x86_64, while signals the runtime must survive
# (SIGURG, SIGWINCH, SIGCHLD) arrive from outside, until DURATION is used up.
#
#   tools/stress.sh [DURATION]     30s (default), 10m, 1h, or plain seconds
#
# Environment:
#   MODES=native,qemu   which modes (default both)
#   SEED=N              first seed (default: from the clock); runs use N, N+1, ...
#   SLICE_MS=N          one run's length natively (default 2000; qemu gets 2x)
#   STRESS=GLOB         which workloads (default all)
#
# A run passes when it exits 0 and prints "ok ..." (its invariants held, see
# test/stress/stress.h). A failure prints the command that repeats it (same
# seed, same GOMAXPROCS) and its output; the exit status is 1 if any run
# failed. Logs stay in build/stress/logs/.
set -u
cd "$(dirname "$0")/.." || exit 1

dur=${1:-30s}
case $dur in
    *h) secs=$((${dur%h} * 3600)) ;;
    *m) secs=$((${dur%m} * 60)) ;;
    *s) secs=${dur%s} ;;
    *) secs=$dur ;;
esac
MODES=${MODES:-native,qemu}
SLICE_MS=${SLICE_MS:-2000}
seed=${SEED:-$(($(date +%s) % 1000000 * 1000))}
first_seed=$seed
OUT=build/stress
LOGS=$OUT/logs
mkdir -p "$LOGS"

progs=()
for f in test/stress/*.cpp; do
    n=$(basename "$f" .cpp)
    # shellcheck disable=SC2053  # a glob on purpose
    [[ $n == ${STRESS:-*} ]] && progs+=("$n")
done
[[ ${#progs[@]} -gt 0 ]] || {
    echo "stress: no workload matches ${STRESS:-*}"
    exit 1
}
make --no-print-directory -s runtime build/tools/mksymtab || exit 1
for n in "${progs[@]}"; do
    make --no-print-directory -s PROG="test/stress/$n.cpp" OUT="$OUT/$n" >"$LOGS/$n.build.log" 2>&1 || {
        echo "FAIL: building test/stress/$n.cpp (log: $LOGS/$n.build.log)"
        exit 1
    }
done
modes=()
[[ ,$MODES, == *,native,* ]] && modes+=(native)
[[ ,$MODES, == *,qemu,* ]] && modes+=(qemu)

# Signals from outside while pid runs: those Go's runtime ignores or uses.
pester() {
    local pid=$1 sigs=(URG WINCH CHLD) i=0
    while kill -0 "$pid" 2>/dev/null; do
        kill -s "${sigs[i % 3]}" "$pid" 2>/dev/null
        i=$((i + 1))
        sleep 0.0$((RANDOM % 9 + 1))
    done
}

runs=0 failed=0 start=$SECONDS
declare -A count
echo "stress: ${#progs[@]} workloads, GOMAXPROCS 1 2 4 8, modes ${modes[*]}, ${secs}s, first seed $first_seed"
while ((SECONDS - start < secs)); do
    for procs in 1 2 4 8; do
        for mode in "${modes[@]}"; do
            for n in "${progs[@]}"; do
                ((SECONDS - start < secs)) || break 4
                ms=$SLICE_MS
                [[ $mode == qemu ]] && ms=$((SLICE_MS * 2))
                log=$LOGS/$n.$mode.$procs.$seed.log
                cmd=(env SEED=$seed DURATION_MS=$ms GOMAXPROCS=$procs)
                [[ $mode == qemu ]] && cmd+=(qemu-x86_64)
                cmd+=("$OUT/$n")
                (ulimit -c 0; exec timeout $((ms / 1000 * 5 + 60)) "${cmd[@]}") >"$log" 2>&1 &
                pid=$!
                pester "$pid" &
                pes=$!
                wait "$pid"
                rc=$?
                kill "$pes" 2>/dev/null
                wait "$pes" 2>/dev/null
                runs=$((runs + 1))
                count[$n]=$((${count[$n]:-0} + 1))
                if [[ $rc -ne 0 ]] || ! grep -q '^ok ' "$log"; then
                    failed=$((failed + 1))
                    echo "FAIL $n [$mode GOMAXPROCS=$procs seed=$seed] exit $rc; repeat with:"
                    echo "    ${cmd[*]}"
                    head -n 40 "$log" | sed 's/^/    | /'
                else
                    rm -f "$log"
                fi
                seed=$((seed + 1))
            done
        done
    done
done
summary=""
for n in "${progs[@]}"; do summary+=" $n=${count[$n]:-0}"; done
echo "stress: $runs runs in $((SECONDS - start))s (seeds $first_seed..$((seed - 1));$summary), $failed failed"
((failed == 0))
