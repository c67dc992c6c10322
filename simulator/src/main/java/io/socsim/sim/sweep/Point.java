package io.socsim.sim.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of the grid: its index in grid order and the value of every axis.
 *
 * @param index      position in grid order (0 first), which names its report file
 * @param parameters axis name to value, in axis order
 * @param overrides  the configuration overrides of this point, after the sweep's fixed ones
 */
public record Point(int index, Map<String, String> parameters, List<String> overrides) {

    public Point {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        overrides = List.copyOf(overrides);
    }

    /** The value of a workload axis, or {@code fallback} when that option is not swept. */
    public String workload(String option, String fallback) {
        return parameters.getOrDefault(option, fallback);
    }

    /** {@code cores.count=2, memory.l1.size=128KiB}: for progress lines and messages. */
    public String label() {
        List<String> parts = new ArrayList<>();
        parameters.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    /** The report file of this point, relative to the sweep folder. */
    public String reportName() {
        return String.format(java.util.Locale.ROOT, "points/%04d.json", index);
    }
}
