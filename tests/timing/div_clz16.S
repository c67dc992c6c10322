/*
 * 16 divides by 0x9876 (clz 16: 3 + 16 = 19 cycles each); div, divu, rem
 * and remu in turn, which cost the same.
 */
    .file   "div_clz16.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    li      t2, 0x7fffffff
    li      t3, 0x9876
    .balign 16
    START
    .rept   4
    div     t1, t2, t3
    divu    t1, t2, t3
    rem     t1, t2, t3
    remu    t1, t2, t3
    .endr
    STOP
    j       timing_report
