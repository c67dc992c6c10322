/*
 * 128 compressed c.addi: 1 cycle each (same as alu_32).
 */
    .file   "alu_rvc.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    .balign 16
    START
    .option push
    .option rvc
    .rept   128
    c.addi  t1, 1
    .endr
    .option pop
    STOP
    j       timing_report
