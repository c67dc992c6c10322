package io.socsim.workloads.gemm;

import static io.socsim.isa.Reg.A0;
import static io.socsim.isa.Reg.A1;
import static io.socsim.isa.Reg.A2;
import static io.socsim.isa.Reg.A3;
import static io.socsim.isa.Reg.A4;
import static io.socsim.isa.Reg.A5;
import static io.socsim.isa.Reg.A6;
import static io.socsim.isa.Reg.A7;
import static io.socsim.isa.Reg.RA;
import static io.socsim.isa.Reg.S0;
import static io.socsim.isa.Reg.S1;
import static io.socsim.isa.Reg.S10;
import static io.socsim.isa.Reg.S11;
import static io.socsim.isa.Reg.S2;
import static io.socsim.isa.Reg.S3;
import static io.socsim.isa.Reg.S4;
import static io.socsim.isa.Reg.S5;
import static io.socsim.isa.Reg.S6;
import static io.socsim.isa.Reg.S7;
import static io.socsim.isa.Reg.S8;
import static io.socsim.isa.Reg.S9;
import static io.socsim.isa.Reg.T0;
import static io.socsim.isa.Reg.T1;
import static io.socsim.isa.Reg.T2;
import static io.socsim.isa.Reg.T3;
import static io.socsim.isa.Reg.T4;
import static io.socsim.isa.Reg.T5;
import static io.socsim.isa.Reg.T6;
import static io.socsim.isa.Reg.TP;
import static io.socsim.isa.Reg.ZERO;

