package io.socsim.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Cluster peripheral space: one region holding the register windows of the event unit, the DMA
 * and the ITA. Each window lies inside the region and windows do not overlap.
 */
public record PeripheralsConfig(
        long base,
        long size,
        Optional<AddressWindow> eventUnit,
        Optional<AddressWindow> dma,
        Optional<AddressWindow> ita) {

    public PeripheralsConfig {
        Objects.requireNonNull(eventUnit, "eventUnit");
        Objects.requireNonNull(dma, "dma");
        Objects.requireNonNull(ita, "ita");
    }

    public boolean contains(long address) {
        return address >= base && address - base < size;
    }
}
