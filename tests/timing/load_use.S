/*
 * 128 pairs lw from L1 + dependent addi: 1 + 1 stall + 1 = 3 per pair.
 */
    .file   "load_use.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    la      a1, timing_l1
    .balign 16
    START
    .set    k, 0
    .rept   128
    lw      t1, k * 4(a1)
    addi    t1, t1, 1
    .set    k, k + 1
    .endr
    STOP
    j       timing_report
