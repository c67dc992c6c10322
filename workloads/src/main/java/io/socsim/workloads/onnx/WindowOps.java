package io.socsim.workloads.onnx;

import java.util.Arrays;

/**
 * Sliding-window operators over the spatial axes of {@code [N, C, D1, ..., Dk]} tensors (any k):
 * Conv (with groups, dilations, padding and {@code auto_pad}) and MaxPool (with
 * {@code ceil_mode}), plus Pad.
 */
final class WindowOps {

    private WindowOps() {
    }

    /** Output geometry of a window operator. */
    private record Geometry(long[] in, long[] kernel, long[] strides, long[] dilations,
            long[] padBegin, long[] out) {

        int outCount() {
            return (int) OnnxTensor.elementCount(out);
        }

        int kernelCount() {
            return (int) OnnxTensor.elementCount(kernel);
        }

        /**
         * For every (output position, kernel position) pair the flat input offset, or -1 where
         * the window reads padding.
         */
        int[] taps() {
            int k = in.length;
            int outs = outCount();
            int ks = kernelCount();
            long[] inStrides = Tensor.strides(in);
            int[] taps = new int[outs * ks];
            int[] o = new int[k];
            for (int p = 0; p < outs; p++) {
                int[] q = new int[k];
                for (int t = 0; t < ks; t++) {
                    long off = 0;
                    boolean inside = true;
                    for (int d = 0; d < k; d++) {
                        long c = o[d] * strides[d] - padBegin[d] + q[d] * dilations[d];
                        if (c < 0 || c >= in[d]) {
                            inside = false;
                            break;
                        }
                        off += c * inStrides[d];
                    }
                    taps[p * ks + t] = inside ? (int) off : -1;
                    step(q, kernel);
                }
                step(o, out);
            }
            return taps;
        }
    }

