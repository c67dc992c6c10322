package io.socsim.workloads.deploy;

import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.workloads.deploy.Kernels.Operand;
import io.socsim.workloads.deploy.RowKernels.RowOperand;
import io.socsim.workloads.onnx.OnnxAttribute;
import io.socsim.workloads.onnx.OnnxNode;
import io.socsim.workloads.onnx.OnnxTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lowers one node onto generated kernels (see {@link Kernels}, {@link RowKernels}); returns where it ran. */
final class Lower {

    private final OnnxCompiler c;
    private final OnnxNode n;
    private final String label;

    private Lower(OnnxCompiler c, OnnxNode n, String label) {
        this.c = c;
        this.n = n;
        this.label = label;
    }

    static String node(OnnxCompiler c, OnnxNode n, String label) {
        return new Lower(c, n, label).lower();
    }

    private DeployException fail(String reason) {
        return DeployException.at(label, n.opType(), reason);
    }

    private String in(int i) {
        return n.inputs().get(i);
    }

    private boolean has(int i) {
        return i < n.inputs().size() && !n.inputs().get(i).isEmpty();
    }

    private String out() {
        return n.outputs().get(0);
    }

    private String lower() {
        switch (n.opType()) {
            case "Add" -> binary("add", (e, v) -> {
                e.b.add(v[0], v[0], v[1]);
                return v[0];
            });
            case "Sub" -> binary("sub", (e, v) -> {
                e.b.sub(v[0], v[0], v[1]);
                return v[0];
            });
            case "Mul" -> binary("mul", (e, v) -> {
                e.b.mul(v[0], v[0], v[1]);
                return v[0];
            });
            case "IntegerDiv" -> integerDiv();
            case "RequantShift" -> requantShift();
            case "iGELU" -> iGelu();
            case "iHardswish" -> iHardswish();
            case "TrueIntegerDiv" -> trueIntegerDiv();
            case "iNoNorm" -> iNoNorm();
            case "MatMul" -> matMul(false, false, 1, 0, null);
            case "Gemm" -> matMul(intAttr("transA", 0) != 0, intAttr("transB", 0) != 0, intAttr("alpha", 1), intAttr("beta", 1),
                    has(2) ? in(2) : null);
            case "Conv", "MaxPool" -> window();
            case "Pad" -> pad();
            case "Transpose" -> transpose();
            case "Slice" -> slice();
            case "Gather" -> gather();
            case "Concat" -> concat();
            case "ReduceSum", "ReduceMean", "IntegerMean" -> reduce();
            case "iSoftmax" -> iSoftmax();
            case "ITAMax" -> itaMax();
            case "ITAPartialMax" -> itaPartialMax();
            case "iLayerNorm" -> layerNorm(false);
            case "iRMSNorm" -> layerNorm(true);
            case "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity" -> copy(c.shape(out()), in(0), contiguous(c.shape(out()), c.elem(in(0)).bytes()), 0);
            default -> throw fail("no kernel for this operator");
        }
        return "cores";
    }

    // ------------------------------------------------------------------ attributes and strides

    private long intAttr(String name, long fallback) {
        OnnxAttribute a = n.attribute(name).orElse(null);
        if (a == null) {
            return fallback;
        }
        double v = switch (a.kind()) {
            case INT -> (Long) a.value();
            case FLOAT -> (Double) a.value();
            case TENSOR -> ((OnnxTensor) a.value()).real(0);
            default -> throw fail("attribute '" + name + "' is " + a.kind() + ", expected a number");
        };
        if (v != Math.rint(v)) {
            throw fail("attribute '" + name + "' = " + v + " is not an integer");
        }
        return (long) v;
    }

    private long intAttr(String name) {
        if (n.attribute(name).isEmpty()) {
            throw fail("attribute '" + name + "' is missing");
        }
        return intAttr(name, 0);
    }

    private long[] intsAttr(String name, long[] fallback) {
        OnnxAttribute a = n.attribute(name).orElse(null);
        if (a == null) {
            return fallback;
        }
        return switch (a.kind()) {
            case INTS -> ((long[]) a.value()).clone();
            case INT -> new long[] {(Long) a.value()};
            default -> throw fail("attribute '" + name + "' is " + a.kind() + ", expected integers");
        };
    }

