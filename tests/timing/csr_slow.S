/*
 * 32 csrr of mstatus (a slow CSR): 4 cycles each.
 */
    .file   "csr_slow.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    .balign 16
    START
    .rept   32
    csrr    t1, mstatus
    .endr
    STOP
    j       timing_report
