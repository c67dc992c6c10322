package io.socsim.ita.golden;

import java.util.Locale;

/** Bit-for-bit comparison of a computed tensor with a golden one, with a locating message. */
final class TensorCheck {

    private TensorCheck() {
    }

    static void assertSame(GoldenTensor expected, int rows, int cols, int[] actual) {
        if (expected.rows() != rows || expected.cols() != cols) {
            throw new AssertionError(String.format(Locale.ROOT,
                    "%s: shape %dx%d expected, computed %dx%d", expected.where(),
                    expected.rows(), expected.cols(), rows, cols));
        }
        int[] e = expected.data();
        int mismatches = 0;
        int first = -1;
        for (int i = 0; i < e.length; i++) {
            if (e[i] != actual[i]) {
                if (first < 0) {
                    first = i;
                }
                mismatches++;
            }
        }
        if (mismatches > 0) {
            int r = first / cols;
            int c = first % cols;
            throw new AssertionError(String.format(Locale.ROOT,
                    "%s: %d of %d values differ; first at [%d][%d] (line %d): expected %d, "
                            + "computed %d",
                    expected.where(), mismatches, e.length, r, c, expected.line() + 1 + r,
                    e[first], actual[first]));
        }
    }
}
