package io.socsim.workloads.kernels;

import static io.socsim.isa.Reg.A0;
import static io.socsim.isa.Reg.A1;
import static io.socsim.isa.Reg.A2;
import static io.socsim.isa.Reg.A3;
import static io.socsim.isa.Reg.A4;
import static io.socsim.isa.Reg.A5;
import static io.socsim.isa.Reg.A6;
import static io.socsim.isa.Reg.A7;
import static io.socsim.isa.Reg.T0;
import static io.socsim.isa.Reg.T1;
import static io.socsim.isa.Reg.T2;
import static io.socsim.isa.Reg.T3;
import static io.socsim.isa.Reg.T4;
import static io.socsim.isa.Reg.T5;
import static io.socsim.isa.Reg.T6;

import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.ita.math.Requant;
import io.socsim.workloads.ita.ItaRegisters;

/**
 * Residual add and MobileBERT NoNorm on the cores, bit-exact with {@link io.socsim.workloads.ops.CoreOps}:
 * {@link #MODE_ADD_NORM} {@code y = rq2(rq1(a + b) * gamma[c] + beta[c])} ({@code CoreOps.addNorm}),
 * {@link #MODE_RESIDUAL} {@code y = rq1(a + b)} ({@code residualAdd}), {@link #MODE_NO_NORM}
 * {@code y = rq2(a * gamma[c] + beta[c])} ({@code noNorm}; b and rq1 unused).
 *
 * <p>Tensors are dense row-major {@code rows x cols} int8; each core takes its rows. The add runs
 * first over the core's whole share (one flat hardware loop, out = rq1(a + b)), then the norm
 * reads the share back (in place from out for AddNorm): two passes keep each loop within the 15
 * caller-saved registers, at the cost of one extra load and store per element. {@code out} may
 * alias {@code a} or {@code b}. Both passes start at a per-core staggered point and wrap round, so
 * the cores do not all hit the same TCDM bank in lockstep (bank-aligned rows, shared gamma/beta).
 * See docs/kernels.md.
 */
public final class AddNormKernel {

    public static final int MODE_ADD_NORM = 0;
    public static final int MODE_RESIDUAL = 1;
    public static final int MODE_NO_NORM = 2;
    /**
     * Flag or-ed into the mode word: the caller proved {@link Requantizer#foldedFits} for the norm
     * rq on a bound of {@code |x*gamma[c] + beta[c]|}, so the norm pass uses the 4-instruction
     * folded requantisation instead of the wide one. Set by {@link Args#of(int, int, int, int, int,
     * int, int, Requant, Requant, int, long)}.
     */
    public static final int NORM_FOLDED = 0x100;
    private static final int MODE_MASK = 0xff;

    /** Argument block: ten little-endian words in this order. */
    public record Args(int a, int b, int out, int rows, int cols, int gamma, int beta, int addRq, int normRq,
            int mode) {

        /** Builds the block from {@link Requant}s (either may be null when the mode does not use it). */
        public static Args of(int a, int b, int out, int rows, int cols, int gamma, int beta, Requant addRq,
                Requant normRq, int mode) {
            return new Args(a, b, out, rows, cols, gamma, beta, word(addRq), word(normRq), mode);
        }

        /**
         * As {@link #of(int, int, int, int, int, int, int, Requant, Requant, int)}, with
         * {@code normAccBound} = an upper bound of {@code |x*gamma[c] + beta[c]|} over int8 x (see
         * {@link #normBound}); sets {@link #NORM_FOLDED} when the folded requantisation is exact
         * for it (a negative bound, or one that does not fit, keeps the wide form).
         */
        public static Args of(int a, int b, int out, int rows, int cols, int gamma, int beta, Requant addRq,
                Requant normRq, int mode, long normAccBound) {
            boolean folded = mode != MODE_RESIDUAL && normRq != null && Requantizer.foldedFits(normRq, normAccBound);
            return of(a, b, out, rows, cols, gamma, beta, addRq, normRq, mode | (folded ? NORM_FOLDED : 0));
        }

        private static int word(Requant rq) {
            return rq == null ? 0 : ItaRegisters.requantWord(rq);
        }

        public int[] encode() {
            return new int[] {a, b, out, rows, cols, gamma, beta, addRq, normRq, mode};
        }
    }

    /**
     * {@code max |x*g[c] + beta[c]|} over every column c and int8 x (the largest of x = -128 and
     * x = 127, the ends of a linear function), in 64 bits: the norm accumulator's exact bound.
     * {@code gamma} may be longer than {@code beta} or the other way round: the common prefix counts.
     */
    public static long normBound(byte[] gamma, int[] beta) {
        long max = 0;
        for (int c = 0; c < Math.min(gamma.length, beta.length); c++) {
            long lo = -128L * gamma[c] + beta[c], hi = 127L * gamma[c] + beta[c];
            max = Math.max(max, Math.max(Math.abs(lo), Math.abs(hi)));
        }
        return max;
    }

