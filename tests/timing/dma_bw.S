/*
 * DMA bandwidth, L2 -> L1, core 0 alone: bracket one 4 KiB transfer
 * (start, wait) and one 8 KiB transfer the same way, print the difference.
 * Fixed costs (register accesses, queueing, first-beat latency, sleeping
 * and waking in DMA_WAIT) appear in both brackets and cancel: what is left
 * is the time of 4 KiB more data, 4096 / bytes-per-cycle.
 */
    .file   "dma_bw.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    li      s4, DMA_BASE
    la      t1, timing_l2
    sw      t1, DMA_SRC(s4)
    la      t1, timing_l1
    sw      t1, DMA_DST(s4)
    li      t1, 1
    sw      t1, DMA_ROWS(s4)
    li      t1, 4096
    sw      t1, DMA_LEN(s4)
    .balign 16
    START
    lw      t2, DMA_START(s4)
    sw      t2, DMA_WAIT(s4)
    ELW(t3, DMA_WAIT, s4)
    STOP
    mv      s5, a0                  /* 4 KiB bracket */
    li      t1, 8192
    sw      t1, DMA_LEN(s4)
    .balign 16
    START
    lw      t2, DMA_START(s4)
    sw      t2, DMA_WAIT(s4)
    ELW(t3, DMA_WAIT, s4)
    STOP                            /* a0 = 8 KiB bracket */
    sub     a0, a0, s5
    j       timing_report
