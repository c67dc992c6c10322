package io.socsim.config;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The cluster cores: all identical, all starting at the same address (each reads its id from
 * {@code mhartid}).
 *
 * @param count       number of cores, 1 to 16
 * @param isa         ISA string in GCC {@code -march} style, e.g. {@code rv32imc_xpulpv2}
 * @param bootAddress where cores start when the program does not say (ELF entry wins); optional
 * @param timing      cycle costs of the core pipeline
 */
public record CoresConfig(int count, String isa, OptionalLong bootAddress, CoreTiming timing) {

    public CoresConfig {
        Objects.requireNonNull(isa, "isa");
        Objects.requireNonNull(bootAddress, "bootAddress");
        Objects.requireNonNull(timing, "timing");
    }
}
