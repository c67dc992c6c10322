#!/usr/bin/env bash
# Rebuild the test programs with the RISC-V cross-compiler.
#
#   build.sh [--out DIR] [--expected]
#
#   --out DIR    write the ELFs to DIR (default: tests/programs/elf)
#   --expected   also run every ELF under qemu-riscv32 and (re)write
#                expected/NAME.out and expected/NAME.exit
#
# xpulp.elf uses real Xpulp instructions, which QEMU does not know: its
# expected output is the one of xpulp-emu.elf (same source built with
# -DSOCSIM_XPULP_EMULATE), and the two must print identical text.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SDK="$ROOT/sdk"
OUT="$HERE/elf"
EXPECTED=0

while [ $# -gt 0 ]; do
    case "$1" in
        --out) OUT="$2"; shift 2 ;;
        --expected) EXPECTED=1; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

CROSS=${CROSS:-riscv64-unknown-elf-}
CC="${CROSS}gcc"
QEMU=${QEMU:-qemu-riscv32}

ARCH="-march=rv32imc_zicsr_zifencei -mabi=ilp32"
# The multilib matcher does not map "..._zicsr_zifencei" to rv32im, so pick
# libgcc explicitly (rv32im: no A/F instructions, runs on RV32IMC).
LIBGCC=$("$CC" -march=rv32im -mabi=ilp32 -print-libgcc-file-name)
CFLAGS="$ARCH -O2 -ffreestanding -nostdlib -nostartfiles -fno-tree-loop-distribute-patterns \
-DSOCSIM_SINGLE_CORE -Wall -Wextra -I$SDK"
LDFLAGS="-T $SDK/link.ld -Wl,--no-warn-rwx-segments"

mkdir -p "$OUT"

# name | extra flags (C programs link crt0 + the SDK runtime)
c_program() {
    local name="$1" src="$2"; shift 2
    echo "  CC  $name.elf"
    "$CC" $CFLAGS "$@" $LDFLAGS "$SDK/crt0.S" "$SDK/socsim.c" "$HERE/$src" "$LIBGCC" -o "$OUT/$name.elf"
}

c_program hello       hello.c
c_program sort        sort.c
c_program crc         crc.c
c_program matmul_int8 matmul_int8.c
c_program recursion   recursion.c
c_program muldiv      muldiv.c
# -mtune=size makes GCC emit plain lw/sw/lh/sh for misaligned packed fields.
c_program misaligned  misaligned.c -mno-strict-align -mtune=size
c_program xpulp       xpulp.c
c_program xpulp-emu   xpulp.c -DSOCSIM_XPULP_EMULATE
echo "  AS  tohost.elf"
"$CC" $ARCH -nostdlib -nostartfiles $LDFLAGS "$HERE/tohost.S" -o "$OUT/tohost.elf"

if [ "$EXPECTED" = 1 ]; then
    mkdir -p "$HERE/expected"
    for elf in "$OUT"/*.elf; do
        name=$(basename "$elf" .elf)
        [ "$name" = xpulp ] && continue
        set +e
        "$QEMU" "$elf" > "$HERE/expected/$name.out"
        code=$?
        set -e
        echo "$code" > "$HERE/expected/$name.exit"
        echo "  QEMU $name: exit $code, $(wc -l < "$HERE/expected/$name.out") lines"
    done
    cp "$HERE/expected/xpulp-emu.out" "$HERE/expected/xpulp.out"
    cp "$HERE/expected/xpulp-emu.exit" "$HERE/expected/xpulp.exit"
fi
