/*
 * 64 jalr x0 to the next instruction, the base register s3 written long
 * before: 2 cycles each.  Offsets count from the first jalr (4 bytes each).
 */
    .file   "jalr.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    la      s3, 1f
    .balign 16
    START
1:
    .set    off, 4
    .rept   64
    jalr    x0, off(s3)
    .set    off, off + 4
    .endr
    STOP
    j       timing_report
