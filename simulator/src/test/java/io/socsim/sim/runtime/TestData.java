package io.socsim.sim.runtime;

import java.util.Random;

/** Random operands and little-endian packing shared by the runtime-on-cluster tests. */
final class TestData {

    private TestData() {
    }

    /** {@code n} bytes uniform in {@code [lo, hi)}. */
    static byte[] bytes(Random r, int n, int lo, int hi) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (lo + r.nextInt(hi - lo));
        }
        return b;
    }

    /** The words of {@code v} as little-endian bytes. */
    static byte[] ints(int[] v) {
        byte[] b = new byte[4 * v.length];
        for (int i = 0; i < v.length; i++) {
            for (int k = 0; k < 4; k++) {
                b[4 * i + k] = (byte) (v[i] >>> (8 * k));
            }
        }
        return b;
    }
}
