/*
 * Hardware loop 0, 16 iterations of a 4-instruction body: lp.setup
 * (1 cycle) + 16 x 4; the back-edge costs 0.
 */
    .file   "hwloop.S"
#include "timing.h"

    .text
    .globl timing_main
timing_main:
    SINGLE_CORE
    li      t2, 16
    .balign 16
    START
    LP_SETUP(0, t2, 4)
    addi    t1, t1, 1
    addi    t3, t3, 1
    addi    t4, t4, 1
    addi    t5, t5, 1           /* loop end: last body instruction */
    STOP
    j       timing_report