    private static final int W_A = 0, W_B = 4, W_OUT = 8, W_ROWS = 12, W_COLS = 16, W_GAMMA = 20, W_BETA = 24,
            W_ADD_RQ = 28, W_NORM_RQ = 32, W_MODE = 36;

    /** |a + b| <= 256 < 2^9. */
    private static final int SUM_BITS = 9;

    private static final Requantizer.Bounded ADD_RQ = new Requantizer.Bounded(T3, T4, T5);
    private static final Requantizer.Wide NORM_RQ = new Requantizer.Wide(T3, T4, T5, T6);
    private static final Requantizer.Bounded NORM_FOLDED_RQ = new Requantizer.Bounded(T3, T4, T5);
    /** Norm loop variants: wide large shift, wide small shift, folded. */
    private static final int LARGE = 0, SMALL = 1, FOLDED = 2;
    // norm pass
    private static final int P_IN = A3, P_OUT = A4, P_GAMMA = A5, P_BETA = A6, COLS = A7, COUNT = A1;
    private static final int X = T0, G = T1, ACC = T2, HI = A2;
    /** The norm result; a1 (COUNT) once the row loop is set up, also each segment's loop count first. */
    private static final int R = A1;
    /** Core index (kept from entry until the norm pass), the norm pass's starting column (in a0 during the loops). */
    private static final int ID = A2, C0 = T1;

    private AddNormKernel() {
    }

    /**
     * Bytes between the starting points of neighbouring cores in the flat add pass: four banks of a
     * 32-bank, 4-byte-wide TCDM, so eight cores start in eight different groups of banks.
     */
    static final int FLAT_STAGGER = 16;
    /** The TCDM bank span (32 banks of 4 bytes) the flat stagger is taken modulo. */
    static final int BANK_SPAN = 128;
    /**
     * Columns between the starting columns of neighbouring cores in the norm pass: gamma (bytes)
     * then moves one bank apart per core, beta (words) four banks apart, rows of a multiple of
     * 128 columns one bank apart.
     */
    static final int NORM_STAGGER = 4;

    /** Emits the routine once into {@code b}; returns its entry. */
    public static Label emit(ProgramBuilder b) {
        Label entry = b.newLabel(), done = b.newLabel(), norm = b.newLabel(), normPointers = b.newLabel(),
                small = b.newLabel(), folded = b.newLabel();
        b.bind(entry);
        b.lw(T0, W_ROWS, A0);
        b.lw(COLS, W_COLS, A0);
        RowSplit.emit(b, T0, A1, A2, T2, T1);
        b.mv(ID, A1);                                        // p is not needed any more
        b.mv(COUNT, T1);
        b.beqz(COUNT, done);
        b.beqz(COLS, done);
        b.mul(T2, T2, COLS);                                 // element offset of the share (kept in t2)
        b.lw(T1, W_MODE, A0);
        b.andi(T1, T1, MODE_MASK);
        b.li(T3, MODE_NO_NORM);
        b.beq(T1, T3, norm);

        // ---- pass 1: out = rq1(a + b) over the share, one flat loop in two segments: from this
        // core's staggered start o to the end of the share, then from the share's start to o
        b.mul(A6, COUNT, COLS);                              // n, elements of the share
        b.lw(A3, W_A, A0);
        b.add(A3, A3, T2);
        b.slli(T6, ID, 4);                                   // o = (16*id - a_share) mod 128, then mod n:
        b.sub(T6, T6, A3);                                   // a's stream starts in bank group id
        b.andi(T6, T6, BANK_SPAN - 1);
        b.remu(T6, T6, A6);
        b.add(A3, A3, T6);
        b.lw(A4, W_B, A0);
        b.add(A4, A4, T2);
        b.add(A4, A4, T6);
        b.lw(A5, W_OUT, A0);
        b.add(A5, A5, T2);
        b.add(A5, A5, T6);
        b.sub(A6, A6, T6);                                   // n - o >= 1
        b.lw(T0, W_ADD_RQ, A0);
        Requantizer.emitSetupBounded(b, T0, SUM_BITS, ADD_RQ, T0);
        Label addSegment = b.newLabel(), addEnd = b.newLabel(), addDone = b.newLabel();
        b.bind(addSegment);
        b.lpSetup(0, A6, addEnd);
        b.pLbPostInc(T0, 1, A3);
        b.pLbPostInc(T1, 1, A4);
        Requantizer.emitBoundedSum(b, T0, T0, T1, ADD_RQ); // t1 first read two instructions after its load
        b.bind(addEnd);
        b.pSbPostInc(T0, 1, A5);
        b.beqz(T6, addDone);                                 // second segment: [0, o), skipped when empty
        b.mul(T0, COUNT, COLS);
        b.sub(A3, A3, T0);
        b.sub(A4, A4, T0);
        b.sub(A5, A5, T0);
        b.mv(A6, T6);
        b.li(T6, 0);
        b.j(addSegment);
        b.bind(addDone);
        b.lw(T1, W_MODE, A0);
        b.andi(T1, T1, MODE_MASK);
        b.li(T3, MODE_RESIDUAL);
        b.beq(T1, T3, done);
        b.lw(P_IN, W_OUT, A0);                               // AddNorm: normalise out in place
        b.j(normPointers);

        // ---- pass 2: out = rq2(in * gamma[c] + beta[c]), rows in hardware loop 1, columns in loop 0,
        // each row from this core's staggered column c0 to the end, then from column 0 to c0
        b.bind(norm);
        b.lw(P_IN, W_A, A0);
        b.bind(normPointers);
        b.slli(C0, ID, 2);                                   // c0 = 4*id mod cols (0 <= c0 < cols)
        b.remu(C0, C0, COLS);
        b.add(P_IN, P_IN, T2);
        b.add(P_IN, P_IN, C0);
        b.lw(P_OUT, W_OUT, A0);
        b.add(P_OUT, P_OUT, T2);
        b.add(P_OUT, P_OUT, C0);
        b.lw(P_GAMMA, W_GAMMA, A0);
        b.add(P_GAMMA, P_GAMMA, C0);
        b.lw(P_BETA, W_BETA, A0);
        b.slli(T0, C0, 2);
        b.add(P_BETA, P_BETA, T0);
        b.lw(T0, W_NORM_RQ, A0);
        b.lw(T3, W_MODE, A0);
        b.andi(T3, T3, NORM_FOLDED);
        b.mv(A0, C0);                                        // the argument block is not read again
        b.bnez(T3, folded);
        Requantizer.emitSetupWide(b, T0, NORM_RQ, T0, T1, small);
        emitNorm(b, LARGE);
        b.j(done);
        b.bind(small);
        emitNorm(b, SMALL);
        b.j(done);
        b.bind(folded);
        Requantizer.emitSetupFolded(b, T0, NORM_FOLDED_RQ, T1);
        emitNorm(b, FOLDED);
        b.bind(done);
        b.ret();
        return entry;
    }