    static long[] contiguous(long[] shape, int bytes) {
        long[] s = new long[shape.length];
        long acc = bytes;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Strides of {@code shape} broadcast (right-aligned) to {@code to}. */
    static long[] broadcast(long[] shape, long[] to, int bytes) {
        long[] own = contiguous(shape, bytes);
        long[] s = new long[to.length];
        for (int i = 0; i < to.length; i++) {
            int j = i - (to.length - shape.length);
            s[i] = j < 0 || shape[j] == 1 ? 0 : own[j];
        }
        return s;
    }

    private Operand operandOut() {
        Elem e = c.elem(out());
        return new Operand(contiguous(c.shape(out()), e.bytes()), e);
    }

    private Operand bcastOperand(String name, long[] to) {
        Elem e = c.elem(name);
        return new Operand(broadcast(c.shape(name), to, e.bytes()), e);
    }

    private String dims(long[] d) {
        return Arrays.toString(d);
    }

    // ------------------------------------------------------------------ element-wise

    private void map(String opKey, List<String> inputs, List<Operand> ops, Kernels.MapOp op) {
        long[] dims = c.shape(out());
        Operand o = operandOut();
        StringBuilder key = new StringBuilder("map:" + opKey + dims(dims));
        ops.forEach(x -> key.append(x.key()));
        key.append(o.key());
        Label k = c.kernel(key.toString(), () -> Kernels.map(c.emitter(), dims, ops, o, op));
        long[] args = new long[inputs.size() + 1];
        for (int i = 0; i < inputs.size(); i++) {
            args[i] = c.address(c.val(inputs.get(i)));
        }
        args[inputs.size()] = c.address(c.val(out()));
        c.call(k, args);
    }

    private void binary(String name, Kernels.MapOp op) {
        long[] to = c.shape(out());
        map(name, List.of(in(0), in(1)), List.of(bcastOperand(in(0), to), bcastOperand(in(1), to)), op);
    }

    private void integerDiv() {
        long delta = intAttr("Delta"), eps = intAttr("eps"), eta = intAttr("eta");
        long[] to = c.shape(out());
        map("idiv" + delta + "," + eps + "," + eta, List.of(in(0), in(1)), List.of(bcastOperand(in(0), to), bcastOperand(in(1), to)),
                new Kernels.MapOp() {
                    @Override
                    public int apply(Emitter e, int[] v) {
                        ProgramBuilder b = e.b;
                        int t = e.reg(), q = e.reg(), r = e.reg(), s = e.reg();
                        Label pos = b.newLabel(), up = b.newLabel();
                        e.mulImm(v[1], v[1], eta, t);
                        e.addImm(v[1], v[1], eps, t);   // den
                        e.mulImm(v[0], v[0], delta * eta, t); // num
                        b.bge(v[1], 0, pos);
                        b.sub(v[0], 0, v[0]);
                        b.sub(v[1], 0, v[1]);
                        b.bind(pos);
                        b.srai(s, v[0], 31);
                        b.xor(t, v[0], s);
                        b.sub(t, t, s);                 // |num|
                        b.divu(q, t, v[1]);
                        b.remu(r, t, v[1]);
                        b.slli(r, r, 1);
                        b.bltu(r, v[1], up);
                        b.addi(q, q, 1);
                        b.bind(up);
                        b.xor(q, q, s);
                        b.sub(q, q, s);
                        return q;
                    }

                    @Override
                    public boolean straight() {
                        return false;
                    }
                });
    }

    /** RequantShift's per-channel parameters: a 1-D tensor of C values applies along axis 1. */
    private long[] perChannelStrides(String p, long[] x) {
        long[] ps = c.shape(p);
        int bytes = c.elem(p).bytes();
        long size = OnnxTensor.elementCount(ps);
        boolean broadcasts = ps.length <= x.length;
        for (int i = 0; broadcasts && i < ps.length; i++) {
            long pd = ps[ps.length - 1 - i], xd = x[x.length - 1 - i];
            broadcasts = pd == 1 || pd == xd;
        }
        if (broadcasts && !(ps.length == 1 && size > 1 && x.length >= 2)) {
            return broadcast(ps, x, bytes);
        }
        if (x.length >= 2 && size == x[1]) {
            long[] s = new long[x.length];
            s[1] = size == 1 ? 0 : bytes;
            return s;
        }
        throw fail("parameter " + Arrays.toString(ps) + " does not apply to " + Arrays.toString(x));
    }

    private void requantShift() {
        long div = intAttr("div");
        long levels = n.attribute("n_levels").isPresent() ? intAttr("n_levels") : intAttr("n_levels_out");
        boolean signed = intAttr("signed") != 0;
        long lo = signed ? -(levels / 2) : 0, hi = signed ? levels / 2 - 1 : levels - 1;
        long[] x = c.shape(in(0));
        List<Operand> ops = List.of(new Operand(contiguous(x, c.elem(in(0)).bytes()), c.elem(in(0))),
                new Operand(perChannelStrides(in(1), x), c.elem(in(1))), new Operand(perChannelStrides(in(2), x), c.elem(in(2))));
        map("rq" + div + "," + lo + "," + hi, List.of(in(0), in(1), in(2)), ops, new Kernels.MapOp() {
            int rLo, rHi, rDiv;

            @Override
            public void setup(Emitter e) {
                rLo = e.constant(lo);
                rHi = e.constant(hi);
                rDiv = Long.bitCount(div) == 1 ? 0 : e.constant(div);
            }

            @Override
            public int apply(Emitter e, int[] v) {
                ProgramBuilder b = e.b;
                int t = e.reg();
                b.mul(v[0], v[0], v[1]);
                b.add(v[0], v[0], v[2]);
                e.addImm(v[0], v[0], div / 2, t);
                if (rDiv == 0) {
                    e.floorDivConst(v[0], v[0], div, t);
                } else {
                    b.mv(t, rDiv);
                    e.floorDivReg(v[1], v[0], t);
                    b.mv(v[0], v[1]);
                }
                b.pMax(v[0], v[0], rLo);
                b.pMin(v[0], v[0], rHi);
                return v[0];
            }
        });
    }

    private void unary(String key, Kernels.MapOp op) {
        long[] x = c.shape(in(0));
        map(key, List.of(in(0)), List.of(new Operand(contiguous(x, c.elem(in(0)).bytes()), c.elem(in(0)))), op);
    }

    private void iGelu() {
        long bb = intAttr("b"), one = intAttr("one");
        unary("gelu" + bb + "," + one, new Kernels.MapOp() {
            int rNegB, rOne;

            @Override
            public void setup(Emitter e) {
                rNegB = e.constant(-bb);
                rOne = e.constant(one);
            }

            @Override
            public int apply(Emitter e, int[] v) {
                ProgramBuilder b = e.b;
                int s = e.reg(), q = e.reg(), t = e.reg();
                b.srai(s, v[0], 31);
                b.xor(q, v[0], s);
                b.sub(q, q, s);            // |x|
                b.pMin(q, q, rNegB);
                e.addImm(q, q, bb, t);
                b.mul(q, q, q);
                b.sub(q, rOne, q);         // one - q^2
                b.slt(t, 0, v[0]);         // x > 0
                b.slt(s, v[0], 0);         // x < 0
                b.sub(t, t, s);            // sign(x)
                b.mul(q, q, t);
                b.add(q, q, rOne);
                b.srai(q, q, 1);
                b.mul(q, q, v[0]);
                return q;
            }
        });
    }

    private void iHardswish() {
        long three = intAttr("three"), six = intAttr("six"), sixth = intAttr("one_over_six");
        unary("hswish" + three + "," + six + "," + sixth, new Kernels.MapOp() {
            int rSix, rSixth;

            @Override
            public void setup(Emitter e) {
                rSix = e.constant(six);
                rSixth = e.constant(sixth);
            }

            @Override
            public int apply(Emitter e, int[] v) {
                ProgramBuilder b = e.b;
                int t = e.reg();
                e.addImm(t, v[0], three, t);
                b.pMax(t, t, 0);
                b.pMin(t, t, rSix);
                b.mul(t, t, rSixth);
                b.mul(t, t, v[0]);
                return t;
            }
        });
    }

    private void trueIntegerDiv() {
        long delta = intAttr("Delta"), eps = intAttr("eps"), eta = intAttr("eta"), y = intAttr("y");
        long den = y * eta + eps;
        if (den == 0) {
            throw fail("y * eta + eps is 0");
        }
        long coeff = Math.floorDiv(delta * eta, den);
        unary("tdiv" + coeff, (e, v) -> {
            int t = e.reg();
            e.mulImm(v[0], v[0], coeff, t);
            return v[0];
        });
    }

    private void iNoNorm() {
        long d = intAttr("D"), mul = intAttr("mul"), levels = intAttr("n_levels");
        long[] x = c.shape(in(0));
        List<Operand> ops = List.of(new Operand(contiguous(x, c.elem(in(0)).bytes()), c.elem(in(0))), bcastOperand(in(1), x), bcastOperand(in(2), x));
        map("nonorm" + d + "," + mul + "," + levels, List.of(in(0), in(1), in(2)), ops, new Kernels.MapOp() {
            int rLo, rHi, rD;

            @Override
            public void setup(Emitter e) {
                rLo = e.constant(-(levels / 2));
                rHi = e.constant(levels / 2 - 1);
                rD = Long.bitCount(d) == 1 ? 0 : e.constant(d);
            }

            @Override
            public int apply(Emitter e, int[] v) {
                ProgramBuilder b = e.b;
                int t = e.reg();
                b.mul(v[0], v[0], v[1]);
                b.add(v[0], v[0], v[2]);
                e.mulImm(v[0], v[0], mul, t);
                if (rD == 0) {
                    e.floorDivConst(v[0], v[0], d, t);
                } else {
                    b.mv(t, rD);
                    e.floorDivReg(v[1], v[0], t);
                    b.mv(v[0], v[1]);
                }
                b.pMax(v[0], v[0], rLo);
                b.pMin(v[0], v[0], rHi);
                return v[0];
            }
        });
    }

    // ------------------------------------------------------------------ data movement

    /** Copies {@code src}, read with {@code srcStrides} over {@code dims} from its address + {@code offset}, to the output. */
    private void copy(long[] dims, String src, long[] srcStrides, long offset) {
        copyTo(dims, src, srcStrides, offset, contiguous(dims, c.elem(out()).bytes()), 0);
    }

    private void copyTo(long[] dims, String src, long[] srcStrides, long srcOffset, long[] dstStrides, long dstOffset) {
        Operand s = new Operand(srcStrides, c.elem(src));
        Operand d = new Operand(dstStrides, c.elem(out()));
        StringBuilder key = new StringBuilder("copy" + dims(dims) + s.key() + d.key());
        Label k = c.kernel(key.toString(), () -> Kernels.map(c.emitter(), dims, List.of(s), d, (e, v) -> v[0]));
        c.call(k, c.address(c.val(src)) + srcOffset, c.address(c.val(out())) + dstOffset);
    }

    private void fill(long[] dims, long value) {
        Operand d = new Operand(contiguous(dims, c.elem(out()).bytes()), c.elem(out()));
        c.call(fillKernel(dims, value, d), c.address(c.val(out())));
    }

    /** The kernel that writes {@code value} into every element of {@code d} (one per value, shape and layout). */
    private Label fillKernel(long[] dims, long value, Operand d) {
        return c.kernel("fill" + value + dims(dims) + d.key(), () -> Kernels.map(c.emitter(), dims, List.of(), d, new Kernels.MapOp() {
            int r;

            @Override
            public void setup(Emitter e) {
                r = e.constant(value);
            }

            @Override
            public int apply(Emitter e, int[] v) {
                return r;
            }
        }));
    }

    private void transpose() {
        long[] x = c.shape(in(0));
        long[] perm = intsAttr("perm", null);
        if (perm == null) {
            perm = new long[x.length];
            for (int i = 0; i < x.length; i++) {
                perm[i] = x.length - 1 - i;
            }
        }
        long[] xs = contiguous(x, c.elem(in(0)).bytes());
        long[] s = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            s[i] = xs[(int) perm[i]];
        }
        copy(c.shape(out()), in(0), s, 0);
    }

