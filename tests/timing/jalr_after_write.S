/*
 * 32 trios auipc t0 / addi t0 / jalr t0 (target: the next trio): jalr's
 * source written by the previous instruction, 1 + 1 + (2 + 1) = 5 per trio.
 */
    .file   "jalr_after_write.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    .balign 16
    START
    .rept   32
    auipc   t0, 0
    addi    t0, t0, 12
    jalr    x0, 0(t0)
    .endr
    STOP
    j       timing_report
