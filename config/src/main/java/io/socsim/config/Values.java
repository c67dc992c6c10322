package io.socsim.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one set of rules for reading scalar text, shared by files and {@code --set} overrides, and
 * the matching formatting used by {@link ConfigWriter}.
 *
 * <p>Integers: decimal ({@code 4096}), hexadecimal ({@code 0x1c000000}), binary ({@code 0b1010}),
 * with optional {@code _} separators. Sizes: an integer, optionally followed by a binary unit
 * {@code B}, {@code KiB}, {@code MiB} or {@code GiB} (with or without a space). Decimal units
 * (kB, MB) are refused: in a memory map they are almost always meant as binary units.
 */
public final class Values {

    private static final Pattern INTEGER = Pattern.compile("([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|[0-9][0-9_]*)");
    private static final Pattern SIZE = Pattern.compile("(.*?)\\s*([A-Za-z]+)");

    private Values() {
    }

    /** Parses an integer, or throws {@link IllegalArgumentException} with a user-facing reason. */
    public static long parseInteger(String text) {
        String s = text.trim();
        Matcher m = INTEGER.matcher(s);
        if (!m.matches() || m.group(2).endsWith("_")) {
            throw new IllegalArgumentException("expected an integer (decimal, 0x hex or 0b binary), got '" + text + "'");
        }
        String digits = m.group(2).replace("_", "");
        int radix = 10;
        if (digits.length() > 2 && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 2 && (digits.charAt(1) == 'b' || digits.charAt(1) == 'B')) {
            radix = 2;
            digits = digits.substring(2);
        }
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("expected an integer, got '" + text + "'");
        }
        try {
            long v = Long.parseLong(digits, radix);
            return "-".equals(m.group(1)) ? -v : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
    }

    /** Parses a byte count: an integer with an optional binary unit ({@code 256KiB}, {@code 4 MiB}). */
    public static long parseSize(String text) {
        String s = text.trim();
        if (INTEGER.matcher(s).matches()) {
            return parseInteger(s);
        }
        Matcher m = SIZE.matcher(s);
        if (!m.matches() || m.group(1).isEmpty()) {
            throw new IllegalArgumentException("expected a size such as 4096, 0x1000, 256KiB or 1MiB, got '" + text + "'");
        }
        long unit;
        switch (m.group(2)) {
            case "B": unit = 1; break;
            case "KiB": unit = 1L << 10; break;
            case "MiB": unit = 1L << 20; break;
            case "GiB": unit = 1L << 30; break;
            default:
                throw new IllegalArgumentException("unknown size unit '" + m.group(2) + "' in '" + text
                        + "'; use B, KiB, MiB or GiB");
        }
        long n = parseInteger(m.group(1));
        try {
            return Math.multiplyExact(n, unit);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
    }

    /** Parses a finite decimal number ({@code 470}, {@code 0.65}, {@code 4.7e2}). */
    public static double parseDecimal(String text) {
        String s = text.trim();
        try {
            double d = Double.parseDouble(s);
            // Double.parseDouble also takes "NaN", "Infinity" and a trailing 'd'/'f': not numbers here.
            if (!Double.isFinite(d) || !s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                throw new NumberFormatException();
            }
            return d + 0.0; // -0 is read as 0: the writer cannot tell them apart, and no value means minus zero
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + text + "'");
        }
    }

    /** Formats an address as 8 lowercase hex digits, the way memory maps are written. */
    public static String formatAddress(long address) {
        return String.format(Locale.ROOT, "0x%08x", address);
    }

    /** Formats a size with the largest binary unit that divides it exactly ({@code 256KiB}). */
    public static String formatSize(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GiB";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MiB";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KiB";
        }
        return Long.toString(bytes);
    }

    /** Shortest decimal text that reads back to the same double, without exponent or locale. */
    public static String formatDecimal(double value) {
        BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String s = d.toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    static boolean isPowerOfTwo(long v) {
        return v > 0 && (v & (v - 1)) == 0;
    }
}
