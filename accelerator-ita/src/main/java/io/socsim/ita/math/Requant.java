package io.socsim.ita.math;

/**
 * ITA requantisation constants of one step: {@code y = clamp(round(acc * mult / 2^shift) + add)}
 * into int8 (golden README section 3.2).
 *
 * <p>Rounding is PyITA's {@code floor(v + 0.5 + 2^-23)}, evaluated here exactly in integers. For
 * shifts 1..22 the 2^-23 term can never move the floor, so this is the RTL's
 * "shift, then add bit shift-1" rule: ties round towards +infinity (2.5 -> 3, -2.5 -> -2).
 * Larger shifts keep the 2^-23 term, so a value just below a tie can round up, exactly as PyITA
 * does in float64 (for these operand widths the float64 evaluation is exact, see docs/ita.md).
 *
 * @param mult unsigned 8-bit multiplier (eps_mult)
 * @param shift unsigned 8-bit right shift
 * @param add signed 8-bit offset added after rounding
 */
public record Requant(int mult, int shift, int add) {

    /** PyITA's activation requantisation constants for GELU (and, faithfully, for ReLU). */
    public static final Requant DEFAULT_ACTIVATION = new Requant(74, 20, 0);

    public Requant {
        if (mult < 0 || mult > 255) {
            throw new IllegalArgumentException("mult must be uint8, got " + mult);
        }
        if (shift < 0 || shift > 255) {
            throw new IllegalArgumentException("shift must be uint8, got " + shift);
        }
        if (add < -128 || add > 127) {
            throw new IllegalArgumentException("add must be int8, got " + add);
        }
    }

    /** Requantises one accumulator value to int8 (returned as an int in [-128, 127]). */
    public int apply(int acc) {
        return requantize(acc, mult, shift, add);
    }

    /** Requantises {@code count} accumulators {@code src[srcOff..]} into {@code dst[dstOff..]}. */
    public void apply(int[] src, int srcOff, byte[] dst, int dstOff, int count) {
        for (int i = 0; i < count; i++) {
            dst[dstOff + i] = (byte) requantize(src[srcOff + i], mult, shift, add);
        }
    }

    /** Requantises a whole accumulator matrix. */
    public Matrix8 apply(Matrix32 acc) {
        Matrix8 out = Matrix8.zeros(acc.rows(), acc.cols());
        apply(acc.data(), 0, out.data(), 0, acc.data().length);
        return out;
    }

    /**
     * The requantisation rule itself, for any uint8 mult/shift and int8 add.
     * {@code mult * acc} is formed in 64 bits; it needs up to 39 bits.
     */
    public static int requantize(int acc, int mult, int shift, int add) {
        long p = (long) mult * acc;
        long r;
        if (shift == 0) {
            r = p; // floor(p + 0.5 + eps) == p for an integer p
        } else if (shift <= 22) {
            // >> on long floors (arithmetic shift), giving round-half-up for both signs.
            r = (p + (1L << (shift - 1))) >> shift;
        } else if (shift <= 62) {
            // floor(p/2^s + 1/2 + 2^-23) = floor((p + 2^(s-1) + 2^(s-23)) / 2^s); |p| < 2^39 so
            // the sum stays far below 2^63.
            r = (p + (1L << (shift - 1)) + (1L << (shift - 23))) >> shift;
        } else {
            // |p / 2^s| < 2^-24: the rounded value is floor(0.5 + 2^-23 + tiny) = 0.
            r = 0;
        }
        r += add;
        return (int) Math.max(-128, Math.min(127, r));
    }
}
