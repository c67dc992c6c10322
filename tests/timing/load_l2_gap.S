/*
 * 32 trios from L2 (L = 12): lw, independent addi, dependent addi.
 * The independent addi hides inside the latency: L + 2 = 14 per trio.
 */
    .file   "load_l2_gap.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    la      a1, timing_l2
    .balign 16
    START
    .set    k, 0
    .rept   32
    lw      t1, k * 4(a1)
    addi    t2, t2, 1
    addi    t1, t1, 1
    .set    k, k + 1
    .endr
    STOP
    j       timing_report