    private static void emitNorm(ProgramBuilder b, int variant) {
        Label skip = b.newLabel(), outer = b.newLabel();
        b.lpSetup(1, COUNT, outer);                          // COUNT (a1) is free from here on: R
        b.sub(R, COLS, A0);                                  // cols - c0 >= 1
        emitNormSegment(b, variant);
        b.sub(P_IN, P_IN, COLS);                             // back to column 0 of the row
        b.sub(P_OUT, P_OUT, COLS);
        b.sub(P_GAMMA, P_GAMMA, COLS);
        b.slli(X, COLS, 2);
        b.sub(P_BETA, P_BETA, X);
        b.beqz(A0, skip);                                    // lp.setup with count 0 is not a no-op
        b.mv(R, A0);
        emitNormSegment(b, variant);
        b.bind(skip);
        b.add(P_IN, P_IN, COLS);                             // column c0 of the next row
        b.bind(outer);
        b.add(P_OUT, P_OUT, COLS);
    }

    /**
     * One segment of R >= 1 columns, software-pipelined by one element so no loaded value is used
     * by the next instruction: the prologue loads element 0; the hardware loop (R - 1 times,
     * skipped when 0) computes element i and loads element i + 1; the tail computes the last
     * element without loading (no read past the segment).
     */
    private static void emitNormSegment(ProgramBuilder b, int variant) {
        Label end = b.newLabel(), tail = b.newLabel();
        b.addi(R, R, -1);
        b.pLbPostInc(X, 1, P_IN);
        b.pLbPostInc(G, 1, P_GAMMA);
        b.pLwPostInc(ACC, 4, P_BETA);
        b.beqz(R, tail);
        b.lpSetup(0, R, end);
        emitNormCompute(b, variant);
        b.pLbPostInc(X, 1, P_IN);                            // element i + 1
        b.pLbPostInc(G, 1, P_GAMMA);
        b.pLwPostInc(ACC, 4, P_BETA);                        // used by the p.mac two instructions on
        b.bind(end);
        b.pSbPostInc(R, 1, P_OUT);
        b.bind(tail);
        emitNormCompute(b, variant);
        b.pSbPostInc(R, 1, P_OUT);
    }

    /** {@code R = rq2(ACC + X*G)}; leaves X, G and ACC free for the next element's loads. */
    private static void emitNormCompute(ProgramBuilder b, int variant) {
        b.pMac(ACC, X, G);                                   // int32, wrapping like CoreOps
        switch (variant) {
            case FOLDED -> Requantizer.emitBounded(b, R, ACC, NORM_FOLDED_RQ);
            case SMALL -> Requantizer.emitSmallShift(b, R, ACC, NORM_RQ);
            default -> Requantizer.emitLargeShift(b, R, ACC, NORM_RQ, ACC, HI);
        }
    }
}
