/*
 * 32 csrr of mscratch (any CSR not in the slow list): 1 cycle each.
 */
    .file   "csr_fast.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    .balign 16
    START
    .rept   32
    csrr    t1, mscratch
    .endr
    STOP
    j       timing_report
