package io.socsim.workloads.onnx;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numpy array in C (row-major) order: its dtype as numpy spells it without byte order
 * ({@code i8}, {@code u1}, {@code f4}, {@code b1}, ...), its shape, and its elements, integers in
 * {@link #ints()} or reals in {@link #reals()} (the other is {@code null}).
 */
public record NpyArray(String dtype, long[] shape, long[] ints, double[] reals) {

    public NpyArray {
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        if ((ints == null) == (reals == null)) {
            throw new IllegalArgumentException("exactly one of ints, reals");
        }
        long n = OnnxTensor.elementCount(shape);
        if (n != (ints != null ? ints.length : reals.length)) {
            throw new IllegalArgumentException("element count does not match shape "
                    + Arrays.toString(shape));
        }
    }

    public static NpyArray ofLongs(long[] shape, long[] values) {
        return new NpyArray("i8", shape, values.clone(), null);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int size() {
        return ints != null ? ints.length : reals.length;
    }

    public boolean isInteger() {
        return ints != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && dtype.equals(a.dtype) && Arrays.equals(shape, a.shape)
                && Arrays.equals(ints, a.ints) && Arrays.equals(reals, a.reals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(ints),
                Arrays.hashCode(reals));
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
