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
import java.util.Arrays;

/**
 * The head sum ({@code CoreOps.headSum}, PyITA's OSUM): {@code y = rq(sum_h head_h)} over up to
 * {@link #MAX_HEADS} dense int8 tensors of {@code rows x cols}; each core takes about N/p of the elements, its share
 * starting 16*id bytes into a 128-byte bank span (no bank convoy; docs/kernels.md). The sum
 * of at most 8 int8 values is below 2^11 in magnitude, so the bounded requantisation applies.
 * One loop per head count is emitted (every head pointer lives in a register); a head count
 * outside 1..8 does nothing.
 */
public final class HeadSumKernel {

    public static final int MAX_HEADS = 8;

    /** Argument block: heads, rows, cols, out, rq, then eight head addresses (unused ones 0). */
    public record Args(int heads, int rows, int cols, int out, int rq, int[] headAddresses) {

        public Args {
            if (headAddresses.length != heads || heads < 1 || heads > MAX_HEADS) {
                throw new IllegalArgumentException(heads + " heads with " + headAddresses.length + " addresses");
            }
            headAddresses = headAddresses.clone();
        }

        public static Args of(int rows, int cols, int out, Requant rq, int... headAddresses) {
            return new Args(headAddresses.length, rows, cols, out, ItaRegisters.requantWord(rq), headAddresses);
        }

        public int[] encode() {
            int[] w = new int[5 + MAX_HEADS];
            w[0] = heads;
            w[1] = rows;
            w[2] = cols;
            w[3] = out;
            w[4] = rq;
            System.arraycopy(headAddresses, 0, w, 5, heads);
            return w;
        }

        @Override
        public int[] headAddresses() {
            return headAddresses.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Args a && a.heads == heads && a.rows == rows && a.cols == cols && a.out == out
                    && a.rq == rq && Arrays.equals(a.headAddresses, headAddresses);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(encode());
        }
    }

    private static final int W_HEADS = 0, W_ROWS = 4, W_COLS = 8, W_OUT = 12, W_RQ = 16, W_HEAD0 = 20;
    /** The TCDM bank span (32 banks of 4 bytes); neighbouring cores start 16 bytes (four banks) apart in it. */
    static final int BANK_SPAN = 128;
    private static final int SUM_BITS = 11;                   // |sum of 8 int8| <= 1024 < 2^11

    private static final int[] HEAD = {A3, A4, A5, A6, A7, T4, T5, T6};
    private static final int P_OUT = A2, N = A0, ACC = T0, X = T1, Y = A0;
    private static final Requantizer.Bounded RQ = new Requantizer.Bounded(A1, T3, T2);

    private HeadSumKernel() {
    }

    /** Emits the routine once into {@code b}; returns its entry. */
    public static Label emit(ProgramBuilder b) {
        Label entry = b.newLabel(), done = b.newLabel();
        b.bind(entry);
        b.lw(T0, W_ROWS, A0);
        b.lw(T1, W_COLS, A0);
        RowSplit.emit(b, T0, A1, A2, T2, T3);
        // Staggered element split: core i starts at s(i) = min(N, (first(i)*cols & -128) + 16*i),
        // s(p) = N. s is non-decreasing, so the shares still tile [0, N) exactly, but the cores'
        // starting points lie in different groups of four banks (no convoy on one bank).
        Label last = b.newLabel(), split = b.newLabel();
        b.mul(T4, T0, T1);                                   // N
        b.add(T3, T3, T2);                                   // first row of the next core
        b.mul(T2, T2, T1);
        b.andi(T2, T2, -BANK_SPAN);
        b.slli(T5, A1, 4);
        b.add(T2, T2, T5);
        b.pMin(T2, T2, T4);                                  // s(id): element offset of the share
        b.addi(T5, A1, 1);
        b.beq(T5, A2, last);
        b.mul(T3, T3, T1);
        b.andi(T3, T3, -BANK_SPAN);
        b.slli(T5, T5, 4);
        b.add(T3, T3, T5);
        b.pMin(T3, T3, T4);                                  // s(id + 1)
        b.j(split);
        b.bind(last);
        b.mv(T3, T4);
        b.bind(split);
        b.sub(T3, T3, T2);                                   // elements of the share
        b.beqz(T3, done);
        b.lw(P_OUT, W_OUT, A0);
        b.add(P_OUT, P_OUT, T2);
        b.lw(X, W_HEADS, A0);
        for (int h = 0; h < MAX_HEADS; h++) {                // unused words are read, never followed
            b.lw(HEAD[h], W_HEAD0 + 4 * h, A0);
            b.add(HEAD[h], HEAD[h], T2);
        }
        b.lw(ACC, W_RQ, A0);
        b.mv(N, T3);
        Requantizer.emitSetupBounded(b, ACC, SUM_BITS, RQ, ACC);
        Label[] loops = new Label[MAX_HEADS + 1];
        for (int h = 1; h <= MAX_HEADS; h++) {
            loops[h] = b.newLabel();
            b.li(ACC, h);
            b.beq(X, ACC, loops[h]);
        }
        b.j(done);
        for (int h = 1; h <= MAX_HEADS; h++) {
            Label end = b.newLabel();
            b.bind(loops[h]);
            b.lpSetup(0, N, end);
            // Loads alternate between X and Y (a0: the count is dead once the loop is set up) and
            // each add trails its load by one instruction; the last addend is folded into the rq
            // multiply. No loaded value is used by the next instruction for h >= 2.
            b.pLbPostInc(ACC, 1, HEAD[0]);
            for (int k = 1; k < h; k++) {
                b.pLbPostInc(k % 2 == 1 ? X : Y, 1, HEAD[k]);
                if (k >= 2) {
                    b.add(ACC, ACC, k % 2 == 1 ? Y : X);     // element k - 1
                }
            }
            if (h == 1) {
                Requantizer.emitBounded(b, ACC, ACC, RQ);
            } else {
                Requantizer.emitBoundedSum(b, ACC, ACC, (h - 1) % 2 == 1 ? X : Y, RQ);
            }
            b.bind(end);
            b.pSbPostInc(ACC, 1, P_OUT);
            b.j(done);
        }
        b.bind(done);
        b.ret();
        return entry;
    }
}
