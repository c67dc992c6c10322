package io.socsim.workloads.onnx;

import java.util.Arrays;

/**
 * An integer tensor of the reference interpreter: shape and row-major elements, held as
 * {@code long} so that every intermediate of the integer operators is exact. Instances are not
 * modified after construction; {@link #data()} is shared for speed and must not be written.
 */
public record Tensor(long[] shape, long[] data) {

    public Tensor {
        long n = OnnxTensor.elementCount(shape);
        if (n != data.length) {
            throw new IllegalArgumentException(data.length + " elements for shape "
                    + Arrays.toString(shape));
        }
    }

    public static Tensor of(long[] shape, long... data) {
        return new Tensor(shape.clone(), data.clone());
    }

    public static Tensor scalar(long v) {
        return new Tensor(new long[0], new long[] {v});
    }

    public static Tensor zeros(long... shape) {
        return new Tensor(shape.clone(), new long[(int) OnnxTensor.elementCount(shape)]);
    }

    /** The shape (a copy: callers may modify it). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The elements, shared and not to be modified. */
    @Override
    public long[] data() {
        return data;
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    public long dim(int axis) {
        return shape[axis];
    }

    /** Row-major strides of a shape. */
    public static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    public Tensor reshape(long... newShape) {
        return new Tensor(newShape.clone(), data);
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }

    /** The multi-dimensional index of flat element {@code flat}, e.g. {@code 0,2,5}. */
    public String indexString(int flat) {
        long[] idx = new long[shape.length];
        long rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = shape[d] == 0 ? 0 : rest % shape[d];
            rest = shape[d] == 0 ? 0 : rest / shape[d];
        }
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < idx.length; d++) {
            s.append(d == 0 ? "" : ",").append(idx[d]);
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape)
                + (data.length <= 16 ? Arrays.toString(data) : "(" + data.length + " elements)");
    }
}
