/*
 * Pure-assembly program that ends riscv-tests style: it prints a line with
 * the write host call, then stores 1 (pass) to `tohost`.  socsim stops at
 * that store with exit code 0.  Under qemu-user the store is an ordinary
 * store, so execution continues to an exit(0) host call - unless the
 * program started with sp == 0 (a bare simulator, not a Linux loader): then
 * reaching the fallback means the tohost store did not end the run, which is
 * reported as exit code 3.  Self-contained: no crt0, own _start and tohost.
 */
    .file   "tohost.S"
    .section .rodata
msg:
    .ascii  "tohost: writing 1 to tohost\n"
msg_end:

    .section .text.init, "ax", @progbits
    .globl _start
_start:
    mv      s1, sp              /* non-zero under qemu-user (Linux stack) */

    li      a0, 1               /* fd = stdout */
    la      a1, msg
    la      a2, msg_end
    sub     a2, a2, a1          /* length */
    li      a7, 64              /* write */
    ecall

    li      t0, 1
    la      t1, tohost
    sw      t0, 0(t1)           /* riscv-tests: 1 = pass, ends the run */

    li      a0, 0
    bnez    s1, 1f
    li      a0, 3               /* bare machine still running: tohost ignored */
1:  li      a7, 93              /* exit */
    ecall
2:  j       2b

    .section .tohost, "aw", @progbits
    .balign 64
    .globl tohost
tohost:
    .dword  0
    .balign 64
    .globl fromhost
fromhost:
    .dword  0
