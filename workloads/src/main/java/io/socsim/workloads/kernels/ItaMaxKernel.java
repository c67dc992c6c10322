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
import io.socsim.ita.math.ItaMax;

/**
 * ITAmax, ITA's streaming integer softmax, on the cores, bit-exact with
 * {@link ItaMax#softmax}: int8 {@code rows x cols} in, uint8 probabilities out, each core takes
 * its rows.
 *
 * <p>Pass 1 walks a row in 16-column groups exactly as the hardware streams it: the group's four
 * words stay in registers, their maximum (packed {@code pv.max.b}) raises the running max
 * {@code m}, the denominator is floored by the increase and the group's terms
 * {@code 256 >> (m - v)} are added. The max is kept replicated in all four bytes, so one
 * {@code pv.sub.b} yields four shift counts {@code k = m - v} (0..255, exact as unsigned bytes);
 * clamped to 9 (where the term is already 0) they serve directly as half-word shift counts, because
 * {@code pv.srl.h} reads only the low 4 bits of each half: {@code k0, k2} in place, {@code k1, k3}
 * after {@code srli 8}. Pass 2 computes {@code inv = 65280 / D} and, four bytes at a time,
 * {@code inv >> k} with {@code pv.srl.b} (3-bit counts), masking lanes with {@code k >= 8} to 0,
 * which is exact since {@code inv <= 255}.
 *
 * <p>Word access needs in, out and both strides to be multiples of 4; cols is a positive multiple
 * of 16. Bytes between {@code cols} and the stride are neither read nor written.
 */
public final class ItaMaxKernel {

    /** Argument block: six words in this order (strides in bytes). */
    public record Args(int in, int inStride, int out, int outStride, int rows, int cols) {

        public Args {
            if (cols <= 0 || cols % ItaMax.GROUP != 0) {
                throw new IllegalArgumentException("cols must be a positive multiple of 16: " + cols);
            }
            if (((in | inStride | out | outStride) & 3) != 0 || inStride < cols || outStride < cols || rows < 0) {
                throw new IllegalArgumentException("in, out and strides (>= cols) must be word aligned: " + this);
            }
        }

        public int[] encode() {
            return new int[] {in, inStride, out, outStride, rows, cols};
        }
    }

    private static final int W_IN = 0, W_INSTRIDE = 4, W_OUT = 8, W_OUTSTRIDE = 12, W_ROWS = 16, W_COLS = 20;

    /** 256 in both half-words, 1 in both half-words, and -128 in all four bytes. */
    private static final int HALF_256 = 0x01000100, HALF_ONES = 0x00010001, BYTES_MIN = 0x80808080;
    /** Counts of 9 or more give 256 >> k = 0, and 9 still fits the 4-bit half-word shift. */
    private static final int TERM_ZERO_SHIFT = 9;

    private static final int ROWS = A1, POUT = A2, PIN = A3, M4 = T0, C256 = T1, ONES = T2, DEN = T3, X = T4,
            Y = T5, N = T6;
    private static final int[] WORD = {A4, A5, A6, A7};

    private ItaMaxKernel() {
    }

