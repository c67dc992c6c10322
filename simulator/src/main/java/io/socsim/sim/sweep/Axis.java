package io.socsim.sim.sweep;

import java.util.List;

/**
 * One swept dimension: a configuration key ({@code --set cores.count=1,2,4}) or a workload option
 * ({@code --layers 1,2}), with its values in the order given.
 *
 * @param name   the key ({@code cores.count}) or the option without dashes ({@code layers})
 * @param config true for a configuration key (applied as {@code --set name=value}), false for a workload option
 * @param values the values, as typed
 */
public record Axis(String name, boolean config, List<String> values) {

    public Axis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("axis " + name + " has no values");
        }
    }
}
