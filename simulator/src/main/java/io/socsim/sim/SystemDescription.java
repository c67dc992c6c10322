package io.socsim.sim;

import io.socsim.config.SocConfig;
import io.socsim.config.TcdmConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system a run used, as the user chose it (a preset or a configuration file, then the
 * {@code --set} overrides in order) and as it resolved (the key parameters), for report headers
 * and the {@code system} record of the JSON report.
 *
 * @param preset     the preset named or defaulted to, or null when a configuration file was given
 * @param configFile the configuration file as given, or null
 * @param overrides  the {@code --set KEY=VALUE} overrides, in the order given
 * @param soc        the resolved configuration
 */
public record SystemDescription(String preset, String configFile, List<String> overrides, SocConfig soc) {

    public SystemDescription {
        overrides = List.copyOf(overrides);
    }

    /** A system known only by its resolved configuration (library callers): its name as the preset. */
    public static SystemDescription of(SocConfig soc) {
        return new SystemDescription(soc.name(), null, List.of(), soc);
    }

    /** True when the system is the named preset exactly, without a file or overrides. */
    public boolean isPreset(String name) {
        return name.equals(preset) && configFile == null && overrides.isEmpty();
    }

    /** How the system was chosen, for headers: {@code ita-cluster}, {@code ita-cluster with cores.count=16}, {@code my.yaml (...)}. */
    public String label() {
        String base = configFile != null ? "config " + configFile + " ('" + soc.name() + "')" : preset;
        return overrides.isEmpty() ? base : base + " with " + String.join(", ", overrides);
    }

    /** The JSON {@code system} record (docs/report.md). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", soc.name());
        m.put("preset", preset);
        m.put("config_file", configFile);
        m.put("overrides", overrides);
        m.put("label", label());
        m.put("cores", soc.cores().count());
        TcdmConfig l1 = soc.memory().l1().orElse(null);
        m.put("l1_bytes", l1 == null ? null : l1.size());
        m.put("l1_banks", l1 == null ? null : l1.banks());
        m.put("clock_mhz", soc.clock().frequencyMhz());
        m.put("voltage_v", soc.clock().voltageV());
        m.put("ita", soc.itaEnabled());
        return m;
    }
}