    private void slice() {
        long[] x = c.shape(in(0));
        int rank = x.length;
        long[] starts, ends, axes, steps;
        if (n.inputs().size() == 1) {
            starts = intsAttr("starts", null);
            ends = intsAttr("ends", null);
            axes = intsAttr("axes", null);
            steps = null;
        } else {
            starts = c.constantData(in(1), n);
            ends = c.constantData(in(2), n);
            axes = has(3) ? c.constantData(in(3), n) : null;
            steps = has(4) ? c.constantData(in(4), n) : null;
        }
        long[] xs = contiguous(x, c.elem(in(0)).bytes());
        long[] s = xs.clone();
        long offset = 0;
        for (int i = 0; i < starts.length; i++) {
            int a = (int) (axes == null ? i : (axes[i] < 0 ? axes[i] + rank : axes[i]));
            long st = steps == null ? 1 : steps[i];
            long dim = x[a];
            long b0 = starts[i] < 0 ? starts[i] + dim : starts[i];
            b0 = st > 0 ? Math.max(0, Math.min(dim, b0)) : Math.max(-1, Math.min(dim - 1, b0));
            offset += b0 * xs[a];
            s[a] = st * xs[a];
        }
        copy(c.shape(out()), in(0), s, offset);
    }

    private void gather() {
        long[] x = c.shape(in(0));
        long[] idx = c.constantData(in(1), n);
        int axis = (int) intAttr("axis", 0);
        if (axis < 0) {
            axis += x.length;
        }
        long outer = 1, inner = 1;
        for (int d = 0; d < axis; d++) {
            outer *= x[d];
        }
        for (int d = axis + 1; d < x.length; d++) {
            inner *= x[d];
        }
        int eb = c.elem(in(0)).bytes(), ob = c.elem(out()).bytes();
        long[] dims = {outer, inner};
        long[] src = {x[axis] * inner * eb, eb};
        long[] dst = {idx.length * inner * ob, ob};
        for (int j = 0; j < idx.length; j++) {
            long i = idx[j] < 0 ? idx[j] + x[axis] : idx[j];
            copyTo(dims, in(0), src, i * inner * eb, dst, j * inner * ob);
        }
    }

