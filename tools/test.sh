#!/usr/bin/env bash
# test.sh — what `make test` runs (test/README.md explains the tests).
#
#   tools/test.sh                   everything: deps, build, unit, elf, layout, gocxx, programs, http, stress, debug, golden
#   tools/test.sh deps|build|unit|elf|layout|gocxx|http|stress|debug   one step (http: curl against the HTTP
#                                   example; gocxx: the driver, make install and CMake)
#   tools/test.sh programs [NAME...]    integration programs only; NAMEs may be
#                                       globs (chan_*) or paths to .cpp files
#   tools/test.sh golden [NAME...]      the golden suite only (test/golden/README.md)
#
# Environment:
#   TESTS=GLOB[,GLOB...]  which programs to run (same as NAMEs; default all)
#   MODES=native,qemu     which modes (default both)
#   JOBS=N                parallel builds and runs (default: number of CPUs)
#   TEST_TIMEOUT_SCALE=N  multiply every per-run timeout by N (slow machines)
#   VERBOSE=1             print every failing run's log, not only the first lines
#   STRESS_DURATION=30s   how long the stress slice runs (tools/stress.sh)
#
# Exit status: 0 when everything run passed (SKIPs allowed), 1 otherwise.
set -u

cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
. tools/httpserver.sh
PROGDIR=test/programs
OUTDIR=build/tests
RESULTS=$OUTDIR/results
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
MODES=${MODES:-native,qemu}
FAILED=0

say() { printf '\n==> %s  [%ds]\n' "$*" "$SECONDS"; }  # [seconds since make test began]
fail() {
    echo "FAIL: $*"
    FAILED=1
}

# ---- 1. dependencies ---------------------------------------------------------------

