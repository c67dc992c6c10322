package io.socsim.config;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole simulated system-on-chip, fully resolved: every default filled in, every value checked.
 * Build one with {@link ConfigLoader} or {@link Presets}; write it back with {@link ConfigWriter}.
 *
 * @param name         short identifier, printed in reports
 * @param description  free text
 * @param clock        cluster operating point
 * @param cores        the cluster cores and their timing
 * @param memory       the address map
 * @param interconnect TCDM and cluster-bus behaviour; absent on a system without a cluster L1
 * @param dma          the cluster DMA; absent when not modelled
 * @param eventUnit    the cluster event unit; absent when not modelled (single core, bare metal)
 * @param ita          the attention accelerator; absent when the system has none
 * @param power        energy coefficients (docs/power.md); absent when the system is not priced
 * @param assumptions  key path to the reasoning behind a value no public source pins down,
 *                     sorted by key so reports list them deterministically
 */
public record SocConfig(
        String name,
        String description,
        ClockConfig clock,
        CoresConfig cores,
        MemoryMapConfig memory,
        Optional<InterconnectConfig> interconnect,
        Optional<DmaConfig> dma,
        Optional<EventUnitConfig> eventUnit,
        Optional<ItaConfig> ita,
        Optional<PowerConfig> power,
        Map<String, String> assumptions) {

    public SocConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(cores, "cores");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(interconnect, "interconnect");
        Objects.requireNonNull(dma, "dma");
        Objects.requireNonNull(eventUnit, "eventUnit");
        Objects.requireNonNull(ita, "ita");
        Objects.requireNonNull(power, "power");
        assumptions = Collections.unmodifiableSortedMap(new TreeMap<>(assumptions));
    }

    /** True when an ITA is present and enabled. */
    public boolean itaEnabled() {
        return ita.map(ItaConfig::enabled).orElse(false);
    }
}
