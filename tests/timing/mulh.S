/*
 * 64 independent mulh back to back: 5 cycles each (the multi-cycle
 * multiplier blocks issue, so independence does not help).
 */
    .file   "mulh.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    li      t2, 0x12345678
    li      t3, -7
    .balign 16
    START
    .rept   64
    mulh    t1, t2, t3
    .endr
    STOP
    j       timing_report
