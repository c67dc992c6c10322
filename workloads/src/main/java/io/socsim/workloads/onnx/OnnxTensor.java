package io.socsim.workloads.onnx;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor of an ONNX graph (initializer or attribute value): its name, element type, shape and
 * elements in row-major order. Integer types hold their values in {@link #ints()}, real types in
 * {@link #reals()}; the other array is {@code null}. UINT64 values above {@code Long.MAX_VALUE}
 * keep their bit pattern.
 */
public record OnnxTensor(String name, DataType type, long[] dims, long[] ints, double[] reals) {

    public OnnxTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        dims = dims.clone();
        if ((ints == null) == (reals == null)) {
            throw new IllegalArgumentException("tensor '" + name + "': exactly one of ints, reals");
        }
        if (ints != null && !type.isInteger() || reals != null && type.isInteger()) {
            throw new IllegalArgumentException("tensor '" + name + "': data does not match " + type);
        }
        long n = elementCount(dims);
        long have = ints != null ? ints.length : reals.length;
        if (n != have) {
            throw new IllegalArgumentException("tensor '" + name + "': " + have
                    + " elements for shape " + Arrays.toString(dims));
        }
    }

    public static OnnxTensor ofInts(String name, DataType type, long[] dims, long[] values) {
        return new OnnxTensor(name, type, dims, values.clone(), null);
    }

    public static OnnxTensor ofReals(String name, DataType type, long[] dims, double[] values) {
        return new OnnxTensor(name, type, dims, null, values.clone());
    }

    public long size() {
        return elementCount(dims);
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    /** Element {@code i} as a double (exact for integers up to 2^53). */
    public double real(int i) {
        return ints != null ? ints[i] : reals[i];
    }

    /** Number of elements of a shape; -1 when a dimension is negative or the count overflows. */
    public static long elementCount(long[] dims) {
        long n = 1;
        for (long d : dims) {
            if (d < 0) {
                return -1;
            }
            if (d != 0 && n > Long.MAX_VALUE / d) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OnnxTensor t && name.equals(t.name) && type == t.type
                && Arrays.equals(dims, t.dims) && Arrays.equals(ints, t.ints)
                && Arrays.equals(reals, t.reals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(dims), Arrays.hashCode(ints),
                Arrays.hashCode(reals));
    }

    @Override
    public String toString() {
        return "OnnxTensor[" + name + " " + type + " " + Arrays.toString(dims) + "]";
    }
}
