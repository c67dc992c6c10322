/*
 * 128 taken branches, each to the next instruction: 3 cycles each.
 */
    .file   "branch_taken.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    .balign 16
    START
    .rept   128
    beq     x0, x0, 1f
1:
    .endr
    STOP
    j       timing_report
