package io.socsim.ita.math;

import java.util.Arrays;
import java.util.Objects;

/**
 * Row-major int32 matrix: accumulators, and bias vectors as 1xN. The array is shared, not copied.
 */
public record Matrix32(int rows, int cols, int[] data) {

    public Matrix32 {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        }
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(
                    "data length " + data.length + " != " + rows + "x" + cols);
        }
    }

    public static Matrix32 zeros(int rows, int cols) {
        return new Matrix32(rows, cols, new int[rows * cols]);
    }

    /** A 1xN row vector, e.g. a bias. */
    public static Matrix32 rowVector(int... values) {
        return new Matrix32(1, values.length, values);
    }

    public int get(int r, int c) {
        return data[r * cols + c];
    }

    public void set(int r, int c, int v) {
        data[r * cols + c] = v;
    }

    /** Content equality (the record's own equals compares the array by identity). */
    public boolean contentEquals(Matrix32 other) {
        return other != null && rows == other.rows && cols == other.cols
                && Arrays.equals(data, other.data);
    }
}
