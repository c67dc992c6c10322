package io.socsim.sim.sweep;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting shared by the sweep's files: locale-free, no exponents, stable across hosts. */
final class Numbers4 {

    private Numbers4() {
    }

    /** Four decimals, as the run reports round. */
    static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }

    /** A number for CSV and tables: integers as they are, others with 8 significant digits, plain notation. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "";
            }
            return BigDecimal.valueOf(d).round(new MathContext(8))
                    .stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n) {
            return Long.toString(n.longValue());
        }
        return v.toString();
    }
}
