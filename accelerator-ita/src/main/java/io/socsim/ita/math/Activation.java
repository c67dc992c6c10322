package io.socsim.ita.math;

/**
 * ITA's activation after the first requantisation of a linear or FF1 step (golden README
 * section 6.2). ReLU and GELU are both followed by a second requantisation with the activation
 * constants, as in the RTL; identity passes the value through untouched.
 */
public enum Activation {
    IDENTITY,
    RELU,
    GELU;

    /** Applies the activation to one int8 value and returns the int8 result. */
    public int apply(int q, Requant actRq, GeluConstants gelu) {
        return switch (this) {
            case IDENTITY -> q;
            case RELU -> actRq.apply(Math.max(q, 0));
            case GELU -> actRq.apply(gelu.raw(q));
        };
    }

    /** Applies the activation to a block of {@code in}, writing the same block of {@code out}. */
    public void apply(Matrix8 in, Matrix8 out, int row0, int col0, int rowCount, int colCount,
            Requant actRq, GeluConstants gelu) {
        if (out.rows() != in.rows() || out.cols() != in.cols()) {
            throw new IllegalArgumentException("output shape differs from input shape");
        }
        byte[] src = in.data();
        byte[] dst = out.data();
        for (int r = row0; r < row0 + rowCount; r++) {
            int base = r * in.cols();
            for (int c = col0; c < col0 + colCount; c++) {
                dst[base + c] = (byte) apply(src[base + c], actRq, gelu);
            }
        }
    }

    /** Whole-matrix form; returns a new matrix. */
    public Matrix8 apply(Matrix8 in, Requant actRq, GeluConstants gelu) {
        Matrix8 out = Matrix8.zeros(in.rows(), in.cols());
        apply(in, out, 0, 0, in.rows(), in.cols(), actRq, gelu);
        return out;
    }

    /** Parses the lower-case names used in golden files and PyITA ("identity", "relu", "gelu"). */
    public static Activation parse(String name) {
        return switch (name) {
            case "identity" -> IDENTITY;
            case "relu" -> RELU;
            case "gelu" -> GELU;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
        };
    }
}
