package io.socsim.config;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the {@code power:} section. Each coefficient is a section {@code {value, source}} with an
 * optional {@code range: [low, high]}; a bare number is refused so no value can lose its source.
 */
final class PowerMapper {

    static final String SHAPE = "{value: <number>, source: <text>}";
    private static final double MIN_VOLTAGE = 0.3;
    private static final double MAX_VOLTAGE = 1.5;

    private PowerMapper() {
    }

    /** The mapped section; values with problems are recorded and replaced by zero. */
    static PowerConfig map(Section s) {
        double vref = s.decimal("reference_voltage_v", null);
        if (!Double.isNaN(vref) && (vref < MIN_VOLTAGE || vref > MAX_VOLTAGE)) {
            s.error("reference_voltage_v", Values.formatDecimal(vref) + " V is outside the sane range "
                    + Values.formatDecimal(MIN_VOLTAGE) + " to " + Values.formatDecimal(MAX_VOLTAGE) + " V");
        }
        Map<PowerConfig.Key, PowerConfig.Coefficient> out = new EnumMap<>(PowerConfig.Key.class);
        for (PowerConfig.Group g : PowerConfig.Group.values()) {
            // ITA is optional: a system without the accelerator does not price it.
            Optional<Section> group = g == PowerConfig.Group.ITA
                    ? s.section(g.yamlName()) : s.requiredSection(g.yamlName());
            group.ifPresent(gs -> {
                for (PowerConfig.Key k : PowerConfig.Key.values()) {
                    if (k.group() == g) {
                        out.put(k, coefficient(gs, k.yamlName()));
                    }
                }
                gs.finish();
            });
        }
        s.finish();
        // Count keys, not entries: a present ITA group must not make up for a missing other group.
        boolean complete = Arrays.stream(PowerConfig.Key.values())
                .allMatch(k -> k.group() == PowerConfig.Group.ITA || out.containsKey(k));
        if (Double.isNaN(vref) || !complete) {
            return null;
        }
        return new PowerConfig(vref, out);
    }

    private static PowerConfig.Coefficient coefficient(Section group, String key) {
        Optional<Section> cs = group.requiredSection(key, SHAPE);
        if (cs.isEmpty()) {
            return PowerConfig.Coefficient.of(0, "");
        }
        Section c = cs.get();
        double value = c.decimal("value", null);
        if (!Double.isNaN(value) && value < 0) {
            c.error("value", Values.formatDecimal(value) + " must not be negative");
        }
        String source = c.text("source", null).strip();
        if (c.has("source") && source.isEmpty()) {
            c.error("source", "must name the source (paper, datasheet, CACTI, GVSoC) or read 'ASSUMPTION: reasoning'");
        } else if (PowerConfig.Coefficient.isAssumption(source)
                && source.substring(PowerConfig.ASSUMPTION.length()).replaceAll("[\\s:;,.-]", "").isEmpty()) {
            c.error("source", "ASSUMPTION must be followed by its reasoning");
        }
        Optional<PowerConfig.Range> range = c.decimals("range").flatMap(r -> range(c, r, value));
        c.finish();
        return new PowerConfig.Coefficient(Double.isNaN(value) ? 0 : value, source, range);
    }

    private static Optional<PowerConfig.Range> range(Section c, List<Double> r, double value) {
        if (r.size() != 2) {
            c.error("range", "expected two numbers [low, high], got " + r.size());
            return Optional.empty();
        }
        double lo = r.get(0);
        double hi = r.get(1);
        if (lo < 0 || lo > hi) {
            c.error("range", "[" + Values.formatDecimal(lo) + ", " + Values.formatDecimal(hi)
                    + "] must satisfy 0 <= low <= high");
            return Optional.empty();
        }
        if (!Double.isNaN(value) && (value < lo || value > hi)) {
            c.error("range", "[" + Values.formatDecimal(lo) + ", " + Values.formatDecimal(hi)
                    + "] does not contain the value " + Values.formatDecimal(value));
            return Optional.empty();
        }
        return Optional.of(new PowerConfig.Range(lo, hi));
    }
}
