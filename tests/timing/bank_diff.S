/*
 * Cores 0 and 1 each issue 64 independent lw to different L1 banks (core 0 bank 0, core 1 bank 1); they
 * start in the same cycle, released together by a hardware barrier.
 * Cores 2-7 only take part in the two barriers.  Printed: the larger of
 * the two cores' brackets.
 */
    .file   "bank_diff.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    li      s4, EU_BASE
    li      t0, 2
    bgeu    s0, t0, 9f
    la      a1, timing_l1
    beqz    s0, 1f
    addi    a1, a1, 2052 - 2047   /* core 1: + 2052 (two steps: 12-bit immediates) */
    addi    a1, a1, 2047
1:  ELW(t1, EU_BARRIER, s4)        /* line up cores 0 and 1 */
    .balign 16
    START
    .set    k, 0
    .rept   64
    lw      t2, (k % 32) * 64(a1)   /* stride 64 bytes = 16 banks: one bank */
    .set    k, k + 1
    .endr
    STOP
    la      t3, timing_slots
    slli    t4, s0, 2
    add     t3, t3, t4
    sw      a0, 0(t3)
    ELW(t1, EU_BARRIER, s4)        /* both results stored */
    bnez    s0, timing_sleep
    la      t3, timing_slots
    lw      a0, 0(t3)
    lw      t4, 4(t3)
    bgeu    a0, t4, 2f
    mv      a0, t4
2:  j       timing_report

9:  ELW(t1, EU_BARRIER, s4)
    ELW(t1, EU_BARRIER, s4)
    j       timing_sleep
