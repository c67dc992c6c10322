package io.socsim.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;

/** A small valid cluster configuration whose line numbers the validation tests rely on. */
final class Fixtures {

    static final String BASE = String.join("\n",
            "name: t",                                      // 1
            "clock:",                                       // 2
            "  frequency_mhz: 500",                         // 3
            "  voltage_v: 0.8",                             // 4
            "cores:",                                       // 5
            "  count: 8",                                   // 6
            "  isa: rv32imc_xpulpv2",                       // 7
            "memory:",                                      // 8
            "  l1:",                                        // 9
            "    base: 0x10000000",                         // 10
            "    size: 64KiB",                              // 11
            "    banks: 16",                                // 12
            "  l2:",                                        // 13
            "    base: 0x1c000000",                         // 14
            "    size: 512KiB",                             // 15
            "    latency_cycles: 2",                        // 16
            "    bandwidth_bytes_per_cycle: 8",             // 17
            "  peripherals:",                               // 18
            "    base: 0x10200000",                         // 19
            "    size: 16KiB",                              // 20
            "    event_unit: {base: 0x10200800, size: 2KiB}", // 21
            "    dma: {base: 0x10201800, size: 1KiB}",      // 22
            "interconnect:",                                // 23
            "  cluster_to_l2_latency_cycles: 10",           // 24
            "  hwpe_priority: accelerator",                 // 25
            "  hwpe_max_stall_cycles: 8",                   // 26
            "dma: {}",                                      // 27
            "event_unit: {}",                               // 28
            "");

    private Fixtures() {
    }

    /** The base text with one exact fragment replaced (the fragment must occur). */
    static String with(String from, String to) {
        if (!BASE.contains(from)) {
            throw new IllegalArgumentException("fixture has no '" + from + "'");
        }
        return BASE.replace(from, to);
    }

    static SocConfig load(String yaml, String... overrides) {
        return ConfigLoader.load(ConfigSource.string("t.yaml", yaml), List.of(overrides));
    }

    static AbstractThrowableAssert<?, ? extends Throwable> failing(String yaml, String... overrides) {
        return assertThatThrownBy(() -> load(yaml, overrides)).isInstanceOf(ConfigException.class);
    }
}
