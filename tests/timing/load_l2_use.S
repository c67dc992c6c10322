/*
 * 32 pairs lw from L2 + dependent addi.  L2 latency as seen by a core
 * (pulp-cluster): l2.latency_cycles 2 + interconnect.cluster_to_l2_latency_cycles 10
 * = L = 12, so L + 2 = 14 per pair.
 */
    .file   "load_l2_use.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    la      a1, timing_l2
    .balign 16
    START
    .set    k, 0
    .rept   32
    lw      t1, k * 4(a1)
    addi    t1, t1, 1
    .set    k, k + 1
    .endr
    STOP
    j       timing_report
