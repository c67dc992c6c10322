/*
 * 32 word loads from L2 at address 2 mod 4: two beats of latency L = 12
 * each, 2 x L = 24 per load (calibration: 2 x L on slow memory).
 */
    .file   "misaligned_l2.S"
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
    lw      t1, k * 4 + 2(a1)
    .set    k, k + 1
    .endr
    STOP
    j       timing_report
