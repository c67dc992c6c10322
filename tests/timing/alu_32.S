/*
 * 128 32-bit addi: 1 cycle each (same as alu_rvc).
 */
    .file   "alu_32.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    .balign 16
    START
    .rept   128
    addi    t1, t1, 1
    .endr
    STOP
    j       timing_report
