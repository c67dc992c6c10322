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
import static io.socsim.isa.Reg.ZERO;

import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.ita.math.Requant;
import io.socsim.workloads.ita.ItaRegisters;

/**
 * ITA's linear layer on the cores, bit-exact with {@code FeedForward.linear}:
 * {@code out = act(rq(clip26(x . W + bias)))}, activation identity or ReLU
 * ({@code rqAct(max(q, 0))}); GELU is not supported.
 *
 * <p>x is S x E int8 (row stride xStride), W is given transposed (Wt, P x E, row stride wtStride)
 * so that both operands are read along rows by {@code pv.sdotsp.b}, one word (4 products) per
 * step. E must be a positive multiple of 4: the caller pads x and Wt rows with zeros (they add
 * zero products), and strides and base addresses must be word aligned. Each core takes its rows
 * of x. Without callee-saved registers only a 1x1 output block fits (15 registers); the ReLU,
 * when asked for, runs as a second pass over the core's own output rows.
 */
public final class CoreLinearKernel {

    public static final int ACT_IDENTITY = 0;
    public static final int ACT_RELU = 1;

    /**
     * Argument block: fourteen words in this order; bias 0 = none; xUnsigned 1 reads x as uint8
     * (ITA's A . V, whose probabilities A are unsigned) with {@code pv.sdotusp.b}.
     */
    public record Args(int x, int xStride, int wt, int wtStride, int bias, int out, int outStride, int s, int p,
            int e, int rq, int act, int actRq, int xUnsigned) {

        public static Args of(int x, int xStride, int wt, int wtStride, int bias, int out, int outStride, int s,
                int p, int e, Requant rq, int act, Requant actRq) {
            return new Args(x, xStride, wt, wtStride, bias, out, outStride, s, p, e, ItaRegisters.requantWord(rq),
                    act, actRq == null ? 0 : ItaRegisters.requantWord(actRq), 0);
        }

        public int[] encode() {
            return new int[] {x, xStride, wt, wtStride, bias, out, outStride, s, p, e, rq, act, actRq, xUnsigned};
        }
    }

    private static final int W_X = 0, W_XSTRIDE = 4, W_WT = 8, W_WTSTRIDE = 12, W_BIAS = 16, W_OUT = 20,
            W_OUTSTRIDE = 24, W_S = 28, W_P = 32, W_E = 36, W_RQ = 40, W_ACT = 44, W_ACT_RQ = 48, W_X_UNSIGNED = 52;

    private static final int ROWS = A1, PX = A2, PW = A3, COUNT = A4, POUT = A5, PBIAS = A6, KCNT = A7;
    private static final int VX = T0, VW = T1, ACC = T2;
    private static final Requantizer.Wide RQ = new Requantizer.Wide(T3, T4, T5, T6);
    private static final Requantizer.Bounded ACT_RQ = new Requantizer.Bounded(T3, T4, T5);
    /** ReLU output is 0..127. */
    private static final int RELU_BITS = 7;
    /** At most this many words (banks) between the dot-product starting points of neighbouring cores. */
    static final int K_STAGGER_MAX = 4;

    private CoreLinearKernel() {
    }

    /** Emits the routine once into {@code b}; returns its entry. */
    public static Label emit(ProgramBuilder b) {
        Label entry = b.newLabel(), done = b.newLabel(), small = b.newLabel(), act = b.newLabel();
        Label smallNoBias = b.newLabel(), largeNoBias = b.newLabel();
        Label unsigned = b.newLabel(), uSmall = b.newLabel(), uSmallNoBias = b.newLabel(), uLargeNoBias = b.newLabel();
        b.bind(entry);
        b.lw(T0, W_S, A0);
        RowSplit.emit(b, T0, A1, A2, T1, T2);
        b.lw(T3, W_E, A0);
        b.srli(T3, T3, 2);                                   // E/4
        b.beqz(T3, done);
        // k0 = (id * clamp(E/4 / p, 1, 4)) mod E/4, below 256: this core's first word of every dot
        // product (cores 1..4 words = 1..4 banks apart, so they do not read the same Wt word at once)
        b.divu(T4, T3, A2);
        b.li(T5, K_STAGGER_MAX);
        b.pMin(T4, T4, T5);
        b.li(T5, 1);
        b.pMax(T4, T4, T5);
        b.mul(T4, T4, A1);
        b.remu(T4, T4, T3);
        b.andi(T4, T4, 255);
        b.sub(T5, T3, T4);
        b.slli(T5, T5, 8);
        b.or(KCNT, T5, T4);                                  // (E/4 - k0) << 8 | k0
        b.slli(T4, T4, 2);                                   // 4*k0 bytes
        b.mv(ROWS, T2);
        b.mv(COUNT, T2);
        b.beqz(ROWS, done);
        b.lw(T0, W_P, A0);
        b.beqz(T0, done);
        b.lw(PX, W_XSTRIDE, A0);
        b.mul(PX, PX, T1);
        b.lw(T0, W_X, A0);
        b.add(PX, PX, T0);
        b.add(PX, PX, T4);
        b.lw(POUT, W_OUTSTRIDE, A0);
        b.mul(POUT, POUT, T1);
        b.lw(T0, W_OUT, A0);
        b.add(POUT, POUT, T0);
        b.lw(PW, W_WT, A0);
        b.add(PW, PW, T4);
        b.lw(PBIAS, W_BIAS, A0);
        b.lw(T0, W_X_UNSIGNED, A0);
        b.bnez(T0, unsigned);
        b.lw(T0, W_RQ, A0);
        Requantizer.emitSetupWide(b, T0, RQ, T0, T1, small);
        b.beqz(PBIAS, largeNoBias);
        emitRows(b, false, true, false, act);
        b.bind(largeNoBias);
        emitRows(b, false, false, false, act);
        b.bind(small);
        b.beqz(PBIAS, smallNoBias);
        emitRows(b, true, true, false, act);
        b.bind(smallNoBias);
        emitRows(b, true, false, false, act);
        // the same four row loops with unsigned x
        b.bind(unsigned);
        b.lw(T0, W_RQ, A0);
        Requantizer.emitSetupWide(b, T0, RQ, T0, T1, uSmall);
        b.beqz(PBIAS, uLargeNoBias);
        emitRows(b, false, true, true, act);
        b.bind(uLargeNoBias);
        emitRows(b, false, false, true, act);
        b.bind(uSmall);
        b.beqz(PBIAS, uSmallNoBias);
        emitRows(b, true, true, true, act);
        b.bind(uSmallNoBias);
        emitRows(b, true, false, true, act);

        // ---- ReLU pass over the core's output rows: out = rqAct(max(out, 0)), in place
        b.bind(act);
        b.lw(T0, W_ACT, A0);
        b.li(T1, ACT_RELU);
        b.bne(T0, T1, done);
        b.lw(T0, W_OUTSTRIDE, A0);
        b.mul(T1, T0, COUNT);
        b.sub(POUT, POUT, T1);                               // back to the core's first output row
        b.lw(A2, W_P, A0);
        b.sub(A3, T0, A2);                                   // outStride - P
        b.lw(T0, W_ACT_RQ, A0);
        Requantizer.emitSetupBounded(b, T0, RELU_BITS, ACT_RQ, T0);
        Label inner = b.newLabel(), outer = b.newLabel();
        b.lpSetup(1, COUNT, outer);
        b.lpSetup(0, A2, inner);
        b.lb(T0, 0, POUT);
        b.pMax(T0, T0, ZERO);
        Requantizer.emitBounded(b, T0, T0, ACT_RQ);
        b.bind(inner);
        b.pSbPostInc(T0, 1, POUT);
        b.bind(outer);
        b.add(POUT, POUT, A3);
        b.bind(done);
        b.ret();
        return entry;
    }

