package io.socsim.ita.golden;

import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;

/**
 * One {@code tensor} record of a golden file: row-major values as ints, and where it was read.
 *
 * @param line line number of the {@code tensor} header, for error messages
 */
public record GoldenTensor(String source, int line, String name, int rows, int cols,
        int[] data) {

    /** The values as an int8 matrix; fails if any value is outside [-128, 127]. */
    public Matrix8 toInt8() {
        return Matrix8.ofSigned(rows, cols, checked(-128, 127, "int8"));
    }

    /** The values as a uint8 matrix; fails if any value is outside [0, 255]. */
    public Matrix8 toUint8() {
        return Matrix8.ofUnsigned(rows, cols, checked(0, 255, "uint8"));
    }

    /** The values as an int32 matrix (a copy, so the parsed data stays untouched). */
    public Matrix32 toInt32() {
        return new Matrix32(rows, cols, data.clone());
    }

    /** "file:line (name)", for assertion messages. */
    public String where() {
        return source + ":" + line + " (" + name + ")";
    }

    private int[] checked(int lo, int hi, String type) {
        for (int i = 0; i < data.length; i++) {
            int v = data[i];
            if (v < lo || v > hi) {
                // Row r of the body sits on header line + 1 + r.
                throw new IllegalArgumentException(source + ":" + (line + 1 + i / cols)
                        + ": tensor " + name + " value " + v + " at [" + i / cols + "]["
                        + i % cols + "] is not " + type);
            }
        }
        return data;
    }
}
