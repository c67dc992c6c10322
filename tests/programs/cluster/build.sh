#!/usr/bin/env bash
# Rebuild the multi-core cluster test programs (presets pulp-cluster,
# ita-cluster; 8 cores).
#
#   build.sh [--out DIR]        (default DIR: tests/programs/cluster/elf)
#
# They use the event unit and the DMA, so neither QEMU nor a single-core
# preset can run them: expected/NAME.out and NAME.exit are written by hand
# from the program logic (see the comment at the top of each source).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
SDK="$ROOT/sdk"
OUT="$HERE/elf"

while [ $# -gt 0 ]; do
    case "$1" in
        --out) OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

CROSS=${CROSS:-riscv64-unknown-elf-}
CC="${CROSS}gcc"
ARCH="-march=rv32imc_zicsr_zifencei -mabi=ilp32"
LIBGCC=$("$CC" -march=rv32im -mabi=ilp32 -print-libgcc-file-name)
CFLAGS="$ARCH -O2 -ffreestanding -nostdlib -nostartfiles -fno-tree-loop-distribute-patterns \
-DSOCSIM_CLUSTER -Wall -Wextra -I$SDK"
LDFLAGS="-T $SDK/link-cluster.ld -Wl,--no-warn-rwx-segments"

mkdir -p "$OUT"
for name in hello_cluster parallel_sum barrier_rounds dma_copy events ita_linear; do
    echo "  CC  cluster/$name.elf"
    "$CC" $CFLAGS $LDFLAGS "$SDK/crt0.S" "$SDK/socsim.c" "$HERE/$name.c" "$LIBGCC" -o "$OUT/$name.elf"
done