import io.socsim.config.AddressWindow;
import io.socsim.config.MemoryConfig;
import io.socsim.config.PeripheralsConfig;
import io.socsim.config.SocConfig;
import io.socsim.config.TcdmConfig;
import io.socsim.config.hw.RegisterMap;
import io.socsim.isa.Op;
import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.Program;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.isa.asm.ProgramElf;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates a complete cluster program for one {@link GemmSpec}: an int8 GEMM in the style of the
 * PULP kernels (4x2 register blocking, {@code pv.sdotsp.b}, post-increment loads, hardware loops,
 * static row split by core id, hardware barrier). See {@code docs/gemm.md} for the code shape.
 *
 * <p>Every core runs the same code from {@code _start}; no stack is needed. The program walks a
 * table of tile descriptors in L2 ({@code gemm_tiles}); with {@link GemmSpec.Placement#L1} the
 * table holds one tile and no DMA code is emitted, with {@link GemmSpec.Placement#L2_DMA} core 0
 * also drives the cluster DMA, one tile ahead of the computation.
 */
public final class GemmKernel {

    // ---- register allocation (fixed; the inner loop needs 20, the loop state 9, sp and gp stay free)
    private static final int[] PA = {A0, A1, A2, A3};       // A row pointers, post-incremented
    private static final int[] PB = {A4, A5};               // B^T row pointers, post-incremented
    private static final int[] VA = {T0, T1, T2, T3};       // A words (4 int8 each)
    private static final int[] VB = {T4, T5};               // B^T words
    private static final int[][] ACC = {{S0, S1}, {S2, S3}, {S4, S5}, {S6, S7}};
    private static final int ROW_A = S8;   // first A row of the current row block (L1)
    private static final int P_C = S9;     // output byte of the current block (L1)
    private static final int B_BASE = S10; // B^T tile (L1)
    private static final int COLS = S11;   // tile columns = output row stride of the tile
    private static final int BLOCKS = A6;  // 4-row blocks left for this core
    private static final int LEFT = A7;    // single rows left for this core
    private static final int P_BCOL = T6;  // B^T row of the current column block
    private static final int DESC = RA;    // current tile descriptor (L2)
    private static final int TILES = TP;   // tiles left

    // ---- tile descriptor: 8 words per tile in L2
    static final int DESC_BYTES = 32;
    private static final int D_L2A = 0, D_L2B = 4, D_L2C = 8, D_SHAPE = 12, D_L1A = 16, D_L1B = 20, D_L1C = 24,
            D_SLOT = 28;
    // ---- DMA id slots (words in L2, -1 = none): in-A, in-B and out, one per buffer parity
    private static final int SLOT_IN_A = 0, SLOT_IN_B = 8, SLOT_OUT = 16;

    // ---- peripheral registers (the register map)
    private static final int EU_BARRIER = RegisterMap.EventUnit.BARRIER, EU_EVENT_WAIT = RegisterMap.EventUnit.EVENT_WAIT;
    private static final int DMA_SRC = RegisterMap.Dma.SRC, DMA_DST = RegisterMap.Dma.DST, DMA_LEN = RegisterMap.Dma.LEN,
            DMA_SRC_STRIDE = RegisterMap.Dma.SRC_STRIDE, DMA_DST_STRIDE = RegisterMap.Dma.DST_STRIDE, DMA_ROWS = RegisterMap.Dma.ROWS,
            DMA_START = RegisterMap.Dma.START, DMA_WAIT = RegisterMap.Dma.WAIT;
    private static final int MHARTID = 0xF14;
    private static final int EXIT = 93;

    /** Largest count {@code lp.setupi} encodes (12 unsigned bits). */
    private static final int SETUPI_MAX_COUNT = 4095;

    private final GemmSpec spec;
    private final int kp;
    private final int rs;  // row stride of A and B^T (see GemmSpec.rowStride)
    private final int euBase;
    private final int dmaBase;
    private final int textBase;
    private final GemmLayout layout;
    private final GemmReference.Inputs inputs;
    private final int l2OperandBase;

    /**
     * Plans the data placement for {@code spec} on {@code soc}.
     *
     * @throws IllegalArgumentException when the problem does not fit the memories, or the
     *     configuration lacks a region or register window the variant needs
     */
    public GemmKernel(GemmSpec spec, SocConfig soc) {
        this.spec = spec;
        this.kp = spec.kPadded();
        this.rs = spec.rowStride();
        TcdmConfig l1 = soc.memory().l1().orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no L1"));
        MemoryConfig l2 = soc.memory().l2().orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no L2"));
        PeripheralsConfig per = soc.memory().peripherals()
                .orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no cluster peripherals"));
        this.euBase = (int) per.eventUnit().map(AddressWindow::base)
                .orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no event unit")).longValue();
        boolean dma = spec.placement() == GemmSpec.Placement.L2_DMA;
        this.dmaBase = dma ? (int) per.dma().map(AddressWindow::base)
                .orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no cluster DMA")).longValue() : 0;
        if (spec.cores() > soc.cores().count()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "GEMM for %d cores but %s has %d",
                    spec.cores(), soc.name(), soc.cores().count()));
        }
        if (rs > 65535) {
            throw new IllegalArgumentException("K=" + spec.k() + " exceeds one DMA row (65535 bytes)");
        }
        this.textBase = (int) l2.base();
        this.inputs = GemmReference.inputs(spec);
        long budget = spec.l1BudgetBytes() == 0 ? l1.size() : Math.min(spec.l1BudgetBytes(), l1.size());
        int l1Base = (int) l1.base();
        long aBytes = align4((long) spec.m() * rs), btBytes = align4((long) spec.n() * rs), cBytes = align4((long) spec.m() * spec.n());
        if (!dma) {
            long need = aBytes + btBytes + cBytes;
            if (need > budget) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "GEMM M=%d N=%d K=%d needs %d bytes of L1 for A, B^T and C but %d are available; use placement L2_DMA",
                        spec.m(), spec.n(), spec.k(), need, budget));
            }
            int a = l1Base, bt = a + (int) aBytes, c = bt + (int) btBytes;
            this.l2OperandBase = 0;
            this.layout = new GemmLayout(spec.placement(), rs, a, bt, c, TilePlan.wholeInL1(spec, a, bt, c, (int) need));
        } else {
            TilePlan plan = TilePlan.choose(spec, l1Base, (int) Math.min(budget, Integer.MAX_VALUE));
            long need = aBytes + btBytes + cBytes;
            // Operands at the top of L2, code and tables from its bottom: the two never depend on each other.
            long base = (l2.base() + l2.size() - need) & ~63L;
            if (base < l2.base() + 4096) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "GEMM M=%d N=%d K=%d needs %d bytes of L2 for A, B^T and C; L2 holds %d",
                        spec.m(), spec.n(), spec.k(), need, l2.size()));
            }
            this.l2OperandBase = (int) base;
            int a = (int) base, bt = a + (int) aBytes, c = bt + (int) btBytes;
            this.layout = new GemmLayout(spec.placement(), rs, a, bt, c, plan);
        }
    }

    public GemmSpec spec() {
        return spec;
    }

    public GemmLayout layout() {
        return layout;
    }

    /** The generated operands (logical layouts). */
    public GemmReference.Inputs inputs() {
        return inputs;
    }

    /** What the program must leave at {@link GemmLayout#cAddress()}: M x N int8, row-major. */
    public byte[] expectedOutput() {
        return GemmReference.gemm(inputs.a(), inputs.b(), spec.m(), spec.n(), spec.k(), spec.mul(), spec.shift());
    }

    /** The program as an ELF image. */
    public byte[] elf() {
        return ProgramElf.toBytes(build(), false);
    }

    public void writeElf(Path path) throws IOException {
        java.nio.file.Files.write(path, elf());
    }

    /** Generates the program (a fresh one on every call). */
    public Program build() {
        ProgramBuilder b = new ProgramBuilder().textBase(textBase);
        boolean dma = spec.placement() == GemmSpec.Placement.L2_DMA;
        TilePlan plan = layout.tiles();

        emitData(b, plan, dma);
        b.text();
        b.bind(b.label("_start")).global(b.label("_start"));
        b.la(DESC, b.label("gemm_tiles"));
        b.li(TILES, plan.tiles());
        if (dma) {
            Label loop = b.label("gemm_tile_loop");
            b.csrr(T0, MHARTID);
            b.bnez(T0, loop);
            emitIssueIn(b, 0);
            emitResidentLoads(b, plan);
        }
        b.bind(b.label("gemm_tile_loop"));
        if (dma) {
            Label arrive = b.newLabel(), noNext = b.newLabel();
            b.csrr(T0, MHARTID);
            b.bnez(T0, arrive);
            b.addi(T0, TILES, -1);
            b.beqz(T0, noNext);
            emitIssueIn(b, DESC_BYTES);            // prefetch tile t+1 before computing tile t
            b.bind(noNext);
            emitSlotBase(b, 0);
            b.li(T2, dmaBase);
            emitWait(b, SLOT_IN_A);
            emitWait(b, SLOT_IN_B);
            emitWait(b, SLOT_OUT);                  // tile t-2's output left this C buffer
            b.bind(arrive);
            emitBarrier(b);                         // tile t is in L1
        }
        emitKernel(b);
        emitBarrier(b);                             // tile t is computed
        if (dma) {
            Label skip = b.newLabel();
            b.csrr(T0, MHARTID);
            b.bnez(T0, skip);
            emitIssueOut(b);
            b.bind(skip);
        }
        b.addi(DESC, DESC, DESC_BYTES);
        b.addi(TILES, TILES, -1);
        b.bnez(TILES, b.label("gemm_tile_loop"));

        Label park = b.label("gemm_park");
        b.csrr(T0, MHARTID);
        b.bnez(T0, park);
        if (dma) {
            b.la(T1, b.label("gemm_dma_ids"));
            b.li(T2, dmaBase);
            emitWait(b, SLOT_OUT);
            emitWait(b, SLOT_OUT + 4);
        }
        b.li(A0, 0);
        b.li(A7, EXIT);
        b.ecall();
        // Other cores sleep for good; core 0's exit ends the run.
        b.bind(park);
        b.li(T0, euBase + EU_EVENT_WAIT);
        b.emit(Op.P_ELW, T1, T0, 0, 0, 0);
        b.j(park);
        return b.build();
    }

    // ------------------------------------------------------------------ data

    private void emitData(ProgramBuilder b, TilePlan plan, boolean dma) {
        b.data().balign(4);
        b.bind(b.label("gemm_tiles"));
        int t = 0;
        for (int tm = 0; tm < plan.tilesM(); tm++) {
            for (int tn = 0; tn < plan.tilesN(); tn++, t++) {
                int m0 = tm * plan.tileRows(), n0 = tn * plan.tileCols();
                int rows = Math.min(plan.tileRows(), spec.m() - m0), cols = Math.min(plan.tileCols(), spec.n() - n0);
                int par = t & 1;
                TilePlan.Buffers buf = plan.buffers();
                b.word(dma && !plan.aResident() ? layout.aAddress() + m0 * rs : 0,
                        dma && !plan.bResident() ? layout.btAddress() + n0 * rs : 0,
                        layout.cAddress() + m0 * spec.n() + n0,
                        rows | cols << 16,
                        buf.a(plan.aResident() ? 0 : par) + (dma ? 0 : m0 * rs),
                        buf.b(plan.bResident() ? 0 : par) + (dma ? 0 : n0 * rs),
                        buf.c(plan.tiles() == 1 ? 0 : par),
                        par * 4);
            }
        }
        if (dma) {
            b.bind(b.label("gemm_dma_ids"));
            b.word(-1, -1, -1, -1, -1, -1);
        }
        byte[] a = GemmReference.padRows(inputs.a(), spec.m(), spec.k(), rs);
        byte[] bt = GemmReference.transposePadded(inputs.b(), spec.k(), spec.n(), rs);
        String sec = dma ? ".gemm.l2" : ".gemm.l1";
        b.sectionBase(sec, dma ? l2OperandBase : layout.aAddress()).section(sec).balign(4);
        b.bind(b.label("gemm_a")).bytes(a).balign(4);
        b.bind(b.label("gemm_bt")).bytes(bt).balign(4);
        b.bind(b.label("gemm_c")).space(spec.m() * spec.n()).balign(4);
    }

    // ------------------------------------------------------------------ synchronisation and DMA

    private void emitBarrier(ProgramBuilder b) {
        b.li(T0, euBase + EU_BARRIER);
        b.emit(Op.P_ELW, T0, T0, 0, 0, 0);
    }

    /** t1 = address of the DMA id slots of the buffer parity of the descriptor at DESC + off. */
    private static void emitSlotBase(ProgramBuilder b, int off) {
        b.lw(T0, off + D_SLOT, DESC);
        b.la(T1, b.label("gemm_dma_ids"));
        b.add(T1, T1, T0);
    }

    /** Core 0: starts the input transfers of the tile at DESC + off and records their ids (or -1). */
    private void emitIssueIn(ProgramBuilder b, int off) {
        emitSlotBase(b, off);
        b.li(T2, dmaBase);
        for (int which = 0; which < 2; which++) {
            Label skip = b.newLabel();
            b.li(T4, -1);
            b.lw(T3, off + (which == 0 ? D_L2A : D_L2B), DESC);
            b.beqz(T3, skip);                       // resident operand: nothing to load
            b.sw(T3, DMA_SRC, T2);
            b.lw(T3, off + (which == 0 ? D_L1A : D_L1B), DESC);
            b.sw(T3, DMA_DST, T2);
            b.lw(T3, off + D_SHAPE, DESC);
            if (which == 0) {
                b.slli(T3, T3, 16);
                b.srli(T3, T3, 16);                 // rows of A = tile rows
            } else {
                b.srli(T3, T3, 16);                 // rows of B^T = tile columns
            }
            emitRowCopy(b, T3, rs, rs, rs);
            b.lw(T4, DMA_START, T2);
            b.bind(skip);
            b.sw(T4, which == 0 ? SLOT_IN_A : SLOT_IN_B, T1);
        }
    }

    /** DMA_ROWS = rows register, LEN and strides constants; t5 is clobbered. */
    private static void emitRowCopy(ProgramBuilder b, int rowsReg, int len, int srcStride, int dstStride) {
        b.sw(rowsReg, DMA_ROWS, T2);
        b.li(T5, len);
        b.sw(T5, DMA_LEN, T2);
        if (srcStride != len) {
            b.li(T5, srcStride);
        }
        b.sw(T5, DMA_SRC_STRIDE, T2);
        if (dstStride != srcStride) {
            b.li(T5, dstStride);
        }
        b.sw(T5, DMA_DST_STRIDE, T2);
    }

    /** Core 0, once: the operands that stay in L1 for every tile, waited for with tile 0's inputs. */
    private void emitResidentLoads(ProgramBuilder b, TilePlan plan) {
        // emitIssueIn(0) left t1 = slot base of parity 0 and t2 = DMA base
        if (plan.aResident()) {
            emitResident(b, layout.aAddress(), plan.buffers().a0(), spec.m(), SLOT_IN_A);
        }
        if (plan.bResident()) {
            emitResident(b, layout.btAddress(), plan.buffers().b0(), spec.n(), SLOT_IN_B);
        }
    }

    private void emitResident(ProgramBuilder b, int src, int dst, int rows, int slot) {
        b.li(T3, src);
        b.sw(T3, DMA_SRC, T2);
        b.li(T3, dst);
        b.sw(T3, DMA_DST, T2);
        b.li(T3, rows);
        emitRowCopy(b, T3, rs, rs, rs);
        b.lw(T4, DMA_START, T2);
        b.sw(T4, slot, T1);
    }

    /** Core 0: writes tile t's output (L1, rows x cols packed) back into C (L2, row stride N). */
    private void emitIssueOut(ProgramBuilder b) {
        emitSlotBase(b, 0);
        b.li(T2, dmaBase);
        b.lw(T3, D_L1C, DESC);
        b.sw(T3, DMA_SRC, T2);
        b.lw(T3, D_L2C, DESC);
        b.sw(T3, DMA_DST, T2);
        b.lw(T3, D_SHAPE, DESC);
        b.srli(T4, T3, 16);
        b.sw(T4, DMA_LEN, T2);
        b.sw(T4, DMA_SRC_STRIDE, T2);
        b.li(T4, spec.n());
        b.sw(T4, DMA_DST_STRIDE, T2);
        b.slli(T3, T3, 16);
        b.srli(T3, T3, 16);
        b.sw(T3, DMA_ROWS, T2);
        b.lw(T4, DMA_START, T2);
        b.sw(T4, SLOT_OUT, T1);
    }

    /** Waits for the transfer in slot {@code off} of t1 (t2 = DMA base) unless it is -1, then clears the slot. */
    private static void emitWait(ProgramBuilder b, int off) {
        Label skip = b.newLabel();
        b.lw(T3, off, T1);
        b.blt(T3, ZERO, skip);
        b.sw(T3, DMA_WAIT, T2);
        b.emit(Op.P_ELW, T3, T2, 0, DMA_WAIT, 0);
        b.li(T3, -1);
        b.sw(T3, off, T1);
        b.bind(skip);
    }

    // ------------------------------------------------------------------ compute

    /**
     * All cores: this core's rows of the tile at DESC. Rows [id*R/P, (id+1)*R/P) of a tile of R
     * rows; cores with id >= P have none. 4-row blocks first, then single rows.
     */
    private void emitKernel(ProgramBuilder b) {
        int p = spec.cores();
        Label done = b.newLabel(), singles = b.newLabel();
        b.lw(B_BASE, D_L1B, DESC);
        b.lw(COLS, D_SHAPE, DESC);
        b.slli(T1, COLS, 16);
        b.srli(T1, T1, 16);                          // t1 = tile rows
        b.srli(COLS, COLS, 16);
        b.csrr(T0, MHARTID);
        b.li(T2, p);
        b.bgeu(T0, T2, done);
        b.mul(T3, T0, T1);
        emitDivP(b, T3, T2, p);                      // t3 = first row
        b.addi(T0, T0, 1);
        b.mul(T4, T0, T1);
        emitDivP(b, T4, T2, p);
        b.sub(T4, T4, T3);                           // t4 = rows of this core
        b.lw(ROW_A, D_L1A, DESC);
        b.li(T5, rs);
        b.mul(T5, T3, T5);
        b.add(ROW_A, ROW_A, T5);
        b.lw(P_C, D_L1C, DESC);
        b.mul(T5, T3, COLS);
        b.add(P_C, P_C, T5);
        b.srli(BLOCKS, T4, 2);
        b.andi(LEFT, T4, 3);
        b.beqz(BLOCKS, singles);
        emitRowGroup(b, 4, BLOCKS);
        b.bind(singles);
        b.beqz(LEFT, done);
        emitRowGroup(b, 1, LEFT);
        b.bind(done);
    }

    private static void emitDivP(ProgramBuilder b, int reg, int pReg, int p) {
        if (Integer.bitCount(p) == 1) {
            b.srli(reg, reg, Integer.numberOfTrailingZeros(p));
        } else {
            b.divu(reg, reg, pReg);
        }
    }

    /**
     * Loops over {@code counter} groups of {@code rows} rows: column pairs in hardware loop 1, then the
     * odd last column. The software loop around it holds the only branches.
     */
    private void emitRowGroup(ProgramBuilder b, int rows, int counter) {
        Label loop = b.here(), afterPairs = b.newLabel(), noOdd = b.newLabel(), pairEnd = b.newLabel();
        b.mv(P_BCOL, B_BASE);
        b.srli(T0, COLS, 1);
        b.beqz(T0, afterPairs);                      // a zero count would still run the body once
        b.lpSetup(1, T0, pairEnd);
        emitBlock(b, rows, 2, pairEnd);
        b.bind(afterPairs);
        b.andi(T0, COLS, 1);
        b.beqz(T0, noOdd);
        emitBlock(b, rows, 1, null);
        b.bind(noOdd);
        addConst(b, ROW_A, ROW_A, rows * rs, T0);
        if (rows > 1) {                              // P_C is at the end of the block's first row
            b.slli(T0, COLS, 1);
            b.add(T0, T0, COLS);                     // 3 * cols: rows 2-4 of the block
            b.add(P_C, P_C, T0);
        }
        b.addi(counter, counter, -1);
        b.bnez(counter, loop);
    }

    /**
     * One block of {@code rows} x {@code cols} outputs: pointers, the first K step, the other K steps
     * in hardware loop 0, requantisation and int8 stores. {@code last}, when given, is bound to the
     * block's last instruction (the end of the enclosing hardware loop 1).
     */
    private void emitBlock(ProgramBuilder b, int rows, int cols, Label last) {
        b.mv(PA[0], ROW_A);
        for (int i = 1; i < rows; i++) {
            addConst(b, PA[i], ROW_A, i * rs, VA[0]);
        }
        b.mv(PB[0], P_BCOL);
        if (cols == 2) {
            addConst(b, PB[1], P_BCOL, rs, VA[0]);
        }
        // The first K step is peeled with pv.dotsp.b, which overwrites: no accumulator clearing.
        emitInnerBody(b, rows, cols, false, null);
        int iters = kp / 4 - 1;
        if (iters > 0) {
            Label end = b.newLabel();
            if (iters <= SETUPI_MAX_COUNT) {
                b.lpSetupi(0, iters, end);
            } else {
                b.li(VB[1], iters);
                b.lpSetup(0, VB[1], end);
            }
            emitInnerBody(b, rows, cols, true, end);
        }
        if (spec.mul() != 1) {
            b.li(VA[0], spec.mul());
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int acc = ACC[i][j];
                if (spec.mul() != 1) {
                    b.mul(acc, acc, VA[0]);
                }
                if (spec.shift() != 0) {
                    b.srai(acc, acc, spec.shift());
                }
                b.pClip(acc, acc, 8);
            }
        }
        b.mv(VA[1], P_C);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                b.sb(ACC[i][j], j, VA[1]);
            }
            if (i < rows - 1) {
                b.add(VA[1], VA[1], COLS);
            }
        }
        addConst(b, P_BCOL, P_BCOL, cols * rs, VA[0]);
        if (last != null) {
            b.bind(last);
        }
        b.addi(P_C, P_C, cols);
    }

    /**
     * One K step ({@code accumulate}: {@code pv.sdotsp.b}, else the overwriting {@code pv.dotsp.b}
     * of the peeled first step; {@code end}, when given, bound to its last instruction): one word (4 int8) from each A row and each B^T row, then every A word
     * against every B^T word. Loads are spread so that no result is used by the next instruction
     * (RI5CY load-use stall), except in the 3-instruction 1x1 body.
     */
    private static void emitInnerBody(ProgramBuilder b, int rows, int cols, boolean accumulate, Label end) {
        List<Runnable> s = new ArrayList<>();
        if (rows == 1) {
            s.add(() -> b.pLwPostInc(VA[0], 4, PA[0]));
            for (int j = 0; j < cols; j++) {
                int jj = j;
                s.add(() -> b.pLwPostInc(VB[jj], 4, PB[jj]));
            }
            for (int j = 0; j < cols; j++) {
                int jj = j;
                s.add(() -> dot(b, accumulate, ACC[0][jj], VA[0], VB[jj]));
            }
        } else {
            for (int j = 0; j < cols; j++) {
                int jj = j;
                s.add(() -> b.pLwPostInc(VB[jj], 4, PB[jj]));
            }
            s.add(() -> b.pLwPostInc(VA[0], 4, PA[0]));
            s.add(() -> b.pLwPostInc(VA[1], 4, PA[1]));
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int ii = i, jj = j;
                    s.add(() -> dot(b, accumulate, ACC[ii][jj], VA[ii], VB[jj]));
                }
                if (i + 2 < rows) {
                    int next = i + 2;
                    s.add(() -> b.pLwPostInc(VA[next], 4, PA[next]));
                }
            }
        }
        for (int i = 0; i < s.size(); i++) {
            if (i == s.size() - 1 && end != null) {
                b.bind(end);                         // lp end = address of the last body instruction
            }
            s.get(i).run();
        }
    }

    private static void dot(ProgramBuilder b, boolean accumulate, int acc, int x, int y) {
        if (accumulate) {
            b.pvSdotspB(acc, x, y);
        } else {
            b.pvDotspB(acc, x, y);
        }
    }

    /** rd = rs + value, through {@code tmp} when the value does not fit an addi immediate. */
    private static void addConst(ProgramBuilder b, int rd, int rs, int value, int tmp) {
        if (value >= -2048 && value < 2048) {
            b.addi(rd, rs, value);
        } else {
            b.li(tmp, value);
            b.add(rd, rs, tmp);
        }
    }

    private static long align4(long v) {
        return (v + 3) & ~3L;
    }
}
