#!/usr/bin/env bash
# runprog.sh — run ONE integration test program and check it against the
# `//!` directives in its source (test/README.md has the reference).
#
#   tools/runprog.sh --runs SRC
#       how many runs the program's directives ask for (0 for a build-error test)
#   tools/runprog.sh --build-errors SRC
#       the texts its build must fail with, one a line (//! build-error:)
#       print the number of runs SRC asks for (its `runs:` directive; 1 without)
#   tools/runprog.sh SRC BIN MODE [RUN [RESULTS]]
#       MODE is native or qemu; RUN is the 0-based index into `runs:` (0 when
#       there is none). Prints one line, "PASS|FAIL|SKIP name [mode env] time",
#       and writes RESULTS/name.mode.RUN.{status,log} (the log explains a
#       failure: command, expectations missed, stdout and stderr, truncated).
#       Exit status: 0 pass or skip, 1 fail, 3 bad usage or bad directives.
set -u

usage() {
    echo "usage: $0 --runs SRC | $0 --build-errors SRC | $0 SRC BIN native|qemu [RUN [RESULTS]]" >&2
    exit 3
}

# ---- directives ------------------------------------------------------------------

ARGS=""            # raw text; split like a shell (quotes honoured) by split_words
ENV_ALL=""
ENV_NATIVE=""
ENV_QEMU=""
RUNS=()            # one env string per run
EXIT_WANT=0
TIMEOUT=10
QEMU_TIMEOUT=""
QEMU_SKIP=""
STDOUT_EXACT=()
HAVE_STDOUT_EXACT=0
STDERR_EXACT=()
HAVE_STDERR_EXACT=0
CHECKS=()          # "kind<TAB>text" for the containment and regex checks
BUILD_ERRORS=()    # texts the build's output must contain: the build must fail
BAD_DIRECTIVES=()

