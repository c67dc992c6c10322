/*
 * Timing micro-test harness: entry, sleeping cores, result printing.
 * Each test defines timing_main (entered by every core with s0 = core id)
 * and ends with "j timing_report" on core 0 (a0 = cycles) and
 * "j timing_sleep" on the others.
 */
    .file   "common.S"
#include "timing.h"

    .section .text.init, "ax", @progbits
    .globl _start
_start:
    csrr    s0, mhartid
    j       timing_main

    .text
/* Sleep for good: empty event mask, so nothing wakes this core; the run
   ends when core 0 exits.  While core 0 runs this is not a deadlock. */
    .globl timing_sleep
timing_sleep:
    li      t0, EU_BASE
    sw      zero, EU_EVENT_MASK(t0)
1:  ELW(t1, EU_EVENT_WAIT, t0)
    j       1b

/* timing_report(a0 = cycles): store the result word, print
   "cycles=<decimal>\n" with the write host call, exit(0). */
    .globl timing_report
timing_report:
    la      t0, timing_result
    sw      a0, 0(t0)
    la      t1, timing_buf_end      /* text is built backwards from here */
    li      t2, '\n'
    addi    t1, t1, -1
    sb      t2, 0(t1)
    li      t3, 10
1:  remu    t2, a0, t3
    divu    a0, a0, t3
    addi    t2, t2, '0'
    addi    t1, t1, -1
    sb      t2, 0(t1)
    bnez    a0, 1b
    la      t4, timing_prefix
    la      t5, timing_prefix_end
2:  addi    t5, t5, -1
    lbu     t2, 0(t5)
    addi    t1, t1, -1
    sb      t2, 0(t1)
    bne     t5, t4, 2b
    la      a2, timing_buf_end
    sub     a2, a2, t1              /* length */
    mv      a1, t1
    li      a0, 1                   /* stdout */
    li      a7, 64                  /* write */
    ecall
    li      a0, 0
    li      a7, 93                  /* exit */
    ecall
3:  j       3b

    .section .rodata
timing_prefix:
    .ascii  "cycles="
timing_prefix_end:

    .bss
    .balign 4
    .globl timing_result
timing_result:                      /* the measured value, for debuggers */
    .word   0
timing_buf:
    .space  32
timing_buf_end:

    /* Operand areas: 8 KiB in L1 and 8 KiB in L2 (link-cluster.ld). */
    .section .l1.bss, "aw", @nobits
    .balign 64                      /* offset 0 is bank 0 */
    .globl timing_l1
timing_l1:
    .space  8192
    .globl timing_slots
timing_slots:                       /* one result word per core */
    .space  32

    .bss
    .balign 64
    .globl timing_l2
timing_l2:
    .space  8192
