package io.socsim.sim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cartesian product of the axes, in grid order: the first axis varies slowest, the last
 * fastest (as nested loops written in the axes' order), so {@code cores.count=1,2} with
 * {@code memory.l1.size=128KiB,256KiB} gives (1,128), (1,256), (2,128), (2,256).
 *
 * @param fixedOverrides configuration overrides every point shares, before the point's own
 */
public record Grid(List<Axis> axes, List<String> fixedOverrides) {

    public Grid {
        axes = List.copyOf(axes);
        fixedOverrides = List.copyOf(fixedOverrides);
    }

    public int size() {
        int n = 1;
        for (Axis a : axes) {
            n = Math.multiplyExact(n, a.values().size());
        }
        return n;
    }

    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        int n = size();
        for (int i = 0; i < n; i++) {
            Map<String, String> params = new LinkedHashMap<>();
            List<String> overrides = new ArrayList<>(fixedOverrides);
            int rest = i;
            int[] digits = new int[axes.size()];
            for (int a = axes.size() - 1; a >= 0; a--) { // mixed-radix digits, last axis fastest
                int radix = axes.get(a).values().size();
                digits[a] = rest % radix;
                rest /= radix;
            }
            for (int a = 0; a < axes.size(); a++) {
                Axis axis = axes.get(a);
                String v = axis.values().get(digits[a]);
                params.put(axis.name(), v);
                if (axis.config()) {
                    overrides.add(axis.name() + "=" + v);
                }
            }
            points.add(new Point(i, params, overrides));
        }
        return points;
    }
}
