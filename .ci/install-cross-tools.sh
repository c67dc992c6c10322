#!/usr/bin/env bash
# Install the RISC-V cross toolchain and qemu-user on a Debian/Ubuntu CI
# machine.  Idempotent: does nothing when the tools are already present.
set -euo pipefail

missing=()
command -v riscv64-unknown-elf-gcc >/dev/null 2>&1 || missing+=(gcc-riscv64-unknown-elf)
command -v riscv64-unknown-elf-as >/dev/null 2>&1 || missing+=(binutils-riscv64-unknown-elf)
command -v qemu-riscv32 >/dev/null 2>&1 || missing+=(qemu-user)

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-cross-tools: riscv64-unknown-elf-gcc, binutils and qemu-riscv32 already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

echo "install-cross-tools: installing ${missing[*]}"
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