    private void concat() {
        long[] y = c.shape(out());
        int axis = (int) intAttr("axis");
        if (axis < 0) {
            axis += y.length;
        }
        long[] ys = contiguous(y, c.elem(out()).bytes());
        long at = 0;
        for (String input : n.inputs()) {
            long[] x = c.shape(input);
            if (OnnxTensor.elementCount(x) > 0) {
                copyTo(x, input, contiguous(x, c.elem(input).bytes()), 0, ys, at * ys[axis]);
            }
            at += x[axis];
        }
    }

    private void pad() {
        long[] x = c.shape(in(0));
        int rank = x.length;
        long[] pads;
        long value;
        if (n.inputs().size() == 1) {
            pads = intsAttr("pads", null);
            value = intAttr("value", 0);
        } else {
            pads = c.constantData(in(1), n);
            value = has(2) ? c.constantData(in(2), n)[0] : 0;
            if (has(3)) {
                long[] axes = c.constantData(in(3), n);
                long[] full = new long[2 * rank];
                for (int i = 0; i < axes.length; i++) {
                    int a = (int) (axes[i] < 0 ? axes[i] + rank : axes[i]);
                    full[a] = pads[i];
                    full[a + rank] = pads[i + axes.length];
                }
                pads = full;
            }
        }
        String mode = n.attribute("mode").map(a -> (String) a.value()).orElse("constant");
        if (!mode.equals("constant")) {
            throw fail("pad mode '" + mode + "' has no kernel (only constant)");
        }
        long[] y = c.shape(out());
        fill(y, value);
        long[] ys = contiguous(y, c.elem(out()).bytes());
        long off = 0;
        long[] dims = x.clone();
        long srcOff = 0;
        long[] xs = contiguous(x, c.elem(in(0)).bytes());
        for (int d = 0; d < rank; d++) {
            long begin = pads[d];
            if (begin < 0) { // a negative pad crops
                srcOff += -begin * xs[d];
                dims[d] += begin;
                begin = 0;
            }
            if (pads[d + rank] < 0) {
                dims[d] += pads[d + rank];
            }
            off += begin * ys[d];
        }
        if (OnnxTensor.elementCount(dims) > 0) {
            copyTo(dims, in(0), xs, srcOff, ys, off);
        }
    }

    // ------------------------------------------------------------------ contractions

    private void matMul(boolean transA, boolean transB, long alpha, long beta, String bias) {
        long[] as = c.shape(in(0)), bs = c.shape(in(1));
        int ea = c.elem(in(0)).bytes(), eb = c.elem(in(1)).bytes();
        long[] aStr = contiguous(as, ea), bStr = contiguous(bs, eb);
        OnnxCompiler.Val bt = c.transposedWeights(n);
        if (bt != null) { // stored [.., P, K]: walk it as the [.., K, P] it transposes
            long[] ts = contiguous(c.shape(bt), eb);
            bStr = ts.clone();
            bStr[bs.length - 2] = ts[bs.length - 1];
            bStr[bs.length - 1] = ts[bs.length - 2];
        }
        if (as.length == 1) {
            as = new long[] {1, as[0]};
            aStr = new long[] {0, ea};
        }
        if (bs.length == 1) {
            bs = new long[] {bs[0], 1};
            bStr = new long[] {eb, 0};
        }
        if (transA) {
            as = new long[] {as[1], as[0]};
            aStr = new long[] {aStr[1], aStr[0]};
        }
        if (transB) {
            bs = new long[] {bs[1], bs[0]};
            bStr = new long[] {bStr[1], bStr[0]};
        }
        long m = as[as.length - 2], k = as[as.length - 1], p = bs[bs.length - 1];
        int batch = Math.max(as.length, bs.length) - 2;
        long[] outDims = new long[batch + 2];
        long[] aOut = new long[batch + 2], bOut = new long[batch + 2];
        for (int i = 0; i < batch; i++) {
            int ia = i - (batch - (as.length - 2)), ib = i - (batch - (bs.length - 2));
            long da = ia < 0 ? 1 : as[ia], db = ib < 0 ? 1 : bs[ib];
            outDims[i] = Math.max(da, db);
            aOut[i] = ia < 0 || da == 1 ? 0 : aStr[ia];
            bOut[i] = ib < 0 || db == 1 ? 0 : bStr[ib];
        }
        outDims[batch] = m;
        outDims[batch + 1] = p;
        aOut[batch] = aStr[as.length - 2];
        bOut[batch + 1] = bStr[bs.length - 1];
        Operand aRed = new Operand(new long[] {aStr[as.length - 1]}, c.elem(in(0)));
        Operand bRed = new Operand(new long[] {bStr[bs.length - 2]}, c.elem(in(1)));
        Kernels.Combine combine = Kernels.Combine.MAC;
        if (ea == 1 && eb == 1 && aRed.strides()[0] == 1 && bRed.strides()[0] == 1 && k >= 4) {
            boolean sa = c.elem(in(0)).signed(), sb = c.elem(in(1)).signed();
            combine = sa && sb ? Kernels.Combine.SDOT_SS : !sa && sb ? Kernels.Combine.SDOT_US
                    : sa ? Kernels.Combine.SDOT_SU : Kernels.Combine.SDOT_UU;
        }
        Kernels.Combine comb = combine;
        long bAddr = bt != null ? c.address(bt) : c.address(c.val(in(1)));
        Elem oe = c.elem(out());
        Operand o = new Operand(contiguous(outDims, oe.bytes()), oe);
        Operand cOp = null;
        if (bias != null && beta != 0) {
            cOp = new Operand(broadcast(c.shape(bias), outDims, c.elem(bias).bytes()), c.elem(bias));
        }
        Operand aO = new Operand(aOut, c.elem(in(0))), bO = new Operand(bOut, c.elem(in(1)));
        long[] red = {k};
        Operand cc = cOp;
        String key = "mm" + comb + dims(outDims) + dims(red) + aO.key() + aRed.key() + bO.key() + bRed.key() + (cc == null ? "-" : cc.key()) + alpha + "," + beta + o.key();
        Label kern = c.kernel(key, () -> Kernels.reduce(c.emitter(), outDims, red, aO, aRed, bO, bRed, cc, alpha, beta, comb, 0, null, o));
        c.addMacs(OnnxTensor.elementCount(outDims) * k);
        if (cc == null) {
            c.call(kern, c.address(c.val(in(0))), bAddr, c.address(c.val(out())));
        } else {
            c.call(kern, c.address(c.val(in(0))), bAddr, c.address(c.val(bias)), c.address(c.val(out())));
        }
    }

