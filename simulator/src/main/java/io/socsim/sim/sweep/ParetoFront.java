package io.socsim.sim.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The points no other point beats in both coordinates (both to be maximised), by increasing x. */
final class ParetoFront {

    private ParetoFront() {
    }

    static List<Integer> of(double[] x, double[] y) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            boolean dominated = false;
            for (int j = 0; j < x.length && !dominated; j++) {
                dominated = j != i && x[j] >= x[i] && y[j] >= y[i] && (x[j] > x[i] || y[j] > y[i]);
            }
            if (!dominated) {
                front.add(i);
            }
        }
        front.sort(Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingInt(i -> i));
        return front;
    }
}
