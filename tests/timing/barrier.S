/*
 * All cores: one barrier to line them up, then 16 barriers at which every
 * core arrives in the same cycle.  Core 0 prints its bracket.
 */
    .file   "barrier.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    li      s4, EU_BASE
    ELW(t1, EU_BARRIER, s4)
    .balign 16
    START
    .rept   16
    ELW(t1, EU_BARRIER, s4)
    .endr
    STOP
    bnez    s0, timing_sleep
    j       timing_report