    private void window() {
        boolean conv = n.opType().equals("Conv");
        Windows w = Windows.of(c, n);
        long[] x = c.shape(in(0));
        int k = x.length - 2;
        Elem xe = c.elem(in(0));
        long src = c.address(c.val(in(0)));
        long[] plane = x.clone();
        if (w.needsPad()) {
            long[] padded = new long[k + 2];
            padded[0] = x[0];
            padded[1] = x[1];
            System.arraycopy(w.padded(), 0, padded, 2, k);
            long fillValue = conv ? 0 : xe.min();
            long tmp = c.tempAddress(n);
            Operand d = new Operand(contiguous(padded, xe.bytes()), xe);
            c.call(fillKernel(padded, fillValue, d), tmp);
            long[] ps = contiguous(padded, xe.bytes());
            long off = 0;
            for (int d2 = 0; d2 < k; d2++) {
                off += w.begin()[d2] * ps[d2 + 2];
            }
            Operand s = new Operand(contiguous(x, xe.bytes()), xe);
            Operand t = new Operand(ps, xe);
            Label cp = c.kernel("copy" + dims(x) + s.key() + t.key(), () -> Kernels.map(c.emitter(), x, List.of(s), t, (e, v) -> v[0]));
            c.call(cp, src, tmp + off);
            src = tmp;
            plane = padded;
        }
        long[] xs = contiguous(plane, xe.bytes());
        long[] y = c.shape(out());
        Elem oe = c.elem(out());
        long group = conv ? intAttr("group", 1) : x[1];
        long cg = x[1] / group, mg = y[1] / group;
        if (!conv) {
            cg = 1;
            mg = 1;
        }
        // output space [N, G, Mg, spatial...]; reduction [Cg, kernel...]
        long[] outDims = new long[k + 3];
        long[] xOut = new long[k + 3], oStr = new long[k + 3];
        long[] ys = contiguous(y, oe.bytes());
        outDims[0] = y[0];
        outDims[1] = group;
        outDims[2] = mg;
        xOut[0] = xs[0];
        xOut[1] = cg * xs[1];
        xOut[2] = 0;
        oStr[0] = ys[0];
        oStr[1] = mg * ys[1];
        oStr[2] = ys[1];
        for (int d = 0; d < k; d++) {
            outDims[3 + d] = y[2 + d];
            xOut[3 + d] = w.strides()[d] * xs[2 + d];
            oStr[3 + d] = ys[2 + d];
        }
        long[] red = new long[k + 1];
        long[] xRed = new long[k + 1];
        red[0] = cg;
        xRed[0] = xs[1];
        for (int d = 0; d < k; d++) {
            red[1 + d] = w.kernel()[d];
            xRed[1 + d] = w.dilations()[d] * xs[2 + d];
        }
        Operand aO = new Operand(xOut, xe), aRed = new Operand(xRed, xe), o = new Operand(oStr, oe);
        if (!conv) {
            String key = "pool" + dims(outDims) + dims(red) + aO.key() + aRed.key() + o.key();
            long init = xe.min();
            Label kern = c.kernel(key, () -> Kernels.reduce(c.emitter(), outDims, red, aO, aRed, null, null, null, 1, 0, Kernels.Combine.MAX, init, null, o));
            c.call(kern, src, c.address(c.val(out())));
            return;
        }
        Elem we = c.elem(in(1));
        long[] wsh = c.shape(in(1));
        long[] wStr = contiguous(wsh, we.bytes());
        long[] wOut = new long[k + 3];
        wOut[1] = mg * wStr[0];
        wOut[2] = wStr[0];
        long[] wRed = new long[k + 1];
        for (int d = 0; d <= k; d++) {
            wRed[d] = wStr[1 + d];
        }
        Operand bO = new Operand(wOut, we), bRed = new Operand(wRed, we);
        Operand cOp = null;
        if (has(2)) {
            Elem be = c.elem(in(2));
            long[] bStr = new long[k + 3];
            bStr[1] = mg * be.bytes();
            bStr[2] = be.bytes();
            cOp = new Operand(bStr, be);
        }
        Operand cc = cOp;
        String key = "conv" + dims(outDims) + dims(red) + aO.key() + aRed.key() + bO.key() + bRed.key() + (cc == null ? "-" : cc.key()) + o.key();
        Label kern = c.kernel(key, () -> Kernels.reduce(c.emitter(), outDims, red, aO, aRed, bO, bRed, cc, 1, 1, Kernels.Combine.MAC, 0, null, o));
        c.addMacs(OnnxTensor.elementCount(y) * OnnxTensor.elementCount(red));
        if (cc == null) {
            c.call(kern, src, c.address(c.val(in(1))), c.address(c.val(out())));
        } else {
            c.call(kern, src, c.address(c.val(in(1))), c.address(c.val(in(2))), c.address(c.val(out())));
        }
    }