step_deps() {
    say "dependencies"
    local missing=()
    [[ -f /usr/include/catch2/catch.hpp ]] || missing+=(catch2)
    command -v qemu-x86_64 >/dev/null 2>&1 || missing+=(qemu-user)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    command -v gdb >/dev/null 2>&1 || missing+=(gdb)
    command -v cmake >/dev/null 2>&1 || missing+=(cmake)  # the gocxx step builds a CMake project
    if [[ ${#missing[@]} -eq 0 ]]; then
        echo "catch2, qemu-x86_64, curl, gdb and cmake present"
        return 0
    fi
    local sudo=""
    if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo="sudo -n"  # not root, but allowed to install without a password
    fi
    if [[ $(id -u) -eq 0 || -n $sudo ]]; then
        echo "installing: ${missing[*]}"
        $sudo apt-get update && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" || {
            echo "FAIL: could not install ${missing[*]}"
            exit 1
        }
    else
        echo "missing: ${missing[*]}. Install them with:"
        echo
        echo "    sudo apt-get install -y ${missing[*]}"
        echo
        exit 1
    fi
}

# ---- 2. build and host unit tests -------------------------------------------------------

step_build() {
    say "make (./hello and the runtime)"
    make --no-print-directory -j"$JOBS" || {
        echo "FAIL: make"
        exit 1
    }
}

step_unit() {
    say "make unit (host Catch2 tests)"
    make --no-print-directory -j"$JOBS" unit || fail "make unit"
}

# ---- 3. ELF checks on ./hello ------------------------------------------------------------

# undefined_symbols BIN: what `nm -u BIN` lists. The shipped binary keeps
# only the boot-sequence symbols (tools/keep-symbols.txt), which is enough:
# an undefined symbol would be listed all the same.
undefined_symbols() {
    nm -u "$1" 2>&1
}

step_elf() {
    say "ELF checks on ./hello"
    [[ -x hello ]] || {
        fail "./hello was not built"
        return
    }
    local undef
    undef=$(undefined_symbols hello)
    if [[ -z $undef ]]; then echo "PASS nm -u hello prints nothing"; else fail "nm -u hello: $undef"; fi

    if readelf -l hello | grep -q INTERP; then fail "readelf -l hello shows an INTERP segment"; else
        echo "PASS no INTERP segment (static)"
    fi

    local entry symfile=hello sym
    entry=$(readelf -h hello | awk '/Entry point address/ {print $4}')
    sym=$(nm "$symfile" 2>/dev/null | awk '$3 == "_rt0_amd64_linux" {print $1}')
    if [[ -n $entry && -n $sym ]] && ((entry == 16#$sym)); then
        echo "PASS ELF entry $entry is _rt0_amd64_linux"
    else
        fail "ELF entry ${entry:-?} is not _rt0_amd64_linux (${sym:-not found in $symfile})"
    fi

    local mode out err rc
    for mode in native qemu; do
        [[ ,$MODES, == *,$mode,* ]] || continue
        out=$(mktemp) err=$(mktemp)
        if [[ $mode == native ]]; then
            (cd /tmp && env -u GODEBUG -u GOMAXPROCS timeout 10 "$ROOT/hello") >"$out" 2>"$err"
        else
            (cd /tmp && ulimit -c 0 && env -u GODEBUG -u GOMAXPROCS timeout 60 qemu-x86_64 "$ROOT/hello") >"$out" 2>"$err"
        fi
        rc=$?
        if [[ $rc -eq 0 && $(cat "$out") == "hello, world" && $(wc -c <"$out") -eq 13 && ! -s $err ]]; then
            echo "PASS ./hello [$mode] prints exactly \"hello, world\""
        else
            fail "./hello [$mode]: exit $rc, stdout: $(head -c 300 "$out"), stderr: $(head -c 300 "$err")"
        fi
        rm -f "$out" "$err"
    done
}

# ---- 4. integration programs ---------------------------------------------------------------

# The selected programs' base names, one a line.
select_programs() {
    local pats=("$@") f name p
    if [[ ${#pats[@]} -eq 0 && -n ${TESTS:-} ]]; then IFS=',' read -ra pats <<<"$TESTS"; fi
    for f in "$PROGDIR"/*.cpp; do
        [[ -e $f ]] || continue
        name=$(basename "$f" .cpp)
        if [[ ${#pats[@]} -eq 0 ]]; then
            echo "$name"
            continue
        fi
        for p in "${pats[@]}"; do
            p=$(basename "$p" .cpp)
            # shellcheck disable=SC2053  # p is a glob on purpose
            if [[ $name == $p ]]; then
                echo "$name"
                break
            fi
        done
    done
}

# Build one program (run by xargs): prints PASS/FAIL build lines.
# A program with //! build-error: directives must fail to build, and the
# build's output must contain each text (the promised message).
build_fails() {
    local name=$1 log=$2 want missing=()
    mapfile -t want < <(tools/runprog.sh --build-errors "$PROGDIR/$name.cpp")
    if make --no-print-directory PROG="$PROGDIR/$name.cpp" OUT="$OUTDIR/$name" >"$log" 2>&1; then
        missing=("the build succeeded")
    else
        local w
        for w in "${want[@]}"; do grep -qF -- "$w" "$log" || missing+=("no \"$w\" in the build's output"); done
    fi
    rm -f "$OUTDIR/$name"
    if [[ ${#missing[@]} -eq 0 ]]; then
        echo PASS >"$RESULTS/$name.build.status"
        printf 'PASS %s [build fails as expected]\n' "$name"
    else
        echo FAIL >"$RESULTS/$name.build.status"
        { printf '%s\n' "${missing[@]}"; echo "  build output:"; head -n 30 "$log" | sed 's/^/    | /'; } >"$RESULTS/$name.build.log"
        printf 'FAIL %s [build-error] %s\n' "$name" "${missing[0]}"
    fi
}

build_one() {
    local name=$1 log=$OUTDIR/$1.build.log
    rm -f "$OUTDIR/$name"
    if [[ -n $(tools/runprog.sh --build-errors "$PROGDIR/$name.cpp") ]]; then
        build_fails "$name" "$log"
        return 0
    fi
    if ! make --no-print-directory PROG="$PROGDIR/$name.cpp" OUT="$OUTDIR/$name" >"$log" 2>&1; then
        echo "FAIL" >"$RESULTS/$name.build.status"
        {
            echo "build failed: make PROG=$PROGDIR/$name.cpp OUT=$OUTDIR/$name (whole log: $log)"
            grep -E 'error' "$log" | head -n 15 | cut -c1-300
            echo "  last lines:"
            tail -n 8 "$log" | cut -c1-300 | sed 's/^/    | /'
        } >"$RESULTS/$name.build.log"
        rm -f "$OUTDIR/$name"
        printf 'FAIL %s [build] %s\n' "$name" "$(grep -m1 -E 'error' "$log" | cut -c1-160)"
        return 0
    fi
    local undef
    undef=$(undefined_symbols "$OUTDIR/$name" 2>/dev/null)
    if [[ -n $undef ]]; then
        echo "FAIL" >"$RESULTS/$name.build.status"
        echo "nm -u $OUTDIR/$name is not empty: $undef" >"$RESULTS/$name.build.log"
        rm -f "$OUTDIR/$name"
        printf 'FAIL %s [build] undefined symbols: %s\n' "$name" "$(echo "$undef" | head -n 3 | tr '\n' ' ')"
    fi
}

step_programs() {
    local names
    mapfile -t names < <(select_programs "$@")
    say "integration programs: ${#names[@]} selected, modes $MODES, $JOBS in parallel"
    if [[ ${#names[@]} -eq 0 ]]; then
        fail "no program in $PROGDIR matches: ${*:-${TESTS:-}}"
        return
    fi
    local n
    rm -rf "$RESULTS"  # results are those of this run only
    mkdir -p "$OUTDIR" "$RESULTS"

    # The runtime first, serially: the parallel program builds below then
    # only compile and link their own files.
    make --no-print-directory -s runtime build/tools/mksymtab || {
        fail "building the runtime"
        return
    }
    export -f build_one build_fails undefined_symbols
    export OUTDIR RESULTS PROGDIR
    printf '%s\n' "${names[@]}" | xargs -P "$JOBS" -I{} bash -c 'build_one "$1"' _ {}

    # One job per program, mode and run.
    local jobs=() runs i mode
    for n in "${names[@]}"; do
        [[ -e $RESULTS/$n.build.status ]] && continue  # did not build: reported above
        runs=$(tools/runprog.sh --runs "$PROGDIR/$n.cpp")
        for mode in native qemu; do
            [[ ,$MODES, == *,$mode,* ]] || continue
            for ((i = 0; i < runs; i++)); do jobs+=("$n $mode $i"); done
        done
    done
    local start=$SECONDS
    [[ ${#jobs[@]} -gt 0 ]] && printf '%s\n' "${jobs[@]}" | xargs -P "$JOBS" -L 1 bash -c \
        'tools/runprog.sh "$PROGDIR/$0.cpp" "$OUTDIR/$0" "$1" "$2" "$RESULTS" || true'

    # A run that left no result (the runner itself died) is a failure too.
    local j
    for j in ${jobs[@]+"${jobs[@]}"}; do
        read -r n mode i <<<"$j"
        if [[ ! -e $RESULTS/$n.$mode.$i.status ]]; then
            echo FAIL >"$RESULTS/$n.$mode.$i.status"
            echo "tools/runprog.sh left no result for run $i of $n under $mode" >"$RESULTS/$n.$mode.$i.log"
        fi
    done

    # Summary, then the logs of what failed.
    local pass=0 failn=0 skip=0 s f
    for f in "$RESULTS"/*.status; do
        [[ -e $f ]] || continue
        s=$(cat "$f")
        case $s in
            PASS) pass=$((pass + 1)) ;;
            SKIP) skip=$((skip + 1)) ;;
            *) failn=$((failn + 1)) ;;
        esac
    done
    if ((failn > 0)); then
        say "failures (logs in $RESULTS/)"
        for f in "$RESULTS"/*.status; do
            [[ $(cat "$f") == FAIL ]] || continue
            local log=${f%.status}.log tag
            tag=$(basename "$f" .status)
            echo "--- $tag"
            if [[ -n ${VERBOSE:-} ]]; then cat "$log"; else head -n 60 "$log"; fi
        done
        FAILED=1
    fi
    say "programs: $pass runs passed, $failn failed (runs and builds), $skip skipped ($((SECONDS - start))s of runs)"
    if ((failn > 0)); then
        echo "failed:"
        for f in "$RESULTS"/*.status; do
            [[ $(cat "$f") == FAIL ]] && echo "    $(basename "$f" .status)"
        done
    fi
}

# ---- 5. the build's own guarantees --------------------------------------------------------

# A link whose runtime text range would be wrong must stop with a clear
# message (linker.ld's ASSERT, mksymtab's checks): user code claiming the
# runtime's sections, and a runtime library whose code is not marked.
link_pass1() {  # OUT OBJ LIBRUNTIME -> status; output in OUT.log
    local out=$1 obj=$2 lib=$3
    g++ -nostdlib -static -no-pie -T linker.ld -Wl,--gc-sections -Wl,-Map="$out.map" -o "$out" \
        "$obj" -Wl,--start-group build/lib/libgo.a "$lib" -Wl,--end-group "$(g++ -print-libgcc-file-name)" \
        >"$out.log" 2>&1 &&
        build/tools/mksymtab --runtime-lib "$lib" "$out" "$out.map" "$out.S" >>"$out.log" 2>&1
}

step_layout() {
    say "build guarantees"
    local d=build/layoutcheck obj=build/prog/user__main.o
    rm -rf "$d" && mkdir -p "$d/unmarked"
    if link_pass1 "$d/ok" "$obj" build/lib/libruntime.a; then echo "PASS a normal link passes the checks"; else
        fail "a normal link fails the checks: $(tail -n 3 "$d/ok.log")"
    fi
    cp "$obj" "$d/raw.o" && tools/markruntime.sh "$d/raw.o" "$d/marked.o" user/main.cpp
    if ! link_pass1 "$d/marked" "$d/marked.o" build/lib/libruntime.a &&
        grep -q "only the runtime library may put code in the runtime text range" "$d/marked.log"; then
        echo "PASS user code marked as runtime code is refused at link time"
    else
        fail "user code in the runtime text range was not refused: $(tail -n 3 "$d/marked.log")"
    fi
    # The runtime's objects with their marks undone, as a foreign build would make them.
    (cd "$d/unmarked" && ar x ../../lib/libruntime.a) && local o sec args
    for o in "$d"/unmarked/*.o; do
        args=()
        for sec in $(readelf -SW "$o" | sed -n 's/^ *\[ *[0-9]*\] \(\.runtime\.text[^ ]*\) .*/\1/p'); do
            args+=(--rename-section "$sec=${sec#.runtime}")
        done
        objcopy "${args[@]}" "$o"
    done
    ar rcs "$d/libunmarked.a" "$d"/unmarked/*.o
    if ! link_pass1 "$d/unmarked.elf" "$obj" "$d/libunmarked.a" && grep -q "runtime text range is empty" "$d/unmarked.elf.log"; then
        echo "PASS a runtime library without its marks is refused at link time"
    else
        fail "an unmarked runtime library was not refused: $(tail -n 3 "$d/unmarked.elf.log")"
    fi
    # mksymtab on broken input: a clear message and a failed link, never a
    # crash or an empty table.
    # DWARF that ends early or names abbreviations it never declared.
    local mk=build/tools/mksymtab ok=$d/ok
    head -c 5000 "$ok" >"$d/trunc.elf"
    objcopy --dump-section .debug_info="$d/info" --dump-section .debug_abbrev="$d/abbrev" "$ok" &&
        head -c 3000 "$d/info" >"$d/info.short" && head -c "$(stat -c %s "$d/abbrev")" /dev/zero >"$d/abbrev.zero" &&
        objcopy --update-section .debug_info="$d/info.short" "$ok" "$d/dwarf-short.elf" &&
        objcopy --update-section .debug_abbrev="$d/abbrev.zero" "$ok" "$d/dwarf-abbrev.elf"
    local -a bad=(
        "truncated (truncated?)|$mk --runtime-lib build/lib/libruntime.a $d/trunc.elf $ok.map $d/x.S"
        "check-truncated (truncated?)|$mk --check $d/trunc.elf $ok"
        "dwarf-short .debug_info ends in the middle of an entry|$mk --runtime-lib build/lib/libruntime.a $d/dwarf-short.elf $ok.map $d/x.S"
        "dwarf-abbrev a DIE with an unknown abbreviation code|$mk --runtime-lib build/lib/libruntime.a $d/dwarf-abbrev.elf $ok.map $d/x.S"
        "not-a-map is not a link map|$mk --runtime-lib build/lib/libruntime.a $ok /dev/null $d/x.S"
    )
    local c name want cmd st
    for c in "${bad[@]}"; do
        name=${c%%|*} cmd=${c#*|} want=${name#* } name=${name%% *}
        bash -c "$cmd" >"$d/$name.log" 2>&1
        st=$?
        if [[ $st == 1 ]] && grep -qF "mksymtab: " "$d/$name.log" && grep -qF "$want" "$d/$name.log"; then
            echo "PASS mksymtab $name: exit 1, \"$want\""
        else
            fail "mksymtab $name: status $st, want 1 and \"$want\": $(tail -n 3 "$d/$name.log")"
        fi
    done
    if readelf -SW hello | grep -q '\.debug_'; then fail "hello has .debug_* sections"; else
        echo "PASS hello has no .debug_* sections"
    fi
    local newdir
    newdir=$(mktemp -d)/some/new/dir
    if make --no-print-directory -s PROG=user/main.cpp OUT="$newdir/hello" >"$d/outdir.log" 2>&1 &&
        [[ $("$newdir/hello") == "hello, world" ]]; then
        echo "PASS make OUT= into a folder that did not exist"
    else
        fail "make PROG=user/main.cpp OUT=$newdir/hello: $(tail -n 3 "$d/outdir.log")"
    fi
    rm -rf "${newdir%/some/new/dir}"
}

# ---- 6. curl against the HTTP example ----------------------------------------------------

# user/examples/http_hello.cpp serves curl natively and under qemu: two
# requests on one kept-alive connection, each answered "Hello, World!".
step_http() {
    say "curl against user/examples/http_hello.cpp"
    local bin=build/tests/http_hello log=build/tests/results/http_hello.log
    mkdir -p build/tests/results
    if ! make PROG=user/examples/http_hello.cpp OUT=$bin >"$log" 2>&1; then
        echo "FAIL http_hello [build] (see $log)"
        FAILED=1
        return
    fi
    local mode
    for mode in native qemu; do
        local port pid out
        if [[ $mode == native ]]; then start_http_server "$log" "$bin"; else start_http_server "$log" qemu-x86_64 "$bin"; fi
        port=$HTTP_PORT pid=$HTTP_PID
        out=$(curl -sv "http://127.0.0.1:$port/" "http://127.0.0.1:$port/again" 2>&1)
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        if [[ $(grep -c '^Hello, World!$' <<<"$out") -eq 2 ]] && grep -q 'Re-using existing connection' <<<"$out"; then
            echo "PASS http_hello [$mode] curl: two requests on one connection"
        else
            echo "FAIL http_hello [$mode] curl:"
            sed 's/^/    | /' <<<"$out" | head -40
            FAILED=1
        fi
    done
}

# ---- 7. a slice of the stress workloads ---------------------------------------------------

step_stress() {
    say "stress: a ${STRESS_DURATION:-30s} slice (make stress DURATION=10m for longer)"
    MODES=$MODES tools/stress.sh "${STRESS_DURATION:-30s}" || fail "stress (the seeds above repeat the failures)"
}

# ---- 8. the golden suite: the same programs in Go 1.19 ---------------------------------------

step_golden() {
    say "golden suite (test/golden: our output against Go 1.19's), modes $MODES"
    MODES=$MODES tools/golden.sh test "$@" || FAILED=1
}

# ---- 9. debugging tools: tracer, debug files, gdb (tools/test_debug.sh) ----------------

step_debug() {
    say "debugging tools (tools/test_debug.sh)"
    MODES=$MODES tools/test_debug.sh || fail "tools/test_debug.sh"
}

# ---- 10. gocxx, make install and CMake ------------------------------------------------------

# check_run WHAT BIN EXPECTED: BIN exits 0 and prints exactly the file's
# text, natively and under qemu (as MODES says).
check_run() {
    local what=$1 bin=$2 want=$3 mode out rc
    for mode in native qemu; do
        [[ ,$MODES, == *,$mode,* ]] || continue
        if [[ $mode == native ]]; then
            out=$(cd /tmp && timeout 20 "$bin" 2>&1)
        else
            out=$(cd /tmp && ulimit -c 0 && timeout 80 qemu-x86_64 "$bin" 2>&1)
        fi
        rc=$?
        if [[ $rc -eq 0 && $out == "$(cat "$want")" ]]; then echo "PASS $what [$mode]"; else
            fail "$what [$mode]: exit $rc, output: $(head -c 300 <<<"$out")"
        fi
    done
}

# built WHAT LOG COMMAND...: runs the build command, failing with its log.
built() {
    local what=$1 log=$2
    shift 2
    "$@" >"$log" 2>&1 && return 0
    fail "$what: $* failed:"
    tail -n 12 "$log" | cut -c1-300 | sed 's/^/    | /'
    return 1
}

# The CMake example (user/examples/cmake: a library of two files, a program
# of two) built every way a project outside this tree builds: one gocxx
# command, gocxx -c then a link of objects and of a static library, the
# installed gocxx from a temporary PREFIX (moved after installing) in a
# folder outside the tree, and CMake with the toolchain file and with
# CMAKE_CXX_COMPILER.
step_gocxx() {
    say "gocxx, make install, CMake"
    local ex=$ROOT/user/examples/cmake d
    local want=$ex/expected.txt gocxx=$ROOT/tools/gocxx
    d=$(mktemp -d)
    make --no-print-directory -s runtime build/tools/mksymtab || {
        fail "building the runtime"
        return
    }
    local srcs=("$ex/app/main.cpp" "$ex/app/report.cpp" "$ex/words/split.cpp" "$ex/words/count.cpp")
    built "gocxx a.cpp b.cpp..." "$d/one.log" "$gocxx" -O2 -Wall -I"$ex/words" -o "$d/one" "${srcs[@]}" &&
        check_run "gocxx -o app a.cpp b.cpp c.cpp d.cpp" "$d/one" "$want"

    local s ok=1
    for s in "${srcs[@]}"; do
        built "gocxx -c" "$d/c.log" "$gocxx" -O2 -I"$ex/words" -c "$s" -o "$d/$(basename "$s" .cpp).o" || ok=0
    done
    if ((ok)); then
        built "gocxx *.o" "$d/objs.log" "$gocxx" -o "$d/objs" "$d/main.o" "$d/report.o" "$d/split.o" "$d/count.o" &&
            check_run "gocxx -c, then gocxx -o app *.o" "$d/objs" "$want"
        ar rcs "$d/libwords.a" "$d/split.o" "$d/count.o"
        built "gocxx -lwords" "$d/lib.log" "$gocxx" -o "$d/withlib" "$d/main.o" "$d/report.o" -L"$d" -lwords &&
            check_run "gocxx -o app *.o -L. -lwords" "$d/withlib" "$want"
    fi

    local flag
    for flag in -pthread -fexceptions -frtti -shared -fPIC -lstdc++; do
        if "$gocxx" "$flag" -o "$d/refused" "${srcs[0]}" >"$d/refused.log" 2>&1 || ! grep -q "^gocxx: $flag is not supported: " "$d/refused.log"; then
            fail "gocxx $flag was not refused with a reason: $(head -c 200 "$d/refused.log")"
        else
            echo "PASS gocxx $flag is refused: $(cut -c1-100 "$d/refused.log")..."
        fi
    done

    built "make install" "$d/install.log" make --no-print-directory -s install PREFIX="$d/prefix" || return
    mv "$d/prefix" "$d/moved"  # the installed gocxx finds its files from its own location
    cp -R "$ex" "$d/outside"
    built "installed gocxx" "$d/installed.log" \
        bash -c "cd '$d/outside' && '$d/moved/bin/gocxx' -O2 -Iwords -o wordcount app/main.cpp app/report.cpp words/split.cpp words/count.cpp" &&
        check_run "installed gocxx, outside the tree" "$d/outside/wordcount" "$want"

    if ! command -v cmake >/dev/null 2>&1; then
        fail "cmake is missing (tools/test.sh deps installs it)"
        return
    fi
    built "cmake with the toolchain file" "$d/cmake1.log" \
        cmake -S "$d/outside" -B "$d/cmake1" -DCMAKE_TOOLCHAIN_FILE="$d/moved/share/gocxx/toolchain.cmake" &&
        built "cmake --build" "$d/cmake1b.log" cmake --build "$d/cmake1" &&
        check_run "CMake, -DCMAKE_TOOLCHAIN_FILE=PREFIX/share/gocxx/toolchain.cmake" "$d/cmake1/wordcount" "$want"
    built "cmake with CMAKE_CXX_COMPILER" "$d/cmake2.log" \
        cmake -S "$d/outside" -B "$d/cmake2" -DCMAKE_CXX_COMPILER="$d/moved/bin/gocxx" &&
        built "cmake --build" "$d/cmake2b.log" cmake --build "$d/cmake2" &&
        check_run "CMake, -DCMAKE_CXX_COMPILER=PREFIX/bin/gocxx" "$d/cmake2/wordcount" "$want"
    rm -rf "$d"
}

# ---- main ---------------------------------------------------------------------------------

what=${1:-all}
[[ $# -gt 0 ]] && shift
case $what in
    all)
        step_deps
        step_build
        step_unit
        step_elf
        step_layout
        step_gocxx
        step_programs
        step_http
        step_stress
        step_debug
        step_golden
        ;;
    deps) step_deps ;;
    build) step_build ;;
    unit) step_deps && step_unit ;;
    elf) step_build && step_elf ;;
    layout) step_build && step_layout ;;
    stress) step_stress ;;
    gocxx) step_gocxx ;;
    programs) step_programs "$@" ;;
    golden) step_golden "$@" ;;
    http) step_http ;;
    debug) step_build && step_debug ;;
    -h | --help | help)
        sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "unknown step: $what (try: all, deps, build, unit, elf, layout, gocxx, programs [NAME...], http, stress, debug, golden [NAME...])" >&2
        exit 2
        ;;
esac

if ((FAILED)); then
    say "make test: FAILED"
    exit 1
fi
say "make test: all passed"
exit 0
