/*
 * Shared definitions of the timing micro-tests (tests/timing/README in
 * expected.tsv's header).  Included by every test .S and by common.S.
 *
 * Register use: s0 = core id (set by _start), s1/s2 = the two mcycle reads,
 * a0 = result handed to timing_report.  Blocks never touch s0-s2.
 */
#define EU_BASE         0x10200800
#define EU_BARRIER      0x00
#define EU_EVENT_WAIT   0x04
#define EU_EVENT_MASK   0x08
#define DMA_BASE        0x10201800
#define DMA_SRC         0x00
#define DMA_DST         0x04
#define DMA_LEN         0x08
#define DMA_ROWS        0x14
#define DMA_START       0x18
#define DMA_WAIT        0x20

/* p.elw rd, off(rs1): LOAD opcode, funct3 110 (GCC 12 has no Xpulp). */
#define ELW(rd, off, rs1)   .insn i 0x03, 6, rd, off(rs1)
/* lp.setup L, rs1, 2*N: hardware loop over the next N 32-bit instructions. */
#define LP_SETUP(L, rs1, n) .insn i 0x7b, 4, x##L, rs1, 2*(n)

    /* Fixed instruction sizes and no linker rewriting: what objdump shows
       is what runs.  Tests that want RVC switch it on locally. */
    .option norvc
    .option norelax

/* Cores other than 0 go to sleep; core 0 then waits ~256 cycles so that
   they are asleep (and off every bus) before it measures anything. */
.macro SINGLE_CORE
    bnez    s0, timing_sleep
    li      t0, 64
.Ldelay\@:
    addi    t0, t0, -1
    bnez    t0, .Ldelay\@
.endm

.macro START
    csrr    s1, mcycle
.endm

/* a0 = mcycle(after) - mcycle(before) */
.macro STOP
    csrr    s2, mcycle
    sub     a0, s2, s1
.endm