parse_directives() {
    local src=$1 line key val
    while IFS= read -r line || [[ -n $line ]]; do
        [[ $line == '//!'* ]] || continue
        line=${line#'//!'}
        line=${line# }
        if [[ $line != *:* ]]; then
            # flag directives without a value
            case $line in
                stdout-empty) HAVE_STDOUT_EXACT=1; STDOUT_EXACT=() ;;
                stderr-empty) HAVE_STDERR_EXACT=1; STDERR_EXACT=() ;;
                *) BAD_DIRECTIVES+=("$line") ;;
            esac
            continue
        fi
        key=${line%%:*}
        val=${line#*:}
        val=${val# }
        case $key in
            args) ARGS=$val ;;
            env) ENV_ALL="$ENV_ALL $val" ;;
            env-native) ENV_NATIVE="$ENV_NATIVE $val" ;;
            env-qemu) ENV_QEMU="$ENV_QEMU $val" ;;
            runs)
                local parts r
                IFS=';' read -ra parts <<<"$val"
                for r in "${parts[@]}"; do
                    r=${r#"${r%%[![:space:]]*}"}  # trim both ends
                    r=${r%"${r##*[![:space:]]}"}
                    RUNS+=("$r")
                done
                ;;
            exit) EXIT_WANT=$val ;;
            timeout) TIMEOUT=$val ;;
            qemu-timeout) QEMU_TIMEOUT=$val ;;
            qemu)
                if [[ $val == skip* ]]; then
                    QEMU_SKIP=${val#skip}
                    QEMU_SKIP=${QEMU_SKIP# }
                    QEMU_SKIP=${QEMU_SKIP:-no reason given}
                else
                    BAD_DIRECTIVES+=("$line")
                fi
                ;;
            stdout) HAVE_STDOUT_EXACT=1; STDOUT_EXACT+=("$val") ;;
            stderr) HAVE_STDERR_EXACT=1; STDERR_EXACT+=("$val") ;;
            stdout-contains | stdout-not-contains | stdout-regex | stdout-not-regex | \
            stderr-contains | stderr-not-contains | stderr-regex | stderr-not-regex | stderr-order | stderr-frames)
                CHECKS+=("$key"$'\t'"$val") ;;
            build-error) BUILD_ERRORS+=("$val") ;;
            *) BAD_DIRECTIVES+=("$line") ;;
        esac
    done <"$src"
    [[ ${#RUNS[@]} -gt 0 ]] || RUNS=("")
}

# Splits $1 into words like a shell would: blanks separate, single and
# double quotes group (and may make an empty word: ''), a backslash outside
# single quotes takes the next character literally; no expansion. The words
# go to stdout, each followed by a NUL.
split_words() {
    local s=$1 i c word="" inword=0 quote=""
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        if [[ -n $quote ]]; then
            if [[ $c == "$quote" ]]; then
                quote=""
            elif [[ $c == '\' && $quote == '"' && $((i + 1)) -lt ${#s} ]]; then
                i=$((i + 1))
                word+=${s:i:1}
            else
                word+=$c
            fi
        elif [[ $c == [[:space:]] ]]; then
            ((inword)) && printf '%s\0' "$word"
            word="" inword=0
        elif [[ $c == "'" || $c == '"' ]]; then
            quote=$c inword=1
        elif [[ $c == '\' && $((i + 1)) -lt ${#s} ]]; then
            i=$((i + 1))
            word+=${s:i:1} inword=1
        else
            word+=$c inword=1
        fi
    done
    ((inword)) && printf '%s\0' "$word"
    return 0
}

# ---- usage: --runs -------------------------------------------------------------------

[[ $# -ge 1 ]] || usage
if [[ $1 == --runs ]]; then
    [[ $# -eq 2 ]] || usage
    parse_directives "$2"
    if [[ ${#BUILD_ERRORS[@]} -gt 0 ]]; then echo 0; else echo "${#RUNS[@]}"; fi
    exit 0
fi
if [[ $1 == --build-errors ]]; then
    [[ $# -eq 2 ]] || usage
    parse_directives "$2"
    [[ ${#BUILD_ERRORS[@]} -gt 0 ]] && printf '%s\n' "${BUILD_ERRORS[@]}"
    exit 0
fi
[[ $# -ge 3 ]] || usage

SRC=$1
BIN=$2
MODE=$3
RUN=${4:-0}
RESULTS=${5:-build/tests/results}
NAME=$(basename "$SRC" .cpp)
[[ $MODE == native || $MODE == qemu ]] || usage

parse_directives "$SRC"
mkdir -p "$RESULTS"
RUN_ENV=${RUNS[$RUN]:-}
LABEL="$MODE${RUN_ENV:+ $RUN_ENV}"
TAG="$NAME.$MODE.$RUN"
STATUS_FILE=$RESULTS/$TAG.status
LOG=$RESULTS/$TAG.log
: >"$LOG"

finish() {  # finish STATUS [detail]
    local status=$1 detail=${2:-}
    echo "$status" >"$STATUS_FILE"
    printf '%-4s %s [%s]%s\n' "$status" "$NAME" "$LABEL" "${detail:+ $detail}"
    case $status in
        PASS | SKIP) exit 0 ;;
        *) exit 1 ;;
    esac
}

if [[ ${#BAD_DIRECTIVES[@]} -gt 0 ]]; then
    printf 'unknown or malformed directive: //! %s\n' "${BAD_DIRECTIVES[@]}" >>"$LOG"
    finish FAIL "(bad directives)"
fi
if [[ $MODE == qemu && -n $QEMU_SKIP ]]; then
    echo "skipped under qemu: $QEMU_SKIP" >>"$LOG"
    finish SKIP "(qemu: $QEMU_SKIP)"
fi
if [[ ! -x $BIN ]]; then
    echo "$BIN was not built; see the build failure above" >>"$LOG"
    finish FAIL "(not built)"
fi

# ---- run it ---------------------------------------------------------------------------

SCALE=${TEST_TIMEOUT_SCALE:-1}
if [[ $MODE == qemu ]]; then
    limit=${QEMU_TIMEOUT:-$((TIMEOUT * 4))}
else
    limit=$TIMEOUT
fi
limit=$((limit * SCALE))

args=() envs=()
while IFS= read -r -d '' w; do args+=("$w"); done < <(split_words "$ARGS")
mode_env=$ENV_NATIVE
[[ $MODE == qemu ]] && mode_env=$ENV_QEMU
while IFS= read -r -d '' w; do envs+=("$w"); done < <(split_words "$ENV_ALL $RUN_ENV $mode_env")

abs_bin=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
cmd=("$abs_bin")
[[ $MODE == qemu ]] && cmd=(qemu-x86_64 "$abs_bin")

# Each run in its own scratch directory (a crashing qemu drops a core file in
# its working directory), with the runtime's variables cleared so that the
# caller's GODEBUG or GOMAXPROCS cannot change a test.
work=$(mktemp -d "${TMPDIR:-/tmp}/runprog.XXXXXX")
trap 'rm -rf "$work"' EXIT
ulimit -c 0
start=$(date +%s%N)
{
    (
        cd "$work" &&
            exec timeout -k 5 "$limit" env -u GODEBUG -u GOMAXPROCS -u GOTRACEBACK \
                TEST_MODE="$MODE" ${envs[@]+"${envs[@]}"} "${cmd[@]}" ${args[@]+"${args[@]}"} \
                </dev/null >"$work/stdout" 2>"$work/stderr"
    )
} 2>/dev/null  # no "Segmentation fault" chatter from this shell: the log says it
rc=$?
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
elapsed=$(printf '%d.%02ds' $((elapsed_ms / 1000)) $((elapsed_ms % 1000 / 10)))

# ---- check it -----------------------------------------------------------------------

problems=()
if [[ $rc -eq 124 || $rc -eq 137 ]] && [[ $EXIT_WANT != "$rc" ]]; then
    problems+=("timed out after ${limit}s (exit status $rc)")
elif [[ $rc != "$EXIT_WANT" ]]; then
    if ((rc > 128)); then
        problems+=("exit status $rc (killed by signal $((rc - 128))), want $EXIT_WANT")
    else
        problems+=("exit status $rc, want $EXIT_WANT")
    fi
fi

if ((HAVE_STDOUT_EXACT)); then
    if ((${#STDOUT_EXACT[@]})); then printf '%s\n' "${STDOUT_EXACT[@]}"; fi >"$work/stdout.want"
    cmp -s "$work/stdout.want" "$work/stdout" ||
        problems+=("stdout differs from the expected text:"$'\n'"$(diff "$work/stdout.want" "$work/stdout" | head -n 20)")
fi
if ((HAVE_STDERR_EXACT)); then
    if ((${#STDERR_EXACT[@]})); then printf '%s\n' "${STDERR_EXACT[@]}"; fi >"$work/stderr.want"
    cmp -s "$work/stderr.want" "$work/stderr" ||
        problems+=("stderr differs from the expected text:"$'\n'"$(diff "$work/stderr.want" "$work/stderr" | head -n 20)")
fi

for c in ${CHECKS[@]+"${CHECKS[@]}"}; do
    kind=${c%%$'\t'*}
    text=${c#*$'\t'}
    stream=${kind%%-*}
    file=$work/$stream
    case $kind in
        *-not-contains) grep -qF -- "$text" "$file" && problems+=("$stream contains \"$text\", it must not") ;;
        *-contains) grep -qF -- "$text" "$file" || problems+=("$stream lacks \"$text\"") ;;
        *-not-regex) grep -qE -- "$text" "$file" && problems+=("$stream matches /$text/, it must not") ;;
        *-regex) grep -qE -- "$text" "$file" || problems+=("$stream does not match /$text/") ;;
        stderr-frames)
            # "HEADER | f1 | f2": the function lines of the traceback under
            # the line HEADER (the lines not starting with a tab, up to the
            # next blank line) are exactly f1, f2, ... in order.
            header=${text%%' | '*}
            want=${text#*' | '}
            got=$(awk -v h="$header" '
                found && $0 == "" { exit }
                found && !/^\t/ { printf "%s%s", sep, $0; sep = " | " }
                $0 == h { found = 1 }' "$file")
            [[ $got == "$want" ]] || problems+=("stderr-frames under \"$header\": got \"$got\", want \"$want\"")
            ;;
        stderr-order)
            # Each " | "-separated part must occur after the previous one.
            rest=$(head -c 4000000 "$file")
            parts=()
            while [[ $text == *' | '* ]]; do
                parts+=("${text%%' | '*}")
                text=${text#*' | '}
            done
            parts+=("$text")
            prev="(start)"
            for p in "${parts[@]}"; do
                if [[ $rest != *"$p"* ]]; then
                    problems+=("stderr-order: \"$p\" does not appear after \"$prev\"")
                    break
                fi
                rest=${rest#*"$p"}
                prev=$p
            done
            ;;
    esac
done

if [[ ${#problems[@]} -eq 0 ]]; then
    finish PASS "$elapsed"
fi

# Explain the failure in the log: what ran, what was wrong, what it printed.
show() {  # show FILE: first 40 and last 15 lines, each cut to 300 characters
    local f=$1 n
    n=$(wc -l <"$f")
    if ((n <= 60)); then
        cut -c1-300 "$f"
    else
        head -n 40 "$f" | cut -c1-300
        echo "    ... ($((n - 55)) lines left out) ..."
        tail -n 15 "$f" | cut -c1-300
    fi
}
{
    echo "command: $(printf '%q ' env TEST_MODE="$MODE" ${envs[@]+"${envs[@]}"} "${cmd[@]}" ${args[@]+"${args[@]}"})"
    echo "         (in a scratch directory; timeout ${limit}s, took $elapsed)"
    for p in "${problems[@]}"; do echo "  - $p"; done
    echo "  stdout ($(wc -c <"$work/stdout") bytes):"
    show "$work/stdout" | sed 's/^/    | /'
    echo "  stderr ($(wc -c <"$work/stderr") bytes):"
    show "$work/stderr" | sed 's/^/    | /'
} >>"$LOG"
finish FAIL "$elapsed: ${problems[0]%%$'\n'*}"
