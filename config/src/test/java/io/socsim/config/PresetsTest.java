package io.socsim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PresetsTest {

    static java.util.List<String> names() {
        return Presets.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyPresetLoadsAndRoundTrips(String name) {
        SocConfig c = Presets.load(name);
        assertThat(c.name()).isEqualTo(name);
        String dump = ConfigWriter.toYaml(c);
        assertThat(ConfigLoader.loadString(name + "-resolved.yaml", dump)).isEqualTo(c);
        assertThat(ConfigWriter.toYaml(Presets.load(name))).isEqualTo(dump);
    }

    @Test
    void rv32BareIsOneCoreWithRamAndNothingElse() {
        SocConfig c = Presets.load("rv32-bare");
        assertThat(c.cores().count()).isEqualTo(1);
        assertThat(c.memory().ram().orElseThrow().base()).isEqualTo(0x8000_0000L);
        assertThat(c.memory().ram().orElseThrow().size()).isGreaterThanOrEqualTo(1 << 20);
        assertThat(c.memory().l1()).isEmpty();
        assertThat(c.memory().peripherals()).isEmpty();
        assertThat(c.dma()).isEmpty();
        assertThat(c.eventUnit()).isEmpty();
        assertThat(c.itaEnabled()).isFalse();
        assertThat(c.cores().timing()).isEqualTo(CoreTiming.RI5CY);
    }

    @Test
    void pulpClusterHasRtlDefaults() {
        SocConfig c = Presets.load("pulp-cluster");
        assertThat(c.cores().count()).isEqualTo(8);
        TcdmConfig l1 = c.memory().l1().orElseThrow();
        assertThat(l1.banks()).isEqualTo(16);
        assertThat(l1.bankWidthBytes()).isEqualTo(4);
        DmaConfig d = c.dma().orElseThrow();
        assertThat(d.ports()).isEqualTo(4);
        assertThat(d.portWidthBytes()).isEqualTo(4);
        assertThat(d.maxBurstBytes()).isEqualTo(256);
        assertThat(d.perCoreQueueDepth()).isEqualTo(2);
        assertThat(d.sharedQueueDepth()).isEqualTo(8);
        assertThat(d.outstandingReads()).isEqualTo(8);
        assertThat(d.outstandingWrites()).isEqualTo(8);
        assertThat(d.l2BandwidthBytesPerCycle()).isEqualTo(8);
        assertThat(c.eventUnit().orElseThrow()).isEqualTo(new EventUnitConfig(6, 2));
        assertThat(c.ita()).isEmpty();
        assertThat(c.assumptions()).containsKey("memory.l1.size");
    }

    @Test
    void itaClusterIsThePapersSystemWithLabelledAssumptions() {
        SocConfig c = Presets.load("ita-cluster");
        assertThat(c.clock().voltageV()).isEqualTo(0.65);
        assertThat(c.clock().frequencyMhz()).isEqualTo(470.0);
        ItaConfig ita = c.ita().orElseThrow();
        assertThat(c.itaEnabled()).isTrue();
        assertThat(ita.peakMacsPerCycle()).isEqualTo(1024);
        assertThat(ita.tileComputeCycles()).isEqualTo(256);
        assertThat(ita).isEqualTo(new ItaConfig(true, 16, 64, 64, 1024, 7, 12, 10, 16, 4));
        assertThat(c.memory().weightsIn()).contains("l3");
        assertThat(c.assumptions()).containsKeys("clock.frequency_mhz", "memory.l1.size", "memory.l1.banks",
                "memory.l2.size", "memory.l3.size", "dma.l2_bandwidth_bytes_per_cycle", "memory.weights_in");
    }

    @Test
    void unknownPresetListsTheAvailableOnes() {
        assertThatThrownBy(() -> Presets.load("ita-clustr"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown preset 'ita-clustr'; did you mean 'ita-cluster'? "
                        + "available presets: ita-cluster, pulp-cluster, rv32-bare");
        assertThatThrownBy(() -> Presets.load("snitch"))
                .hasMessage("unknown preset 'snitch'; available presets: ita-cluster, pulp-cluster, rv32-bare");
    }
}
