/*
 * 64 dependent mul back to back: 1 cycle each.
 */
    .file   "mul.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    li      t1, 3
    li      t2, 5
    .balign 16
    START
    .rept   64
    mul     t1, t1, t2
    .endr
    STOP
    j       timing_report
