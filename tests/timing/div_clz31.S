/*
 * 16 div by 1 (clz 31: 3 + 31 = 34 cycles each).
 */
    .file   "div_clz31.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    li      t2, 0x7fffffff
    li      t3, 1
    .balign 16
    START
    .rept   16
    div     t1, t2, t3
    .endr
    STOP
    j       timing_report
