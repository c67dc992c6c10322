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

import io.socsim.isa.Op;
import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;

/**
 * int8 transpose: {@code dst[c][r] = src[r][c]} for a {@code rows x cols} source (byte strides
 * srcStride and dstStride). Each core takes its destination rows (source columns), so the cores
 * write disjoint rows; a destination row is gathered down a source column with register
 * post-increment loads, two elements per hardware-loop step.
 */
public final class TransposeKernel {

    /** Argument block: six words in this order. */
    public record Args(int src, int srcStride, int dst, int dstStride, int rows, int cols) {
        public int[] encode() {
            return new int[] {src, srcStride, dst, dstStride, rows, cols};
        }
    }

    private static final int W_SRC = 0, W_SRCSTRIDE = 4, W_DST = 8, W_DSTSTRIDE = 12, W_ROWS = 16, W_COLS = 20;

    private TransposeKernel() {
    }

    /** Emits the routine once into {@code b}; returns its entry. */
    public static Label emit(ProgramBuilder b) {
        Label entry = b.newLabel(), done = b.newLabel(), col = b.newLabel(), single = b.newLabel(), next = b.newLabel(),
                end = b.newLabel();
        b.bind(entry);
        b.lw(T0, W_COLS, A0);
        RowSplit.emit(b, T0, A1, A2, T1, T2);                // destination rows first .. first+count
        b.beqz(T2, done);
        b.lw(A3, W_ROWS, A0);
        b.beqz(A3, done);
        b.lw(A4, W_SRCSTRIDE, A0);
        b.lw(A5, W_SRC, A0);
        b.add(A5, A5, T1);                                   // top of source column `first`
        b.lw(A6, W_DSTSTRIDE, A0);
        b.lw(A7, W_DST, A0);
        b.mul(T3, T1, A6);
        b.add(A7, A7, T3);                                   // destination row `first`
        b.srli(T4, A3, 1);
        b.andi(T5, A3, 1);
        b.bind(col);
        b.mv(T0, A5);
        b.mv(T1, A7);
        b.beqz(T4, single);                                  // a zero count would still run the body once
        b.lpSetup(0, T4, end);
        b.emit(Op.P_LB_RPOST, T3, T0, A4, 0, 0);
        b.emit(Op.P_LB_RPOST, T6, T0, A4, 0, 0);
        b.pSbPostInc(T3, 1, T1);
        b.bind(end);
        b.pSbPostInc(T6, 1, T1);
        b.bind(single);
        b.beqz(T5, next);
        b.lb(T3, 0, T0);
        b.sb(T3, 0, T1);
        b.bind(next);
        b.addi(A5, A5, 1);
        b.add(A7, A7, A6);
        b.addi(T2, T2, -1);
        b.bnez(T2, col);
        b.bind(done);
        b.ret();
        return entry;
    }
}
