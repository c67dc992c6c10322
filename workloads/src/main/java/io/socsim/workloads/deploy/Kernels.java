package io.socsim.workloads.deploy;

import io.socsim.isa.asm.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The generated kernels. Each takes its operands' addresses from the argument block (one word per
 * operand, inputs first, the output last); shapes, strides, element types and constants are
 * compiled in. Index spaces are first simplified (unit dimensions dropped, dimensions merged
 * where every operand walks them contiguously), then the outermost dimension is split over the
 * cores.
 */
final class Kernels {

    private Kernels() {
    }

    /** An operand walked over an index space: byte strides per dimension and element type. */
    record Operand(long[] strides, Elem elem) {
        String key() {
            return Arrays.toString(strides) + elem;
        }
    }

    /** The element function of a map kernel: constants loaded once, then per element. */
    interface MapOp {
        /** Loads constants into registers before the loops. */
        default void setup(Emitter e) {
        }

        /** Computes the result of the inputs in {@code v} into a register and returns it. */
        int apply(Emitter e, int[] v);

        /** Whether {@link #apply} is straight-line code (may run in a hardware loop). */
        default boolean straight() {
            return true;
        }
    }

    /** Index-space simplification shared by every operand: drop unit dimensions, merge contiguous neighbours. */
    static long[][] simplify(long[] dims, List<long[]> strides) {
        List<Long> d = new ArrayList<>();
        List<List<Long>> s = new ArrayList<>();
        for (int k = 0; k < strides.size(); k++) {
            s.add(new ArrayList<>());
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == 1) {
                continue;
            }
            if (!d.isEmpty()) {
                boolean merge = true;
                for (int k = 0; k < strides.size(); k++) {
                    List<Long> sk = s.get(k);
                    if (sk.get(sk.size() - 1) != dims[i] * strides.get(k)[i]) {
                        merge = false;
                    }
                }
                if (merge) {
                    d.set(d.size() - 1, d.get(d.size() - 1) * dims[i]);
                    for (int k = 0; k < strides.size(); k++) {
                        List<Long> sk = s.get(k);
                        sk.set(sk.size() - 1, strides.get(k)[i]);
                    }
                    continue;
                }
            }
            d.add(dims[i]);
            for (int k = 0; k < strides.size(); k++) {
                s.get(k).add(strides.get(k)[i]);
            }
        }
        if (d.isEmpty()) {
            d.add(1L);
            for (List<Long> sk : s) {
                sk.add(0L);
            }
        }
        long[][] r = new long[1 + strides.size()][];
        r[0] = d.stream().mapToLong(Long::longValue).toArray();
        for (int k = 0; k < strides.size(); k++) {
            r[1 + k] = s.get(k).stream().mapToLong(Long::longValue).toArray();
        }
        return r;
    }

    /** {@code out[i] = op(in_0[i], ..., in_k[i])} over {@code dims}. */
    static Label map(Emitter e, long[] dims, List<Operand> ins, Operand out, MapOp op) {
        List<long[]> all = new ArrayList<>();
        ins.forEach(o -> all.add(o.strides()));
        all.add(out.strides());
        long[][] s = simplify(dims, all);
        var b = e.b;
        Label entry = b.newLabel(), exit = b.newLabel();
        b.text();
        b.bind(entry);
        int[] ptr = e.regs(ins.size() + 1);
        for (int i = 0; i < ptr.length; i++) {
            b.lw(ptr[i], 4 * i, Emitter.A0);
        }
        op.setup(e);
        List<Emitter.Ptr> ptrs = new ArrayList<>();
        for (int i = 0; i < ptr.length; i++) {
            ptrs.add(new Emitter.Ptr(ptr[i], s[1 + i]));
        }
        e.nest(s[0], ptrs, true, op.straight(), exit, () -> {
            int m = e.mark();
            int[] v = new int[ins.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = e.reg();
                e.load(v[i], 0, ptr[i], ins.get(i).elem());
            }
            int r = op.apply(e, v);
            e.store(r, 0, ptr[ptr.length - 1], out.elem());
            e.release(m);
        });
        b.bind(exit);
        b.ret();
        return entry;
    }

    /** How a reduction combines an element (or a product of two) into the accumulator. */
    enum Combine {
        MAC, SUM, MAX,
        /** Four int8 products per instruction over a reduction contiguous in both operands (a signed/unsigned, b signed/unsigned). */
        SDOT_SS, SDOT_US, SDOT_SU, SDOT_UU;

        boolean simd() {
            return ordinal() >= SDOT_SS.ordinal();
        }
    }

    /** What happens to the accumulator before it is stored. */
    interface Finish {
        void apply(Emitter e, int acc);
    }

    /**
     * A reduction per output element: {@code acc = init; for r in red: acc (+)= a[r] (* b[r])};
     * then {@code acc = alpha acc + beta c}, {@code finish}, store. Operands: a (and b) with
     * strides over the output space and over the reduction space, c (optional) over the output
     * space.
     */
    static Label reduce(Emitter e, long[] outDims, long[] redDims, Operand aOut, Operand aRed, Operand bOut, Operand bRed,
            Operand c, long alpha, long beta, Combine combine, long init, Finish finish, Operand out) {
        List<long[]> outer = new ArrayList<>();
        outer.add(aOut.strides());
        if (bOut != null) {
            outer.add(bOut.strides());
        }
        if (c != null) {
            outer.add(c.strides());
        }
        outer.add(out.strides());
        long[][] so = simplify(outDims, outer);
        List<long[]> inner = new ArrayList<>();
        inner.add(aRed.strides());
        if (bRed != null) {
            inner.add(bRed.strides());
        }
        long[][] si = simplify(redDims, inner);
        var b = e.b;
        Label entry = b.newLabel(), exit = b.newLabel();
        b.text();
        b.bind(entry);
        int pa = e.reg(), pb = bOut == null ? 0 : e.reg(), pc = c == null ? 0 : e.reg(), po = e.reg();
        int w = 0;
        b.lw(pa, 4 * w++, Emitter.A0);
        if (bOut != null) {
            b.lw(pb, 4 * w++, Emitter.A0);
        }
        if (c != null) {
            b.lw(pc, 4 * w++, Emitter.A0);
        }
        b.lw(po, 4 * w, Emitter.A0);
        List<Emitter.Ptr> ptrs = new ArrayList<>();
        int k = 1;
        ptrs.add(new Emitter.Ptr(pa, so[k++]));
        if (bOut != null) {
            ptrs.add(new Emitter.Ptr(pb, so[k++]));
        }
        if (c != null) {
            ptrs.add(new Emitter.Ptr(pc, so[k++]));
        }
        ptrs.add(new Emitter.Ptr(po, so[k]));
        e.nest(so[0], ptrs, true, false, exit, () -> {
            int m = e.mark();
            int acc = e.reg(), wa = e.reg(), wb = bOut == null ? 0 : e.reg(), va = e.reg(), vb = bOut == null ? 0 : e.reg();
            b.li(acc, (int) init);
            b.mv(wa, pa);
            if (bOut != null) {
                b.mv(wb, pb);
            }
            List<Emitter.Ptr> ip = new ArrayList<>();
            ip.add(new Emitter.Ptr(wa, si[1]));
            if (bOut != null) {
                ip.add(new Emitter.Ptr(wb, si[2]));
            }
            if (combine.simd()) {
                simdDot(e, combine, redDims[0], acc, wa, wb, va, vb, aRed.elem(), bRed.elem());
            } else e.nest(si[0], ip, false, true, null, () -> {
                e.load(va, 0, wa, aRed.elem());
                if (bOut != null) {
                    e.load(vb, 0, wb, bRed.elem());
                }
                switch (combine) {
                    case MAC -> b.pMac(acc, va, vb);
                    case SUM -> b.add(acc, acc, va);
                    default -> b.pMax(acc, acc, va);
                }
            });
            int t = e.reg();
            if (alpha != 1) {
                e.mulImm(acc, acc, alpha, t);
            }
            if (c != null && beta != 0) {
                e.load(t, 0, pc, c.elem());
                if (beta != 1) {
                    int t2 = e.reg();
                    e.mulImm(t, t, beta, t2);
                }
                b.add(acc, acc, t);
            }
            if (finish != null) {
                finish.apply(e, acc);
            }
            e.store(acc, 0, po, out.elem());
            e.release(m);
        });
        b.bind(exit);
        b.ret();
        return entry;
    }

    /** {@code acc += sum a[r] b[r]} over {@code k} contiguous bytes: words through pv.sdot*.b in a hardware loop, then the tail. */
    private static void simdDot(Emitter e, Combine combine, long k, int acc, int wa, int wb, int va, int vb, Elem ea, Elem eb) {
        var b = e.b;
        long words = k / 4;
        if (words > 0) {
            int m = e.mark();
            int cnt = e.reg();
            b.li(cnt, (int) words);
            Label end = b.newLabel();
            b.lpSetup(0, cnt, end);
            b.pLwPostInc(va, 4, wa);
            b.pLwPostInc(vb, 4, wb);
            b.bind(end);
            switch (combine) {
                case SDOT_SS -> b.pvSdotspB(acc, va, vb);
                case SDOT_US -> b.pvSdotuspB(acc, va, vb);
                case SDOT_SU -> b.pvSdotuspB(acc, vb, va);
                default -> b.pvSdotupB(acc, va, vb);
            }
            e.release(m);
        }
        for (long r = 0; r < k % 4; r++) {
            e.loadPost(va, 1, wa, ea);
            e.loadPost(vb, 1, wb, eb);
            b.pMac(acc, va, vb);
        }
    }
}
