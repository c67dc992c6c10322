package io.socsim.workloads.mobilebert;

import io.socsim.ita.math.Matrix8;

/** Value statistics of one int8 tensor: how much of it the requantisation clipped or collapsed. */
record Health(double saturated, int distinct, double zeros) {

    static Health of(Matrix8 m) {
        boolean[] seen = new boolean[256];
        long sat = 0;
        long zero = 0;
        for (byte b : m.data()) {
            seen[b & 0xFF] = true;
            if (b == 127 || b == -128) {
                sat++;
            }
            if (b == 0) {
                zero++;
            }
        }
        int d = 0;
        for (boolean s : seen) {
            d += s ? 1 : 0;
        }
        double n = m.data().length;
        return new Health(sat / n, d, zero / n);
    }
}
