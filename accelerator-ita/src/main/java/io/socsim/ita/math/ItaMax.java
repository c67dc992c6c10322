package io.socsim.ita.math;

import java.util.Arrays;

/**
 * ITAmax, the streaming integer softmax (golden README section 5), with its per-row state held
 * explicitly so that a tiled engine can feed it QK tiles as they are produced.
 *
 * <p>Per row the unit keeps the running maximum {@code m} (start -128) and the running
 * denominator {@code D} (start 0). Each 16-column group, strictly left to right, may raise
 * {@code m}; the old {@code D} is then floored by the increase before the group's terms
 * {@code 256 >> (m - v)} are added. Once the row is complete the divider forms
 * {@code inv = 65280 / D}; the AV step then reads each probability as {@code inv >> (m - x)}
 * with the final {@code m}. One int8 step is one halving because PyITA's shift scale is exactly
 * 1.0, so every shift is a plain difference.
 *
 * <p>Shift counts can reach 255; Java masks {@code >>} counts to 5 bits, so every shift goes
 * through {@link #shr}, which yields 0 for counts of 32 or more, as NumPy does.
 */
public final class ItaMax {

    /** Columns per streaming group. */
    public static final int GROUP = 16;
    /** Initial running maximum (the int8 minimum). */
    public static final int INITIAL_MAX = -128;
    /** Weight of a term equal to the running maximum (2^8). */
    public static final int ONE = 256;
    /** Divider numerator (2^8 - 1) * 2^8. */
    public static final int NUMERATOR = 255 * 256;

    private final int[] max;
    private final int[] den;
    private final int[] inv;
    private final int[] consumed;

    /** Creates the state for {@code rows} independent softmax rows, all reset. */
    public ItaMax(int rows) {
        max = new int[rows];
        den = new int[rows];
        inv = new int[rows];
        consumed = new int[rows];
        reset();
    }

    public int rows() {
        return max.length;
    }

    /** Starts every row afresh (a new QK job). */
    public void reset() {
        Arrays.fill(max, INITIAL_MAX);
        Arrays.fill(den, 0);
        Arrays.fill(inv, -1);
        Arrays.fill(consumed, 0);
    }

    /** {@code a >> k} for {@code a >= 0}, and 0 for {@code k >= 32}. */
    public static int shr(int a, int k) {
        return a >> Math.min(k, 31);
    }

    /**
     * Streams columns {@code [col0, col0 + len)} of row {@code row} of {@code x} into that row's
     * state. Columns must arrive in order without gaps; {@code col0} and {@code len} are multiples
     * of 16.
     */
    public void accumulate(Matrix8 x, int row, int col0, int len) {
        if (col0 != consumed[row]) {
            throw new IllegalStateException("row " + row + ": expected column " + consumed[row]
                    + " next, got " + col0 + " (groups must stream left to right)");
        }
        if (len % GROUP != 0 || len < 0 || col0 + len > x.cols()) {
            throw new IllegalArgumentException("row " + row + ": block [" + col0 + ", "
                    + (col0 + len) + ") is not a whole number of 16-column groups within "
                    + x.cols() + " columns");
        }
        byte[] d = x.data();
        int base = row * x.cols() + col0;
        for (int g = 0; g < len; g += GROUP) {
            accumulateGroup(row, d, base + g);
        }
        consumed[row] = col0 + len;
    }

    /** Streams a block of rows, e.g. one QK output tile. */
    public void accumulate(Matrix8 x, int row0, int col0, int rowCount, int len) {
        for (int r = 0; r < rowCount; r++) {
            accumulate(x, row0 + r, col0, len);
        }
    }

    private void accumulateGroup(int row, byte[] d, int off) {
        int c = d[off];
        for (int i = 1; i < GROUP; i++) {
            c = Math.max(c, d[off + i]);
        }
        int m = max[row];
        int s = 0;
        if (c > m) { // strictly greater: an equal max does not rescale
            s = c - m;
            m = c;
            max[row] = m;
        }
        int part = 0;
        for (int i = 0; i < GROUP; i++) {
            part += shr(ONE, m - d[off + i]); // uses the updated max
        }
        den[row] = shr(den[row], s) + part;
    }

    /** Runs the divider for a row whose columns have all been streamed. */
    public void finish(int row) {
        if (consumed[row] == 0) {
            throw new IllegalStateException("row " + row + " has no data");
        }
        // D >= 256 because the group holding the max contributes 256 >> 0, so inv <= 255.
        inv[row] = NUMERATOR / den[row];
    }

    public void finishAll() {
        for (int r = 0; r < rows(); r++) {
            finish(r);
        }
    }

    /** The uint8 probability of logit {@code x} in row {@code row}, as used by the AV step. */
    public int probability(int row, int x) {
        int i = inv[row];
        if (i < 0) {
            throw new IllegalStateException("row " + row + " is not finished");
        }
        return shr(i, max[row] - x);
    }

    /** Writes the uint8 probabilities of a block of {@code x} into the same block of {@code out}. */
    public void normalize(Matrix8 x, Matrix8 out, int row0, int col0, int rowCount, int len) {
        if (out.rows() != x.rows() || out.cols() != x.cols()) {
            throw new IllegalArgumentException("output shape differs from input shape");
        }
        byte[] src = x.data();
        byte[] dst = out.data();
        for (int r = row0; r < row0 + rowCount; r++) {
            int i = inv[r];
            if (i < 0) {
                throw new IllegalStateException("row " + r + " is not finished");
            }
            int m = max[r];
            int base = r * x.cols();
            for (int c = col0; c < col0 + len; c++) {
                dst[base + c] = (byte) shr(i, m - src[base + c]);
            }
        }
    }

    /** Final (or running) maximum of a row. */
    public int max(int row) {
        return max[row];
    }

    /** Final (or running) denominator of a row. */
    public int denominator(int row) {
        return den[row];
    }

    /** Inverse of a finished row, or -1 if the row is not finished. */
    public int inverse(int row) {
        return inv[row];
    }

    /**
     * Whole-matrix ITAmax: resets this state, streams every row, finishes it and returns the
     * uint8 probabilities. The per-row max, denominator and inverse stay readable afterwards.
     */
    public Matrix8 softmax(Matrix8 x) {
        if (x.rows() != rows()) {
            throw new IllegalArgumentException("state has " + rows() + " rows, input has "
                    + x.rows());
        }
        reset();
        accumulate(x, 0, 0, x.rows(), x.cols());
        finishAll();
        Matrix8 out = Matrix8.zeros(x.rows(), x.cols());
        normalize(x, out, 0, 0, x.rows(), x.cols());
        return out;
    }
}