    /** Emits the routine once into {@code b}; returns its entry. */
    public static Label emit(ProgramBuilder b) {
        Label entry = b.newLabel(), done = b.newLabel(), row = b.newLabel(), groupEnd = b.newLabel(),
                normEnd = b.newLabel();
        b.bind(entry);
        b.lw(T0, W_ROWS, A0);
        RowSplit.emit(b, T0, A1, A2, T2, T3);
        b.beqz(T3, done);
        b.lw(N, W_COLS, A0);
        b.srli(N, N, 4);
        b.beqz(N, done);                                     // a zero count would still run the body once
        b.mv(ROWS, T3);
        b.lw(PIN, W_IN, A0);
        b.lw(X, W_INSTRIDE, A0);
        b.mul(X, X, T2);
        b.add(PIN, PIN, X);
        b.lw(POUT, W_OUT, A0);
        b.lw(X, W_OUTSTRIDE, A0);
        b.mul(X, X, T2);
        b.add(POUT, POUT, X);
        b.li(C256, HALF_256);
        b.li(ONES, HALF_ONES);

        // ---- pass 1: running max and denominator, one 16-column group per hardware-loop step
        b.bind(row);
        b.li(M4, BYTES_MIN);
        b.li(DEN, 0);
        b.lw(N, W_COLS, A0);
        b.srli(N, N, 4);
        b.lpSetup(0, N, groupEnd);
        for (int w : WORD) {
            b.pLwPostInc(w, 4, PIN);
        }
        b.emit(Op.PV_MAX_B, X, A4, A5, 0, 0);
        b.emit(Op.PV_MAX_B, Y, A6, A7, 0, 0);
        b.emit(Op.PV_MAX_B, X, X, Y, 0, 0);
        b.srli(Y, X, 16);
        b.emit(Op.PV_MAX_B, X, X, Y, 0, 0);
        b.srli(Y, X, 8);
        b.emit(Op.PV_MAX_B, X, X, Y, 0, 0);                  // byte 0: group max c
        b.emit(Op.PV_MAX_B, X, X, M4, 0, 0);                 // byte 0: new m = max(m, c)
        b.sub(Y, X, M4);                                     // byte 0: s = new m - old m, 0..255
        b.andi(Y, Y, 0xFF);
        b.emit(Op.P_CLIPU, Y, Y, 0, 6, 0);                  // min(s, 31): sh(D, s >= 32) = 0
        b.srl(DEN, DEN, Y);
        b.emit(Op.PV_MAX_SC_B, M4, M4, X, 0, 0);             // new m in every byte
        for (int i = 0; i < WORD.length; i++) {
            b.emit(Op.PV_SUB_B, X, M4, WORD[i], 0, 0);       // k = m - v per byte
            b.emit(Op.PV_MINU_SCI_B, X, X, 0, TERM_ZERO_SHIFT, 0);
            b.emit(Op.PV_SRL_H, Y, C256, X, 0, 0);           // 256 >> k0, 256 >> k2
            b.emit(Op.PV_SDOTUP_H, DEN, Y, ONES, 0, 0);
            b.srli(X, X, 8);
            b.emit(Op.PV_SRL_H, Y, C256, X, 0, 0);           // 256 >> k1, 256 >> k3
            if (i == WORD.length - 1) {
                b.bind(groupEnd);
            }
            b.emit(Op.PV_SDOTUP_H, DEN, Y, ONES, 0, 0);
        }

        // ---- pass 2: inv = 65280 / D (D >= 256, so inv <= 255), then y = inv >> k, four per word
        b.li(X, ItaMax.NUMERATOR);
        b.divu(X, X, DEN);
        b.li(Y, 0x01010101);
        b.mul(X, X, Y);                                      // inv in every byte
        b.lw(Y, W_COLS, A0);
        b.sub(PIN, PIN, Y);                                  // back to the row start
        b.srli(N, Y, 2);
        b.lpSetup(0, N, normEnd);
        b.pLwPostInc(A4, 4, PIN);
        b.emit(Op.PV_SUB_B, A5, M4, A4, 0, 0);               // k = m - x per byte
        b.emit(Op.PV_SRL_B, A6, X, A5, 0, 0);                // inv >> (k & 7)
        b.emit(Op.PV_CMPLEU_SCI_B, A7, A5, 0, 7, 0);         // k >= 8 gives 0 (inv <= 255)
        b.and(A6, A6, A7);
        b.bind(normEnd);
        b.pSwPostInc(A6, 4, POUT);
        b.lw(N, W_INSTRIDE, A0);                             // next row: pointers are at column cols
        b.sub(PIN, PIN, Y);
        b.add(PIN, PIN, N);
        b.lw(N, W_OUTSTRIDE, A0);
        b.sub(POUT, POUT, Y);
        b.add(POUT, POUT, N);
        b.addi(ROWS, ROWS, -1);
        b.bnez(ROWS, row);
        b.bind(done);
        b.ret();
        return entry;
    }
}
