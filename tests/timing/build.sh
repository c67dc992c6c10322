#!/usr/bin/env bash
# Rebuild the timing micro-tests: tests/timing/NAME.S -> elf/NAME.elf,
# linked at L2 (0x1C000000) with sdk/link-cluster.ld and common.S (own
# _start, no crt0).  Expected values: expected.tsv (convention in its header).
#
#   build.sh [--out DIR]
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/elf"
[ "${1:-}" = "--out" ] && OUT="$2"

CC="${CROSS:-riscv64-unknown-elf-}gcc"
FLAGS="-march=rv32imc_zicsr_zifencei -mabi=ilp32 -nostdlib -nostartfiles -I$HERE \
-T $ROOT/sdk/link-cluster.ld -Wl,--no-warn-rwx-segments"

mkdir -p "$OUT"
for src in "$HERE"/*.S; do
    name=$(basename "$src" .S)
    [ "$name" = common ] && continue
    echo "  AS  timing/$name.elf"
    "$CC" $FLAGS "$HERE/common.S" "$src" -o "$OUT/$name.elf"
done
