package io.socsim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WriterTest {

    @Test
    void dumpIsCompleteAndStable() {
        String dump = ConfigWriter.toYaml(Presets.load("pulp-cluster"));
        assertThat(dump).startsWith("# socsim resolved configuration");
        assertThat(dump).contains("\n  l1:\n    base: 0x10000000\n    size: 64KiB\n    banks: 16\n");
        // Defaults are written out, so the dump does not depend on future default changes.
        assertThat(dump).contains("    mulh_cycles: 5\n").contains("    csr_slow: [\"mstatus\", ");
        assertThat(dump.indexOf("\nclock:")).isLessThan(dump.indexOf("\ncores:"));
        assertThat(dump.indexOf("\nmemory:")).isLessThan(dump.indexOf("\ninterconnect:"));
    }

    @Test
    void awkwardStringsRoundTrip() {
        SocConfig c = ConfigLoader.load(ConfigSource.preset("rv32-bare"),
                List.of("name=\"yes\"", "description=\"a \\\"quoted\\\" \\\\ line\\nand a tab\\t\""));
        assertThat(c.name()).isEqualTo("yes");
        SocConfig back = ConfigLoader.loadString("dump.yaml", ConfigWriter.toYaml(c));
        assertThat(back).isEqualTo(c);
        assertThat(back.description()).isEqualTo("a \"quoted\" \\ line\nand a tab\t");
    }

    @Test
    void overriddenConfigRoundTrips() {
        SocConfig c = ConfigLoader.load(ConfigSource.preset("ita-cluster"),
                List.of("clock.frequency_mhz=333.3", "memory.l2.size=1536KiB", "memory.l1.size=100096", "memory.l1.banks=32"));
        assertThat(ConfigLoader.loadString("dump.yaml", ConfigWriter.toYaml(c))).isEqualTo(c);
    }
}
