package io.socsim.workloads.deploy;

import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernels that work along the last axis, a row at a time, in several passes over the row (the
 * flow's integer softmaxes and norms). The rows are split over the cores; every pass is a
 * hardware loop over the row's elements.
 */
final class RowKernels {

    private RowKernels() {
    }

    /** An operand of a row kernel: byte stride from row to row and from element to element. */
    record RowOperand(long rowStride, long elemStride, Elem elem) {
    }

    /** Emits the passes of one row; {@code p} holds each operand's row start (inputs, then the output). */
    interface RowBody {
        void emit(Emitter e, int[] p);
    }

    static Label rows(Emitter e, long rows, List<RowOperand> ops, RowBody body) {
        ProgramBuilder b = e.b;
        Label entry = b.newLabel(), exit = b.newLabel();
        b.text();
        b.bind(entry);
        int[] p = e.regs(ops.size());
        List<Emitter.Ptr> ptrs = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            b.lw(p[i], 4 * i, Emitter.A0);
            ptrs.add(new Emitter.Ptr(p[i], new long[] {ops.get(i).rowStride()}));
        }
        e.nest(new long[] {rows}, ptrs, true, false, exit, () -> body.emit(e, p));
        b.bind(exit);
        b.ret();
        return entry;
    }

    /** One pass over {@code len} elements: working copies of the listed pointers advance by their element strides. */
    static void pass(Emitter e, long len, int[] rowPtr, List<RowOperand> ops, int[] which, PassBody perElement) {
        int m = e.mark();
        int[] w = new int[which.length];
        List<Emitter.Ptr> ptrs = new ArrayList<>();
        for (int i = 0; i < which.length; i++) {
            w[i] = e.reg();
            e.b.mv(w[i], rowPtr[which[i]]);
            ptrs.add(new Emitter.Ptr(w[i], new long[] {ops.get(which[i]).elemStride()}));
        }
        e.nest(new long[] {len}, ptrs, false, true, null, () -> perElement.emit(w));
        e.release(m);
    }

    interface PassBody {
        void emit(int[] w);
    }

    /** {@code r = floor(sqrt(n))} for unsigned {@code n}; n is clobbered. */
    static void isqrt(Emitter e, int n, int r) {
        ProgramBuilder b = e.b;
        int m = e.mark();
        int bit = e.reg(), t = e.reg();
        Label shrink = b.newLabel(), loop = b.newLabel(), smaller = b.newLabel(), next = b.newLabel(), done = b.newLabel();
        b.li(r, 0);
        b.li(bit, 1 << 30);
        b.bind(shrink);
        b.bgeu(n, bit, loop);
        b.srli(bit, bit, 2);
        b.bnez(bit, shrink);
        b.bind(loop);
        b.beqz(bit, done);
        b.add(t, r, bit);
        b.bltu(n, t, smaller);
        b.sub(n, n, t);
        b.srli(r, r, 1);
        b.add(r, r, bit);
        b.j(next);
        b.bind(smaller);
        b.srli(r, r, 1);
        b.bind(next);
        b.srli(bit, bit, 2);
        b.j(loop);
        b.bind(done);
        e.release(m);
    }
}
