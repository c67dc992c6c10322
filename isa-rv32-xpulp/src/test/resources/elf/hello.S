# Tiny bare-metal RV32IMC fixture for the ELF reader tests.
# Build: riscv64-unknown-elf-gcc -march=rv32imc_zicsr_zifencei -mabi=ilp32 -nostdlib -static -Wl,-Ttext=0x80000000 -Wl,--build-id=none -o hello.elf hello.S
    .section .text
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      sp, stack_top
    call    main
1:  j       1b
    .size _start, .-_start

    .globl main
    .type main, @function
main:
    la      a0, counter
    lw      a1, 0(a0)
    li      a2, 7
    mul     a1, a1, a2
    c.addi  a1, 1
    sw      a1, 0(a0)
    la      a3, table
    lw      a0, 4(a3)
    ret
    .size main, .-main

    .section .data
    .globl table
    .type table, @object
    .align 2
table:
    .word 1, 2, 3, 4
    .size table, .-table

    .section .bss
    .globl counter
    .type counter, @object
    .align 2
counter:
    .space 4
    .size counter, 4
stack:
    .space 256
stack_top:
