/*
 * 16 div by 0 (divisor 0: 35 cycles each).
 */
    .file   "div_zero.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    li      t2, 0x7fffffff
    li      t3, 0
    .balign 16
    START
    .rept   16
    div     t1, t2, t3
    .endr
    STOP
    j       timing_report
