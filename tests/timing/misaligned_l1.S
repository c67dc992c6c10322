/*
 * 128 word loads from L1 at address 1 mod 4 (straddling a word boundary):
 * two aligned beats, 2 cycles each.
 */
    .file   "misaligned_l1.S"
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
    lw      t1, k * 4 + 1(a1)
    .set    k, k + 1
    .endr
    STOP
    j       timing_report
