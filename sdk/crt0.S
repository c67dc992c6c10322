/*
 * socsim SDK start-up code.
 *
 * Every core enters here (ELF entry).  Each one takes its own stack slice
 * below __stack_top, core 0 clears .bss and releases the others, then all
 * call main().  Core 0 exits with main's return value through the host-call
 * ecall (a7 = 93); the other cores park after main returns.
 *
 * Three builds:
 *  -DSOCSIM_SINGLE_CORE: do not read mhartid (qemu-user raises SIGILL on any
 *     machine-mode CSR); the program then behaves as core 0 everywhere.  Use
 *     it for every program that must also run under qemu-riscv32.
 *  -DSOCSIM_CLUSTER (with link-cluster.ld): core 0 also clears .l1.bss, and
 *     the cores meet at the event unit's hardware barrier instead of a flag.
 *     After main, cores other than 0 sleep in the event unit with an empty
 *     event mask; the run ends when core 0 exits.
 *  neither: multi-core without an event unit; the others spin on a flag.
 */

    .file   "crt0.S"

#if defined(SOCSIM_CLUSTER) && defined(SOCSIM_SINGLE_CORE)
#error "SOCSIM_CLUSTER and SOCSIM_SINGLE_CORE exclude each other"
#endif

#ifdef SOCSIM_CLUSTER
/* Event unit (docs/architecture.md); also in cluster.h. */
#define EU_BASE         0x10200800
#define EU_BARRIER      0x00
#define EU_EVENT_WAIT   0x04
#define EU_EVENT_MASK   0x08
#endif
    .section .text.init, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    /* gp must be set without relaxation (relaxation would use gp itself). */
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop

#ifdef SOCSIM_SINGLE_CORE
    li      t0, 0
#else
    csrr    t0, mhartid
    /* Cores beyond the configured stack count have no stack: park them
       (in a cluster build after the boot barrier, which counts every core). */
    lui     t1, %hi(__num_cores)
    addi    t1, t1, %lo(__num_cores)
    bgeu    t0, t1, .Lpark
#endif

    /* sp = __stack_top - hartid * __stack_size_per_core.  The size is an
       absolute symbol, so use lui/addi rather than pc-relative la. */
    lui     t1, %hi(__stack_size_per_core)
    addi    t1, t1, %lo(__stack_size_per_core)
    mul     t2, t0, t1
    la      sp, __stack_top
    sub     sp, sp, t2
    mv      s0, t0              /* keep hartid across main (callee-saved) */

    bnez    t0, .Lwait_bss

    /* Core 0: clear .bss (word aligned by the linker script). */
    la      a0, __bss_start
    la      a1, __bss_end
1:  bgeu    a0, a1, 2f
    sw      zero, 0(a0)
    addi    a0, a0, 4
    j       1b
2:
#ifdef SOCSIM_CLUSTER
    /* ... and .l1.bss (link-cluster.ld). */
    la      a0, __l1_bss_start
    la      a1, __l1_bss_end
1:  bgeu    a0, a1, 2f
    sw      zero, 0(a0)
    addi    a0, a0, 4
    j       1b
2:
#endif
    fence   rw, rw
#ifndef SOCSIM_CLUSTER
    la      t3, __socsim_boot_flag
    li      t4, 1
    sw      t4, 0(t3)
    j       .Lrun
#endif

.Lwait_bss:
#ifdef SOCSIM_CLUSTER
    /* Every core (core 0 after clearing) sleeps at the hardware barrier
       until all have arrived: p.elw EU_BARRIER (LOAD opcode, funct3 110). */
    li      t3, EU_BASE
    .insn   i 0x03, 6, t4, EU_BARRIER(t3)
#else
    /* Simple spin on a flag in .data until core 0 has cleared .bss. */
    la      t3, __socsim_boot_flag
3:  lw      t4, 0(t3)
    beqz    t4, 3b
    fence   rw, rw
#endif

.Lrun:
    li      a0, 0               /* argc */
    li      a1, 0               /* argv */
    call    main
    bnez    s0, .Lsleep
    /* Core 0: exit(main's return value); a0 already holds it. */
    li      a7, 93
    ecall
#ifdef SOCSIM_CLUSTER
    j       .Lsleep             /* not reached: exit does not return */
.Lpark:
    /* No stack: still arrive at the boot barrier, which waits for every
       core of the cluster, then sleep like a core that returned from main. */
    li      t3, EU_BASE
    .insn   i 0x03, 6, t4, EU_BARRIER(t3)
.Lsleep:
    /* Sleep for good: with an empty mask no event wakes this core, so it
       neither runs off nor steals events; the run ends when core 0 exits. */
    li      t3, EU_BASE
    sw      zero, EU_EVENT_MASK(t3)
4:  .insn   i 0x03, 6, t4, EU_EVENT_WAIT(t3)
    j       4b
#else
.Lsleep:
.Lpark:
    wfi
    j       .Lpark
#endif
    .size _start, . - _start

#ifndef SOCSIM_CLUSTER
    /* Not in .bss: the other cores read it before core 0 clears .bss. */
    .section .data, "aw", @progbits
    .balign 4
    .globl __socsim_boot_flag
__socsim_boot_flag:
    .word   0
#endif

    /* riscv-tests style host interface: a store to tohost ends the run
       (value 1 = pass, (code << 1) | 1 = fail with code). */
    .section .tohost, "aw", @progbits
    .balign 64
    .globl tohost
tohost:
    .dword  0
    .balign 64
    .globl fromhost
fromhost:
    .dword  0
