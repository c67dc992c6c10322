package io.socsim.config;

import static io.socsim.config.Fixtures.failing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesTest {

    private static SocConfig preset(String name, String... overrides) {
        return ConfigLoader.load(ConfigSource.preset(name), List.of(overrides));
    }

    @Test
    void overridesReplaceValuesWithTheFileRules() {
        SocConfig c = preset("ita-cluster", "memory.l1.size=128KiB", "cores.count=4", "clock.frequency_mhz=500",
                "memory.l2.base=0x1c000000", "cores.timing.csr_slow=[mstatus, mepc]");
        assertThat(c.memory().l1().orElseThrow().size()).isEqualTo(128 * 1024);
        assertThat(c.cores().count()).isEqualTo(4);
        assertThat(c.clock().frequencyMhz()).isEqualTo(500.0);
        assertThat(c.cores().timing().csrSlow()).containsExactly("mstatus", "mepc");
        assertThat(c.cores().timing().mulhCycles()).isEqualTo(5);
    }

    @Test
    void overridingAnAssumedValueDropsItsAssumption() {
        SocConfig c = preset("ita-cluster", "memory.l1.size=128KiB");
        assertThat(c.assumptions()).doesNotContainKey("memory.l1.size").containsKey("memory.l1.banks");
        SocConfig noL3 = preset("ita-cluster", "memory.l3=", "memory.weights_in=l2");
        assertThat(noL3.memory().l3()).isEmpty();
        assertThat(noL3.assumptions()).doesNotContainKeys("memory.l3.size", "memory.weights_in");
    }

    @Test
    void overridesCanAddSectionsAndRemoveThem() {
        SocConfig c = preset("pulp-cluster", "ita.enabled=false");
        assertThat(c.ita()).isPresent();
        assertThat(c.itaEnabled()).isFalse();
        SocConfig bare = preset("rv32-bare", "cores.timing.mulh_cycles=4");
        assertThat(bare.cores().timing().mulhCycles()).isEqualTo(4);
        assertThatThrownBy(() -> preset("ita-cluster", "memory.l3="))
                .hasMessage("ita-cluster.yaml:47:3: memory.weights_in: names memory.l3, which this configuration does not define");
    }

    @Test
    void unknownOverridePathSuggestsTheClosestKey() {
        assertThatThrownBy(() -> preset("ita-cluster", "memory.l1.bankz=32"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--set memory.l1.bankz=32: memory.l1.bankz: unknown key; did you mean 'banks'?");
        assertThatThrownBy(() -> preset("ita-cluster", "memroy.l1.banks=32"))
                .hasMessageContaining("--set memroy.l1.banks=32: memroy: unknown key; did you mean 'memory'?");
    }

    @Test
    void overrideValuesAreValidatedWithTheirOrigin() {
        assertThatThrownBy(() -> preset("ita-cluster", "memory.l1.banks=12"))
                .hasMessage("--set memory.l1.banks=12: memory.l1.banks: 12 is not a power of two");
        assertThatThrownBy(() -> preset("ita-cluster", "memory.l1.size=lots"))
                .hasMessage("--set memory.l1.size=lots: memory.l1.size: expected a size such as 4096, 0x1000, 256KiB or 1MiB, got 'lots'");
    }

    @Test
    void malformedOverrides() {
        failing(Fixtures.BASE, "memory.l1.banks")
                .hasMessage("--set memory.l1.banks: expected key.path=value");
        failing(Fixtures.BASE, "clock.voltage_v.min=0.5")
                .hasMessage("--set clock.voltage_v.min=0.5: clock.voltage_v.min: clock.voltage_v holds a value, "
                        + "not a section, so it has no key 'min'");
        failing(Fixtures.BASE, "memory..banks=4")
                .hasMessage("--set memory..banks=4: memory..banks: empty key in the path");
        failing(Fixtures.BASE, "extends=rv32-bare")
                .hasMessage("--set extends=rv32-bare: extends: extends cannot be overridden; use a file that extends the base");
    }

    @Test
    void userFileExtendsAPreset(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, "extends: ita-cluster\nname: mine\nmemory:\n  l1:\n    size: 128KiB\n"
                + "assumptions:\n  memory.l1.size: halved to study tiling\n");
        SocConfig c = ConfigLoader.load(f, List.of("cores.count=2"));
        SocConfig base = Presets.load("ita-cluster");
        assertThat(c.name()).isEqualTo("mine");
        assertThat(c.memory().l1().orElseThrow().size()).isEqualTo(128 * 1024);
        assertThat(c.memory().l1().orElseThrow().banks()).isEqualTo(32);
        assertThat(c.cores().count()).isEqualTo(2);
        assertThat(c.ita()).isEqualTo(base.ita());
        assertThat(c.assumptions()).containsEntry("memory.l1.size", "halved to study tiling");
    }

    @Test
    void extendsKeepsChildPositionsAndDropsStaleAssumptions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, "extends: ita-cluster\nmemory:\n  l1:\n    banks: 24\n");
        assertThatThrownBy(() -> ConfigLoader.load(f))
                .hasMessage(f + ":4:5: memory.l1.banks: 24 is not a power of two");
        Files.writeString(f, "extends: ita-cluster\nmemory:\n  l1:\n    banks: 64\n");
        assertThat(ConfigLoader.load(f).assumptions()).doesNotContainKey("memory.l1.banks").containsKey("memory.l1.size");
    }

    @Test
    void extendsAFileAndDetectsCycles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\nname: a\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: pulp-cluster\ncores:\n  count: 4\n");
        SocConfig a = ConfigLoader.load(dir.resolve("a.yaml"));
        assertThat(a.name()).isEqualTo("a");
        assertThat(a.cores().count()).isEqualTo(4);
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("a.yaml")))
                .hasMessageContaining("extends: cycle");
        Files.writeString(dir.resolve("c.yaml"), "extends: ita-clustr\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("c.yaml")))
                .hasMessage(dir.resolve("c.yaml") + ":1:1: extends: unknown preset 'ita-clustr'; did you mean "
                        + "'ita-cluster'? available presets: ita-cluster, pulp-cluster, rv32-bare");
    }
}
