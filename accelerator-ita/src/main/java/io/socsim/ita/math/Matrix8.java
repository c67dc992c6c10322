package io.socsim.ita.math;

import java.util.Arrays;
import java.util.Objects;

/**
 * Row-major 8-bit matrix. The bytes are interpreted as int8 ({@link #get}) or, for softmax
 * output, as uint8 ({@link #getUnsigned}); the storage is the same, only the reading differs.
 *
 * <p>The array is shared, not copied: the record is a thin, allocation-free view so that a tiled
 * engine can write into it directly.
 */
public record Matrix8(int rows, int cols, byte[] data) {

    public Matrix8 {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        }
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(
                    "data length " + data.length + " != " + rows + "x" + cols);
        }
    }

    public static Matrix8 zeros(int rows, int cols) {
        return new Matrix8(rows, cols, new byte[rows * cols]);
    }

    /** Builds an int8 matrix from ints; each value must lie in [-128, 127]. */
    public static Matrix8 ofSigned(int rows, int cols, int[] values) {
        return of(rows, cols, values, -128, 127);
    }

    /** Builds a uint8 matrix from ints; each value must lie in [0, 255]. */
    public static Matrix8 ofUnsigned(int rows, int cols, int[] values) {
        return of(rows, cols, values, 0, 255);
    }

    private static Matrix8 of(int rows, int cols, int[] values, int lo, int hi) {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(
                    "value count " + values.length + " != " + rows + "x" + cols);
        }
        byte[] d = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v < lo || v > hi) {
                throw new IllegalArgumentException("value " + v + " at index " + i
                        + " outside [" + lo + ", " + hi + "]");
            }
            d[i] = (byte) v;
        }
        return new Matrix8(rows, cols, d);
    }

    public int get(int r, int c) {
        return data[r * cols + c];
    }

    public int getUnsigned(int r, int c) {
        return data[r * cols + c] & 0xFF;
    }

    public void set(int r, int c, int v) {
        data[r * cols + c] = (byte) v;
    }

    /** Values widened to int, read as int8. */
    public int[] toSignedInts() {
        int[] out = new int[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i];
        }
        return out;
    }

    /** Values widened to int, read as uint8. */
    public int[] toUnsignedInts() {
        int[] out = new int[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] & 0xFF;
        }
        return out;
    }

    /** Content equality (the record's own equals compares the array by identity). */
    public boolean contentEquals(Matrix8 other) {
        return other != null && rows == other.rows && cols == other.cols
                && Arrays.equals(data, other.data);
    }
}