    /**
     * The row loop for one variant; leaves POUT at the end of the core's rows and jumps to
     * {@code after} (the activation pass).
     */
    private static void emitRows(ProgramBuilder b, boolean smallShift, boolean bias, boolean xUnsigned, Label after) {
        Label row = b.here(), kEnd = b.newLabel(), kEnd2 = b.newLabel(), kSkip = b.newLabel(), colEnd = b.newLabel();
        b.lw(VW, W_P, A0);
        b.lpSetup(1, VW, colEnd);
        if (bias) {
            b.pLwPostInc(ACC, 4, PBIAS);
            b.pClip(ACC, ACC, 31);                           // keeps dot + bias in 32 bits, clip26 unchanged
        } else {
            b.li(ACC, 0);
        }
        // the dot product from word k0 to the end, then from word 0 to k0 (int32 sums: any order is exact)
        b.srli(VX, KCNT, 8);                                 // E/4 - k0 >= 1
        b.lpSetup(0, VX, kEnd);
        emitDotStep(b, xUnsigned, kEnd);
        b.srli(VX, KCNT, 8);
        b.andi(VW, KCNT, 255);                               // k0
        b.add(VX, VX, VW);
        b.slli(VX, VX, 2);
        b.sub(PX, PX, VX);                                   // back to word 0 of the x row
        b.sub(PW, PW, VX);
        b.beqz(VW, kSkip);                                   // lp.setup with count 0 is not a no-op
        b.lpSetup(0, VW, kEnd2);
        emitDotStep(b, xUnsigned, kEnd2);
        b.bind(kSkip);                                       // both pointers at word k0 again
        b.pClip(ACC, ACC, 26);
        if (smallShift) {
            Requantizer.emitSmallShift(b, VX, ACC, RQ);
        } else {
            Requantizer.emitLargeShift(b, VX, ACC, RQ, ACC, VW);
        }
        b.pSbPostInc(VX, 1, POUT);
        b.lw(VW, W_WTSTRIDE, A0);
        b.bind(colEnd);
        b.add(PW, PW, VW);                                   // next Wt row
        b.lw(VW, W_XSTRIDE, A0);
        b.add(PX, PX, VW);
        b.lw(VW, W_OUTSTRIDE, A0);
        b.add(POUT, POUT, VW);
        b.lw(VW, W_P, A0);
        b.sub(POUT, POUT, VW);
        b.lw(PW, W_WT, A0);
        b.andi(VW, KCNT, 255);
        b.slli(VW, VW, 2);
        b.add(PW, PW, VW);                                   // word k0 of the first Wt row
        b.lw(PBIAS, W_BIAS, A0);
        b.addi(ROWS, ROWS, -1);
        b.bnez(ROWS, row);
        b.j(after);
    }

    private static void emitDotStep(ProgramBuilder b, boolean xUnsigned, Label end) {
        b.pLwPostInc(VX, 4, PX);
        b.pLwPostInc(VW, 4, PW);
        b.bind(end);
        if (xUnsigned) {
            b.pvSdotuspB(ACC, VX, VW);                      // uint8 x times int8 w
        } else {
            b.pvSdotspB(ACC, VX, VW);
        }
    }
}
