/*
 * 128 jal x0 to the next instruction: 2 cycles each.
 */
    .file   "jal.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    .balign 16
    START
    .rept   128
    jal     x0, 1f
1:
    .endr
    STOP
    j       timing_report
