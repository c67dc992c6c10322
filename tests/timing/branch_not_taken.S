/*
 * 128 branches that fall through: 1 cycle each.
 */
    .file   "branch_not_taken.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    .balign 16
    START
    .rept   128
    bne     x0, x0, timing_never
    .endr
    STOP
    j       timing_report
timing_never:                   /* not reached */
    j       timing_never
