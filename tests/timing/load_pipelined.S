/*
 * 256 independent lw from L1 (1-cycle memory), no consumer: 1 cycle each.
 */
    .file   "load_pipelined.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    la      a1, timing_l1
    .balign 16
    START
    .set    k, 0
    .rept   256
    lw      t1, (k % 512) * 4(a1)
    .set    k, k + 1
    .endr
    STOP
    j       timing_report
