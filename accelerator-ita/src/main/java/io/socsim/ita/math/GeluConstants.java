package io.socsim.ita.math;

/**
 * Integer constants of ITA's polynomial GELU (golden README section 6.2), for an input scale of
 * 1/32: {@code b} clips |x| in the erf polynomial, {@code c} is its offset and {@code one} is 1
 * in the polynomial's output scale.
 */
public record GeluConstants(int one, int b, int c) {

    /** PyITA's values for input scale 1/32. */
    public static final GeluConstants DEFAULT = new GeluConstants(-7091, -80, -7091);

    public GeluConstants {
        if (b > 0) {
            throw new IllegalArgumentException("b must be <= 0, got " + b);
        }
    }

    /**
     * The raw int32 GELU {@code qc * (sign(qc) * ((min(|qc|, -b) + b)^2 + c) + one)} with
     * {@code qc = max(q, -127)}. Its scale is negative, so after requantisation large positive
     * inputs map near -127; that sign is PyITA's and is kept on purpose.
     */
    public int raw(int q) {
        int qc = Math.max(q, -127); // -128 would make |q| leave the symmetric int8 range
        int a = Math.min(Math.abs(qc), -b);
        int l = (a + b) * (a + b) + c;
        int erf = Integer.signum(qc) * l;
        return qc * (erf + one);
    }
}
