#!/usr/bin/env bash
# markruntime.sh RAW.o OUT.o SOURCE — mark a runtime object's code as the
# runtime's: every code section .text* becomes .runtime.text*, which
# linker.ld gathers between __runtime_text_start and __runtime_text_end
# (async preemption never interrupts code in that range). Also refuses
# static constructors, which the runtime may not have: .init_array runs in
# runtime.main, after the scheduler already uses its globals (use constinit).
set -euo pipefail
raw=$1 out=$2 src=$3
sections=$(readelf -SW "$raw" | sed -n 's/^ *\[ *[0-9]*\] \([^ ]*\) .*/\1/p')
if grep -qx '\.init_array.*' <<<"$sections"; then
    echo "$src: the runtime must not have static constructors (make globals constinit)" >&2
    exit 1
fi
args=()
for s in $(grep -x '\.text\(\..*\)\?' <<<"$sections" || true); do
    args+=(--rename-section "$s=.runtime$s")
done
objcopy "${args[@]}" "$raw" "$out"
rm -f "$raw"
