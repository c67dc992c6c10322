package io.socsim.workloads.onnx;

import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/** Numpy-style (multidirectional) broadcasting, as ONNX's elementwise operators define it. */
final class Broadcast {

    private Broadcast() {
    }

    /** The broadcast shape, or null when the shapes are incompatible. */
    static long[] shape(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Element offsets into a tensor of shape {@code in} for every element of {@code out}. */
    static int[] offsets(long[] in, long[] out) {
        int rank = out.length;
        long[] inStrides = new long[rank];
        long[] s = Tensor.strides(in);
        for (int i = 0; i < in.length; i++) {
            int o = i + rank - in.length;
            inStrides[o] = in[i] == 1 ? 0 : s[i];
        }
        int n = (int) OnnxTensor.elementCount(out);
        int[] off = new int[n];
        int[] idx = new int[rank];
        long cur = 0;
        for (int k = 0; k < n; k++) {
            off[k] = (int) cur;
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                cur += inStrides[d];
                if (idx[d] < out[d]) {
                    break;
                }
                cur -= inStrides[d] * idx[d];
                idx[d] = 0;
            }
        }
        return off;
    }

    static Tensor apply(NodeCall n, Tensor a, Tensor b, LongBinaryOperator f) {
        long[] shape = shape(a.shape(), b.shape());
        if (shape == null) {
            throw n.fail("shapes " + Arrays.toString(a.shape()) + " and "
                    + Arrays.toString(b.shape()) + " do not broadcast");
        }
        long[] out = new long[(int) OnnxTensor.elementCount(shape)];
        if (Arrays.equals(a.shape(), shape) && Arrays.equals(b.shape(), shape)) {
            for (int i = 0; i < out.length; i++) {
                out[i] = f.applyAsLong(a.data()[i], b.data()[i]);
            }
        } else {
            int[] oa = offsets(a.shape(), shape);
            int[] ob = offsets(b.shape(), shape);
            for (int i = 0; i < out.length; i++) {
                out[i] = f.applyAsLong(a.data()[oa[i]], b.data()[ob[i]]);
            }
        }
        return new Tensor(shape, out);
    }

    /** {@code t} expanded to {@code shape} (which it must broadcast to). */
    static long[] expand(NodeCall n, Tensor t, long[] shape, String what) {
        long[] s = shape(t.shape(), shape);
        if (s == null || !Arrays.equals(s, shape)) {
            throw n.fail(what + " of shape " + Arrays.toString(t.shape())
                    + " does not broadcast to " + Arrays.toString(shape));
        }
        int[] off = offsets(t.shape(), shape);
        long[] out = new long[off.length];
        for (int i = 0; i < off.length; i++) {
            out[i] = t.data()[off[i]];
        }
        return out;
    }
}