    private static void step(int[] idx, long[] shape) {
        for (int d = idx.length - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) {
                return;
            }
            idx[d] = 0;
        }
    }

    private static Geometry geometry(NodeCall n, long[] in, long[] kernel, boolean ceil) {
        int k = in.length;
        long[] strides = n.intsAttr("strides", ones(k));
        long[] dilations = n.intsAttr("dilations", ones(k));
        if (strides.length != k || dilations.length != k) {
            throw n.fail("strides " + Arrays.toString(strides) + " / dilations "
                    + Arrays.toString(dilations) + " do not match " + k + " spatial axes");
        }
        for (int d = 0; d < k; d++) {
            if (strides[d] <= 0 || dilations[d] <= 0 || kernel[d] <= 0) {
                throw n.fail("kernel, strides and dilations must be positive");
            }
        }
        String autoPad = n.stringAttr("auto_pad", "NOTSET");
        long[] begin = new long[k];
        long[] end = new long[k];
        long[] out = new long[k];
        switch (autoPad) {
            case "NOTSET" -> {
                long[] pads = n.intsAttr("pads", new long[2 * k]);
                if (pads.length != 2 * k) {
                    throw n.fail("pads " + Arrays.toString(pads) + " needs " + 2 * k + " values");
                }
                for (int d = 0; d < k; d++) {
                    if (pads[d] < 0 || pads[d + k] < 0) {
                        throw n.fail("pads " + Arrays.toString(pads) + " has a negative value");
                    }
                    begin[d] = pads[d];
                    end[d] = pads[d + k];
                }
            }
            case "VALID" -> { }
            case "SAME_UPPER", "SAME_LOWER" -> {
                for (int d = 0; d < k; d++) {
                    long o = (in[d] + strides[d] - 1) / strides[d];
                    long span = (kernel[d] - 1) * dilations[d] + 1;
                    long total = Math.max(0, (o - 1) * strides[d] + span - in[d]);
                    begin[d] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                    end[d] = total - begin[d];
                }
            }
            default -> throw n.fail("auto_pad '" + autoPad + "' is not one of NOTSET, VALID,"
                    + " SAME_UPPER, SAME_LOWER");
        }
        for (int d = 0; d < k; d++) {
            long span = (kernel[d] - 1) * dilations[d] + 1;
            long room = in[d] + begin[d] + end[d] - span;
            if (room < 0) {
                throw n.fail("the window " + span + " is larger than the padded axis "
                        + (in[d] + begin[d] + end[d]));
            }
            out[d] = (ceil ? Math.floorDiv(room + strides[d] - 1, strides[d])
                    : room / strides[d]) + 1;
            if (ceil && (out[d] - 1) * strides[d] >= in[d] + begin[d]) {
                out[d]--; // the last window must start inside the input or its leading pad
            }
        }
        return new Geometry(in, kernel, strides, dilations, begin, out);
    }

    private static long[] ones(int k) {
        long[] r = new long[k];
        Arrays.fill(r, 1);
        return r;
    }

    static Tensor[] conv(NodeCall n) {
        n.requireInputs(2, 3);
        Tensor x = n.input(0);
        Tensor w = n.input(1);
        Tensor bias = n.optionalInput(2);
        if (x.rank() < 3 || w.rank() != x.rank()) {
            throw n.fail("Conv takes X [N, C, spatial...] and W of the same rank, got "
                    + x.shapeString() + " and " + w.shapeString());
        }
        long group = n.intAttr("group", 1);
        long batch = x.dim(0);
        long c = x.dim(1);
        long m = w.dim(0);
        if (group <= 0 || c % group != 0 || m % group != 0 || w.dim(1) != c / group) {
            throw n.fail("group " + group + " does not fit X " + x.shapeString() + " and W "
                    + w.shapeString());
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != m)) {
            throw n.fail("bias " + bias.shapeString() + " is not [" + m + "]");
        }
        int k = x.rank() - 2;
        long[] in = Arrays.copyOfRange(x.shape(), 2, x.rank());
        long[] kernel = Arrays.copyOfRange(w.shape(), 2, w.rank());
        if (n.has("kernel_shape") && !Arrays.equals(n.intsAttr("kernel_shape"), kernel)) {
            throw n.fail("kernel_shape " + Arrays.toString(n.intsAttr("kernel_shape"))
                    + " differs from the weights' " + Arrays.toString(kernel));
        }
        Geometry g = geometry(n, in, kernel, false);
        int[] taps = g.taps();
        int outs = g.outCount();
        int ks = g.kernelCount();
        int inSize = (int) OnnxTensor.elementCount(in);
        int cg = (int) (c / group);
        int mg = (int) (m / group);
        long[] shape = new long[k + 2];
        shape[0] = batch;
        shape[1] = m;
        System.arraycopy(g.out(), 0, shape, 2, k);
        long[] out = new long[(int) OnnxTensor.elementCount(shape)];
        long[] xd = x.data();
        long[] wd = w.data();
        for (int b = 0; b < batch; b++) {
            for (int oc = 0; oc < m; oc++) {
                int gi = oc / mg;
                int obase = (b * (int) m + oc) * outs;
                long b0 = bias == null ? 0 : bias.data()[oc];
                for (int p = 0; p < outs; p++) {
                    out[obase + p] = b0;
                }
                for (int ci = 0; ci < cg; ci++) {
                    int xbase = (b * (int) c + gi * cg + ci) * inSize;
                    int wbase = (oc * cg + ci) * ks;
                    for (int p = 0; p < outs; p++) {
                        long acc = 0;
                        int tb = p * ks;
                        for (int t = 0; t < ks; t++) {
                            int off = taps[tb + t];
                            if (off >= 0) {
                                acc += xd[xbase + off] * wd[wbase + t];
                            }
                        }
                        out[obase + p] += acc;
                    }
                }
            }
        }
        return new Tensor[] {new Tensor(shape, out)};
    }

    static Tensor[] maxPool(NodeCall n) {
        n.requireInputs(1, 1);
        if (n.node().outputs().size() > 1) {
            throw n.fail("the Indices output of MaxPool is not supported");
        }
        Tensor x = n.input(0);
        if (x.rank() < 3) {
            throw n.fail("MaxPool takes X [N, C, spatial...], got " + x.shapeString());
        }
        int k = x.rank() - 2;
        long[] kernel = n.intsAttr("kernel_shape");
        if (kernel.length != k) {
            throw n.fail("kernel_shape " + Arrays.toString(kernel) + " does not match " + k
                    + " spatial axes");
        }
        long[] in = Arrays.copyOfRange(x.shape(), 2, x.rank());
        Geometry g = geometry(n, in, kernel, n.intAttr("ceil_mode", 0) != 0);
        int[] taps = g.taps();
        int outs = g.outCount();
        int ks = g.kernelCount();
        int inSize = (int) OnnxTensor.elementCount(in);
        int planes = (int) (x.dim(0) * x.dim(1));
        long[] shape = new long[k + 2];
        shape[0] = x.dim(0);
        shape[1] = x.dim(1);
        System.arraycopy(g.out(), 0, shape, 2, k);
        long[] out = new long[planes * outs];
        for (int pl = 0; pl < planes; pl++) {
            for (int p = 0; p < outs; p++) {
                long best = Long.MIN_VALUE;
                for (int t = 0; t < ks; t++) {
                    int off = taps[p * ks + t];
                    if (off >= 0) {
                        best = Math.max(best, x.data()[pl * inSize + off]);
                    }
                }
                if (best == Long.MIN_VALUE) {
                    throw n.fail("a pooling window covers only padding");
                }
                out[pl * outs + p] = best;
            }
        }
        return new Tensor[] {new Tensor(shape, out)};
    }

    static Tensor[] pad(NodeCall n) {
        Tensor x = n.input(0);
        int rank = x.rank();
        long[] pads;
        long value;
        if (n.inputCount() == 1 && (n.opset() < 11 || n.has("pads"))) {
            // the attribute form of opset 1-10, which some exporters keep writing
            pads = n.intsAttr("pads");
            value = n.intAttr("value", 0);
        } else {
            n.requireInputs(2, 4);
            pads = n.input(1).data().clone();
            Tensor cv = n.optionalInput(2);
            value = cv == null ? 0 : cv.data()[0];
            Tensor axesT = n.optionalInput(3);
            if (axesT != null) {
                long[] full = new long[2 * rank];
                long[] axes = axesT.data();
                if (pads.length != 2 * axes.length) {
                    throw n.fail("pads " + Arrays.toString(pads) + " needs " + 2 * axes.length
                            + " values for axes " + Arrays.toString(axes));
                }
                for (int i = 0; i < axes.length; i++) {
                    int a = n.axis(axes[i], rank);
                    full[a] = pads[i];
                    full[a + rank] = pads[i + axes.length];
                }
                pads = full;
            }
        }
        if (pads.length != 2 * rank) {
            throw n.fail("pads " + Arrays.toString(pads) + " needs " + 2 * rank + " values for"
                    + " rank " + rank);
        }
        String mode = n.stringAttr("mode", "constant");
        if (!mode.equals("constant") && !mode.equals("edge") && !mode.equals("reflect")) {
            throw n.fail("mode '" + mode + "' is not one of constant, edge, reflect");
        }
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = x.dim(d) + pads[d] + pads[d + rank];
            if (shape[d] < 0) {
                throw n.fail("pads " + Arrays.toString(pads) + " crop axis " + d + " below zero");
            }
            if (!mode.equals("constant") && x.dim(d) == 0 && shape[d] > 0) {
                throw n.fail("mode " + mode + " cannot pad the empty axis " + d);
            }
            if (mode.equals("reflect") && (pads[d] >= x.dim(d) || pads[d + rank] >= x.dim(d))
                    && (pads[d] > 0 || pads[d + rank] > 0)) {
                throw n.fail("reflect padding on axis " + d + " is not smaller than its size "
                        + x.dim(d));
            }
        }
        long[] inStrides = Tensor.strides(x.shape());
        long[] out = new long[(int) OnnxTensor.elementCount(shape)];
        int[] idx = new int[rank];
        for (int k = 0; k < out.length; k++) {
            long off = 0;
            boolean inside = true;
            for (int d = 0; d < rank; d++) {
                long c = idx[d] - pads[d];
                long dim = x.dim(d);
                if (c < 0 || c >= dim) {
                    if (mode.equals("constant")) {
                        inside = false;
                        break;
                    }
                    if (mode.equals("edge")) {
                        c = c < 0 ? 0 : dim - 1;
                    } else {
                        c = c < 0 ? -c : 2 * (dim - 1) - c;
                    }
                }
                off += c * inStrides[d];
            }
            out[k] = inside ? x.data()[(int) off] : value;
            step(idx, shape);
        }
        return new Tensor[] {new Tensor(shape, out)};
    }
}
