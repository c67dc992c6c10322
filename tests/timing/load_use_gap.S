/*
 * 64 trios from L1: lw, an independent addi, an addi using the load:
 * the independent instruction covers the load latency, 3 per trio (L + 2, L = 1).
 */
    .file   "load_use_gap.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    la      a1, timing_l1
    .balign 16
    START
    .set    k, 0
    .rept   64
    lw      t1, k * 4(a1)
    addi    t2, t2, 1
    addi    t1, t1, 1
    .set    k, k + 1
    .endr
    STOP
    j       timing_report
