/*
 * 16 div by 0x40000000 (clz 1: 3 + 1 = 4 cycles each).
 */
    .file   "div_clz1.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    li      t2, 0x7fffffff
    li      t3, 0x40000000
    .balign 16
    START
    .rept   16
    div     t1, t2, t3
    .endr
    STOP
    j       timing_report
