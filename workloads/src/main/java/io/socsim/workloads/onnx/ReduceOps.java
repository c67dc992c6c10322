package io.socsim.workloads.onnx;

import java.util.Arrays;

/**
 * Reductions: ReduceSum (exact), ReduceMean with the deployment compiler's integer rounding and
 * IntegerMean (quantlib's round-half-up mean).
 */
final class ReduceOps {

    private ReduceOps() {
    }

    @FunctionalInterface
    private interface Finish {
        long apply(long sum, long count);
    }

    private static long[] axes(NodeCall n, boolean inputForm) {
        if (inputForm && n.optionalInput(1) != null) {
            return n.input(1).data().clone();
        }
        return n.intsAttr("axes", null);
    }

    private static Tensor reduce(NodeCall n, long[] axes, Finish finish) {
        Tensor x = n.input(0);
        int rank = x.rank();
        boolean[] reduced = new boolean[rank];
        if (axes == null || axes.length == 0) {
            if (axes != null && n.intAttr("noop_with_empty_axes", 0) != 0) {
                return x;
            }
            Arrays.fill(reduced, true);
        } else {
            for (long a : axes) {
                int ax = n.axis(a, rank);
                if (reduced[ax]) {
                    throw n.fail("axis " + a + " appears twice");
                }
                reduced[ax] = true;
            }
        }
        boolean keep = n.intAttr("keepdims", 1) != 0;
        long[] kept = new long[rank];
        long count = 1;
        for (int d = 0; d < rank; d++) {
            kept[d] = reduced[d] ? 1 : x.dim(d);
            if (reduced[d]) {
                count *= x.dim(d);
            }
        }
        if (count == 0) {
            throw n.fail("reduces over an empty axis");
        }
        long[] sums = new long[(int) OnnxTensor.elementCount(kept)];
        long[] outStrides = Tensor.strides(kept);
        int[] idx = new int[rank];
        for (int k = 0; k < x.size(); k++) {
            long off = 0;
            for (int d = 0; d < rank; d++) {
                if (!reduced[d]) {
                    off += idx[d] * outStrides[d];
                }
            }
            sums[(int) off] += x.data()[k];
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < x.dim(d)) {
                    break;
                }
                idx[d] = 0;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] = finish.apply(sums[i], count);
        }
        long[] shape = keep ? kept : java.util.stream.IntStream.range(0, rank)
                .filter(d -> !reduced[d]).mapToLong(x::dim).toArray();
        return new Tensor(shape, sums);
    }

    static Tensor[] reduceSum(NodeCall n) {
        n.requireInputs(1, 2);
        return new Tensor[] {reduce(n, axes(n, n.opset() >= 13), (s, c) -> s)};
    }

    /**
     * ReduceMean of integers as the deployment compiler's kernel rounds it: over a power-of-two
     * count {@code floor(sum / count + 1/2)}; otherwise to nearest with halves away from zero.
     */
    static Tensor[] reduceMean(NodeCall n) {
        n.requireInputs(1, 2);
        return new Tensor[] {reduce(n, axes(n, n.opset() >= 18), ReduceOps::deeployMean)};
    }

    static long deeployMean(long sum, long count) {
        if (Long.bitCount(count) == 1) {
            return ArithmeticOps.roundHalfUp(sum, count);
        }
        long sign = sum >= 0 ? 1 : -1;
        return (sum + sign * (count >> 1)) / count;
    }

    /** IntegerMean: {@code floor(mean + 1/2)} over {@code axes}. */
    static Tensor[] integerMean(NodeCall n) {
        n.requireInputs(1, 1);
        return new Tensor[] {reduce(n, n.intsAttr("axes", null), ArithmeticOps::roundHalfUp)};
    }
}
