#!/usr/bin/env bash
# Differential test of socsim against QEMU user mode.
#
#   .ci/qemu-compare.sh [--qemu-only]
#
# 1. Installs the cross tools if needed, rebuilds tests/programs into a
#    scratch directory and checks that the rebuilt ELFs still produce
#    tests/programs/expected/NAME.out / NAME.exit under qemu-riscv32
#    (xpulp.elf is skipped there: QEMU has no Xpulp; xpulp-emu covers it).
# 2. Runs every committed tests/programs/elf/NAME.elf with the simulator
#    (bin/socsim run ELF, override with SOCSIM=...) and compares its stdout
#    and exit code with the expected files.  --qemu-only skips this step.
#
# Prints "qemu-compare: N programs, M mismatches" and exits non-zero if
# M > 0 (or if the simulator launcher is missing).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROG="$ROOT/tests/programs"
EXP="$PROG/expected"
SOCSIM=${SOCSIM:-$ROOT/bin/socsim}
QEMU=${QEMU:-qemu-riscv32}
TIMEOUT=${TIMEOUT:-120}
QEMU_ONLY=0
[ "${1:-}" = "--qemu-only" ] && QEMU_ONLY=1

"$ROOT/.ci/install-cross-tools.sh" || { echo "qemu-compare: cannot install cross tools" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mismatches=0
programs=0

# $1 label, $2 name, $3 actual stdout file, $4 actual exit code
compare() {
    local label="$1" name="$2" out="$3" code="$4"
    local want_code
    want_code=$(cat "$EXP/$name.exit")
    if cmp -s "$out" "$EXP/$name.out" && [ "$code" = "$want_code" ]; then
        echo "  ok        $label $name (exit $code)"
    else
        mismatches=$((mismatches + 1))
        echo "  MISMATCH  $label $name: exit $code, expected $want_code"
        diff -u "$EXP/$name.out" "$out" | head -n 20 | sed 's/^/      /'
    fi
}

echo "== rebuilding tests/programs"
if ! "$PROG/build.sh" --out "$WORK/elf" > "$WORK/build.log" 2>&1; then
    cat "$WORK/build.log"
    echo "qemu-compare: build failed" >&2
    exit 2
fi
for elf in "$WORK"/elf/*.elf; do
    name=$(basename "$elf" .elf)
    # Different compiler versions legitimately produce other bytes; only note it.
    cmp -s "$elf" "$PROG/elf/$name.elf" || echo "  note: rebuilt $name.elf differs from the committed one"
done

echo "== rebuilt ELFs under $QEMU"
for exp in "$EXP"/*.out; do
    name=$(basename "$exp" .out)
    [ "$name" = xpulp ] && continue
    timeout "$TIMEOUT" "$QEMU" "$WORK/elf/$name.elf" > "$WORK/$name.qemu" 2> "$WORK/$name.qemu.err"
    compare qemu "$name" "$WORK/$name.qemu" "$?"
done
# xpulp.elf and xpulp-emu.elf must print the same text.
cmp -s "$EXP/xpulp.out" "$EXP/xpulp-emu.out" ||
    { mismatches=$((mismatches + 1)); echo "  MISMATCH  expected/xpulp.out differs from expected/xpulp-emu.out"; }

if [ "$QEMU_ONLY" = 0 ]; then
    echo "== committed ELFs under the simulator ($SOCSIM)"
    if [ ! -x "$SOCSIM" ]; then
        echo "qemu-compare: simulator launcher $SOCSIM not found (use --qemu-only to skip)" >&2
        echo "qemu-compare: 0 programs, $mismatches mismatches"
        exit 2
    fi
    for exp in "$EXP"/*.out; do
        name=$(basename "$exp" .out)
        programs=$((programs + 1))
        timeout "$TIMEOUT" "$SOCSIM" run "$PROG/elf/$name.elf" > "$WORK/$name.sim" 2> "$WORK/$name.sim.err"
        code=$?
        compare socsim "$name" "$WORK/$name.sim" "$code"
        if [ "$code" = 124 ]; then
            echo "      (timed out after ${TIMEOUT}s)"
        fi
        if [ -s "$WORK/$name.sim.err" ] && ! cmp -s "$WORK/$name.sim" "$EXP/$name.out"; then
            head -n 5 "$WORK/$name.sim.err" | sed 's/^/      stderr: /'
        fi
    done
else
    programs=$(ls "$EXP"/*.out | wc -l)
    echo "== simulator step skipped (--qemu-only)"
fi

echo "qemu-compare: $programs programs, $mismatches mismatches"
[ "$mismatches" -eq 0 ]