    private void reduce() {
        long[] x = c.shape(in(0));
        int rank = x.length;
        long[] axes = null;
        if (!n.opType().equals("IntegerMean") && has(1)) {
            axes = c.constantData(in(1), n);
        } else {
            axes = intsAttr("axes", null);
        }
        boolean[] reduced = new boolean[rank];
        if (axes == null || axes.length == 0) {
            Arrays.fill(reduced, true);
        } else {
            for (long a : axes) {
                reduced[(int) (a < 0 ? a + rank : a)] = true;
            }
        }
        Elem xe = c.elem(in(0));
        long[] xs = contiguous(x, xe.bytes());
        List<Long> od = new ArrayList<>(), os = new ArrayList<>(), rd = new ArrayList<>(), rs = new ArrayList<>();
        long count = 1;
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                rd.add(x[d]);
                rs.add(xs[d]);
                count *= x[d];
            } else {
                od.add(x[d]);
                os.add(xs[d]);
            }
        }
        long[] outDims = od.stream().mapToLong(Long::longValue).toArray();
        if (outDims.length == 0) {
            outDims = new long[] {1};
            os.add(0L);
        }
        long[] red = rd.stream().mapToLong(Long::longValue).toArray();
        Elem oe = c.elem(out());
        Operand aO = new Operand(os.stream().mapToLong(Long::longValue).toArray(), xe);
        Operand aRed = new Operand(rs.stream().mapToLong(Long::longValue).toArray(), xe);
        Operand o = new Operand(contiguous(outDims, oe.bytes()), oe);
        String kind = n.opType();
        long cnt = count;
        Kernels.Finish finish = switch (kind) {
            case "ReduceSum" -> null;
            case "IntegerMean" -> (e, acc) -> { // floor((2 sum + count) / (2 count))
                int t = e.reg(), q = e.reg();
                e.b.slli(acc, acc, 1);
                e.addImm(acc, acc, cnt, t);
                e.floorDivConst(q, acc, 2 * cnt, t);
                e.b.mv(acc, q);
            };
            default -> (e, acc) -> {
                int t = e.reg(), q = e.reg();
                if (cnt == 1) {
                    return;
                }
                if (Long.bitCount(cnt) == 1) {
                    e.addImm(acc, acc, cnt / 2, t);
                    e.b.srai(acc, acc, Long.numberOfTrailingZeros(cnt));
                } else {
                    e.b.srai(q, acc, 31);
                    e.b.ori(q, q, 1);              // sign: 1 or -1
                    e.mulImm(q, q, cnt >> 1, t);
                    e.b.add(acc, acc, q);
                    e.b.li(t, (int) cnt);
                    e.b.div(acc, acc, t);
                }
            };
        };
        long[] od2 = outDims;
        String key = kind + cnt + dims(outDims) + dims(red) + aO.key() + aRed.key() + o.key();
        Label kern = c.kernel(key, () -> Kernels.reduce(c.emitter(), od2, red.length == 0 ? new long[] {1} : red, aO,
                red.length == 0 ? new Operand(new long[] {0}, xe) : aRed, null, null, null, 1, 0, Kernels.Combine.SUM, 0, finish, o));
        c.call(kern, c.address(c.val(in(0))), c.address(c.val(out())));
    }

    // ------------------------------------------------------------------ row kernels

    private long rowLen() {
        long[] x = c.shape(in(0));
        return x.length == 0 ? 1 : x[x.length - 1];
    }

    private long rowCount() {
        long len = rowLen();
        return len == 0 ? 0 : OnnxTensor.elementCount(c.shape(in(0))) / len;
    }

    private RowOperand rowOp(String name) {
        Elem e = c.elem(name);
        long len = rowLen();
        return new RowOperand(len * e.bytes(), e.bytes(), e);
    }

    /** A per-element parameter broadcast to the input's shape, walked row by row (rows must repeat it or advance it uniformly). */
    private RowOperand rowParam(String name) {
        long[] x = c.shape(in(0));
        Elem e = c.elem(name);
        long[] s = broadcast(c.shape(name), x, e.bytes());
        long elem = s[s.length - 1];
        long[][] simple = Kernels.simplify(Arrays.copyOf(x, x.length - 1), List.of(Arrays.copyOf(s, s.length - 1)));
        long row;
        if (simple[0].length == 1) {
            row = simple[1][0];
        } else {
            throw fail("parameter " + Arrays.toString(c.shape(name)) + " does not repeat per row of " + Arrays.toString(x));
        }
        return new RowOperand(row, elem, e);
    }

    private void rows(String key, List<String> inputs, List<RowOperand> ops, RowKernels.RowBody body) {
        long rows = rowCount();
        StringBuilder k = new StringBuilder(key + ":" + rows + "x" + rowLen());
        ops.forEach(o -> k.append(o));
        Label kern = c.kernel(k.toString(), () -> RowKernels.rows(c.emitter(), rows, ops, body));
        long[] args = new long[inputs.size() + 1];
        for (int i = 0; i < inputs.size(); i++) {
            args[i] = c.address(c.val(inputs.get(i)));
        }
        args[inputs.size()] = c.address(c.val(out()));
        c.call(kern, args);
    }

    private void iSoftmax() {
        long a = intAttr("coeffA"), bq = intAttr("coeffB"), cc = intAttr("coeffC"), log2 = intAttr("log2"), levels = intAttr("n_levels");
        long len = rowLen();
        List<RowOperand> ops = List.of(rowOp(in(0)), rowOp(out()));
        rows("isoftmax" + a + "," + bq + "," + cc + "," + log2 + "," + levels, List.of(in(0)), ops, (e, p) -> {
            ProgramBuilder b = e.b;
            int max = e.reg(), sum = e.reg(), rLog = e.constant(log2), rA = e.constant(a), r31 = e.constant(31);
            Elem xe = ops.get(0).elem(), oe = ops.get(1).elem();
            b.li(max, Integer.MIN_VALUE);
            RowKernels.pass(e, len, p, ops, new int[] {0}, w -> {
                int v = e.reg();
                e.load(v, 0, w[0], xe);
                b.pMax(max, max, v);
                e.release(e.mark() - 1);
            });
            Expo expo = (v, z, t) -> { // v = x: becomes e; z, t scratch
                b.sub(v, v, max);            // t = x - max <= 0
                b.sub(z, 0, v);
                b.divu(z, z, rLog);          // z = -t / log2
                b.mul(t, z, rLog);
                b.add(v, v, t);              // p = t + z log2
                e.addImm(v, v, bq, t);
                b.mul(v, v, v);
                b.mul(v, v, rA);
                e.addImm(v, v, cc, t);
                b.pMin(z, z, r31);
                b.sra(v, v, z);
            };
            b.li(sum, 0);
            RowKernels.pass(e, len, p, ops, new int[] {0}, w -> {
                int m = e.mark();
                int v = e.reg(), z = e.reg(), t = e.reg();
                e.load(v, 0, w[0], xe);
                expo.emit(v, z, t);
                b.add(sum, sum, v);
                e.release(m);
            });
            int rLv = e.constant(levels - 1);
            RowKernels.pass(e, len, p, ops, new int[] {0, 1}, w -> {
                int m = e.mark();
                int v = e.reg(), z = e.reg(), t = e.reg();
                e.load(v, 0, w[0], xe);
                expo.emit(v, z, t);
                b.mul(v, v, rLv);
                b.mv(t, sum);
                e.floorDivReg(z, v, t);
                b.pMax(z, z, 0);
                b.pMin(z, z, rLv);
                e.store(z, 0, w[1], oe);
                e.release(m);
            });
        });
    }

    private interface Expo {
        void emit(int v, int z, int t);
    }

    /** {@code s = min(31, (2 d bits + 2^bits) >> (bits + 1))} for {@code d = max - x >= 0}, into d. */
    private static void itaShift(Emitter e, int d, int bits, int r31) {
        e.b.slli(d, d, 1);
        int t = e.reg();
        e.mulImm(d, d, bits, t);
        e.addImm(d, d, 1L << bits, t);
        e.b.srai(d, d, bits + 1);
        e.b.pMin(d, d, r31);
        e.release(e.mark() - 1);
    }

    private static int bitsOf(long levels, DeployException err) {
        if (Long.bitCount(levels) != 1) {
            throw err;
        }
        return Long.numberOfTrailingZeros(levels);
    }

    private void itaMax() {
        long levels = intAttr("n_levels");
        int bits = bitsOf(levels, fail("n_levels = " + levels + " must be a power of two"));
        long len = rowLen();
        List<RowOperand> ops = List.of(rowOp(in(0)), rowOp(out()));
        rows("itamax" + levels, List.of(in(0)), ops, (e, p) -> {
            ProgramBuilder b = e.b;
            int max = e.reg(), den = e.reg(), rL = e.constant(levels), r31 = e.constant(31);
            Elem xe = ops.get(0).elem(), oe = ops.get(1).elem();
            b.li(max, Integer.MIN_VALUE);
            RowKernels.pass(e, len, p, ops, new int[] {0}, w -> {
                int v = e.reg();
                e.load(v, 0, w[0], xe);
                b.pMax(max, max, v);
                e.release(e.mark() - 1);
            });
            b.li(den, 0);
            RowKernels.pass(e, len, p, ops, new int[] {0}, w -> {
                int m = e.mark();
                int v = e.reg();
                e.load(v, 0, w[0], xe);
                b.sub(v, max, v);
                itaShift(e, v, bits, r31);
                b.srl(v, rL, v);
                b.add(den, den, v);
                e.release(m);
            });
            int inv = e.reg();
            b.li(inv, (int) (levels * (levels - 1)));
            b.divu(inv, inv, den);
            RowKernels.pass(e, len, p, ops, new int[] {0, 1}, w -> {
                int m = e.mark();
                int v = e.reg();
                e.load(v, 0, w[0], xe);
                b.sub(v, max, v);
                itaShift(e, v, bits, r31);
                b.srl(v, inv, v);
                e.store(v, 0, w[1], oe);
                e.release(m);
            });
        });
    }

    private void itaPartialMax() {
        long levels = intAttr("n_levels"), width = intAttr("group_width");
        int bits = bitsOf(levels, fail("n_levels = " + levels + " must be a power of two"));
        if (width <= 0) {
            throw fail("group_width = " + width + " must be positive");
        }
        long len = rowLen();
        List<RowOperand> ops = List.of(rowOp(in(0)), rowOp(out()));
        rows("itapmax" + levels + "," + width, List.of(in(0)), ops, (e, p) -> {
            ProgramBuilder b = e.b;
            int max = e.reg(), den = e.reg(), cur = e.reg(), part = e.reg(), grp = e.reg(), rL = e.constant(levels), r31 = e.constant(31);
            Elem xe = ops.get(0).elem(), oe = ops.get(1).elem();
            b.li(max, -128);
            b.li(den, 0);
            b.mv(grp, p[0]);
            int[] gp = {grp};
            List<RowOperand> gops = List.of(ops.get(0));
            for (long g0 = 0; g0 < len; g0 += width) {
                long gl = Math.min(len, g0 + width) - g0;
                b.li(cur, Integer.MIN_VALUE);
                RowKernels.pass(e, gl, gp, gops, new int[] {0}, w -> {
                    int v = e.reg();
                    e.load(v, 0, w[0], xe);
                    b.pMax(cur, cur, v);
                    e.release(e.mark() - 1);
                });
                b.sub(part, cur, max);
                b.pMax(part, part, 0);
                itaShift(e, part, bits, r31);   // rescale (0 when the maximum stays)
                b.srl(den, den, part);
                b.pMax(max, max, cur);
                b.li(part, 0);
                RowKernels.pass(e, gl, gp, gops, new int[] {0}, w -> {
                    int m = e.mark();
                    int v = e.reg();
                    e.load(v, 0, w[0], xe);
                    b.sub(v, max, v);
                    itaShift(e, v, bits, r31);
                    b.srl(v, rL, v);
                    b.add(part, part, v);
                    e.release(m);
                });
                b.add(den, den, part);
                int t = e.reg();
                e.addImm(grp, grp, gl * xe.bytes(), t);
                e.release(e.mark() - 1);
            }
            int inv = cur;
            b.li(inv, (int) ((levels / 2 - 1) * levels));
            b.divu(inv, inv, den);
            RowKernels.pass(e, len, p, ops, new int[] {0, 1}, w -> {
                int m = e.mark();
                int v = e.reg();
                e.load(v, 0, w[0], xe);
                b.sub(v, max, v);
                itaShift(e, v, bits, r31);
                b.srl(v, inv, v);
                e.store(v, 0, w[1], oe);
                e.release(m);
            });
        });
    }

    private void layerNorm(boolean rms) {
        long d = intAttr("D"), levels = intAttr("n_levels");
        if (d <= 0) {
            throw fail("D = " + d + " must be positive");
        }
        long len = rowLen();
        List<String> inputs = rms ? List.of(in(0), in(1)) : List.of(in(0), in(1), in(2));
        List<RowOperand> ops = new ArrayList<>();
        ops.add(rowOp(in(0)));
        ops.add(rowParam(in(1)));
        if (!rms) {
            ops.add(rowParam(in(2)));
        }
        ops.add(rowOp(out()));
        int oi = ops.size() - 1;
        rows((rms ? "rmsnorm" : "layernorm") + d + "," + levels, inputs, ops, (e, p) -> {
            ProgramBuilder b = e.b;
            Elem xe = ops.get(0).elem(), we = ops.get(1).elem(), oe = ops.get(oi).elem();
            int mean = e.reg(), sq = e.reg(), s = e.reg(), rLen = e.constant(len), rLo = e.constant(-(levels / 2)), rHi = e.constant(levels / 2 - 1);
            b.li(mean, 0);
            if (!rms) {
                RowKernels.pass(e, len, p, ops, new int[] {0}, w -> {
                    int v = e.reg();
                    e.load(v, 0, w[0], xe);
                    b.add(mean, mean, v);
                    e.release(e.mark() - 1);
                });
                b.div(mean, mean, rLen);   // truncation toward zero
            }
            b.li(sq, 0);
            RowKernels.pass(e, len, p, ops, new int[] {0}, w -> {
                int v = e.reg();
                e.load(v, 0, w[0], xe);
                b.sub(v, v, mean);
                b.pMac(sq, v, v);
                e.release(e.mark() - 1);
            });
            b.divu(sq, sq, rLen);
            b.addi(sq, sq, 1);
            RowKernels.isqrt(e, sq, s);
            if (rms) {
                int t = e.reg();
                e.mulImm(s, s, d, t);
                RowKernels.pass(e, len, p, ops, new int[] {0, 1, oi}, w -> {
                    int m = e.mark();
                    int v = e.reg(), ww = e.reg(), q = e.reg();
                    e.load(v, 0, w[0], xe);
                    e.load(ww, 0, w[1], we);
                    b.mul(v, v, ww);
                    b.mv(ww, s);
                    e.floorDivReg(q, v, ww);
                    b.pMax(q, q, rLo);
                    b.pMin(q, q, rHi);
                    e.store(q, 0, w[2], oe);
                    e.release(m);
                });
            } else {
                Elem be = ops.get(2).elem();
                RowKernels.pass(e, len, p, ops, new int[] {0, 1, 2, oi}, w -> {
                    int m = e.mark();
                    int v = e.reg(), ww = e.reg(), q = sq; // sq is dead once s is known
                    e.load(v, 0, w[0], xe);
                    e.load(ww, 0, w[1], we);
                    b.sub(v, v, mean);
                    b.mul(v, v, ww);
                    b.div(v, v, s);            // truncation toward zero
                    e.load(ww, 0, w[2], be);
                    b.add(v, v, ww);
                    if (Long.bitCount(d) == 1) {
                        e.floorDivConst(q, v, d, ww);
                    } else {
                        b.li(ww, (int) d);
                        e.floorDivReg(q, v, ww);
                    }
                    b.pMax(q, q, rLo);
                    b.pMin(q, q, rHi);
                    e.store(q, 0, w[3], oe);
                    e.release(m);
                });
            }
        });
    }
}
