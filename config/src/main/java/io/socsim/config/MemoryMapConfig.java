package io.socsim.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The address map. A cluster system has L1 (TCDM), L2 and usually peripherals; a bare-metal
 * system has only {@code ram}. Regions never overlap (checked when loading).
 *
 * @param l1          shared, word-interleaved cluster memory
 * @param l2          on-chip SoC memory
 * @param l3          off-chip memory (reached through the DMA; its energy is reported apart)
 * @param ram         a plain single-cycle RAM for bare-metal programs
 * @param peripherals memory-mapped register windows of the cluster peripherals
 * @param weightsIn   which region holds the model weights: {@code l1}, {@code l2}, {@code l3}
 *                    or {@code ram}; absent when the system does not decide it
 */
public record MemoryMapConfig(
        Optional<TcdmConfig> l1,
        Optional<MemoryConfig> l2,
        Optional<MemoryConfig> l3,
        Optional<MemoryConfig> ram,
        Optional<PeripheralsConfig> peripherals,
        Optional<String> weightsIn) {

    public MemoryMapConfig {
        Objects.requireNonNull(l1, "l1");
        Objects.requireNonNull(l2, "l2");
        Objects.requireNonNull(l3, "l3");
        Objects.requireNonNull(ram, "ram");
        Objects.requireNonNull(peripherals, "peripherals");
        Objects.requireNonNull(weightsIn, "weightsIn");
    }
}
