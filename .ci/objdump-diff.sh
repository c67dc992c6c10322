#!/usr/bin/env bash
# Differential test of the decoder and disassembler against GNU objdump (rv32imc_zicsr_zifencei).
# Deterministic: fixed seed. Prints "objdump-diff: N compared, M mismatches" and exits non-zero
# on any mismatch (after printing the first few). Needs riscv64-unknown-elf-{as,objdump}
# (Debian: binutils-riscv64-unknown-elf); override with RISCV_AS / RISCV_OBJDUMP.
#   usage: .ci/objdump-diff.sh [random-32-bit-words (default 100000)] [seed (default 0x50C51D)]
set -euo pipefail
cd "$(dirname "$0")/.."
RANDOM32="${1:-100000}"
SEED="${2:-0x50C51D}"
MVN_FLAGS="${MVN_FLAGS:--q -B -Dstyle.color=never}"
mvn $MVN_FLAGS -pl isa-rv32-xpulp -am test-compile 1>&2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
java -cp isa-rv32-xpulp/target/classes:isa-rv32-xpulp/target/test-classes \
    io.socsim.isa.ObjdumpDiff "$RANDOM32" "$SEED" "$WORK"
