package io.socsim.config;

import static io.socsim.config.Fixtures.failing;
import static io.socsim.config.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule reports file:line:column, the full key path and the problem, on one line. */
class ValidationTest {

    @Test
    void baseFixtureIsValid() {
        SocConfig c = Fixtures.load(Fixtures.BASE);
        assertThat(c.memory().l1().orElseThrow().bankWidthBytes()).isEqualTo(4);
        assertThat(c.dma().orElseThrow().ports()).isEqualTo(4);
        assertThat(c.eventUnit().orElseThrow().waitEntryCycles()).isEqualTo(6);
    }

    @Test
    void bankCountMustBeAPowerOfTwo() {
        failing(with("banks: 16", "banks: 12"))
                .hasMessage("t.yaml:12:5: memory.l1.banks: 12 is not a power of two");
    }

    @Test
    void l1SizeMustBeAMultipleOfTheBankStripe() {
        failing(with("size: 64KiB", "size: 1000"))
                .hasMessage("t.yaml:11:5: memory.l1.size: 1000 (1000 B) is not a multiple of banks x bank_width_bytes"
                        + " = 64 B, so banks would differ in size");
    }

    @Test
    void sizesMustBePositive() {
        failing(with("size: 512KiB", "size: 0")).hasMessage("t.yaml:15:5: memory.l2.size: 0 must be positive");
        failing(with("size: 512KiB", "size: -4KiB")).hasMessage("t.yaml:15:5: memory.l2.size: -4KiB must be positive");
    }

    @Test
    void coreCountMustBeOneToSixteen() {
        failing(with("count: 8", "count: 17")).hasMessage("t.yaml:6:3: cores.count: 17 is outside 1 to 16 cores");
        failing(with("count: 8", "count: 0")).hasMessage("t.yaml:6:3: cores.count: 0 must be positive");
    }

    @Test
    void frequencyMustBePositive() {
        failing(with("frequency_mhz: 500", "frequency_mhz: 0"))
                .hasMessage("t.yaml:3:3: clock.frequency_mhz: 0.0 MHz is outside (0, 10000.0]");
        failing(with("frequency_mhz: 500", "frequency_mhz: -5"))
                .hasMessage("t.yaml:3:3: clock.frequency_mhz: -5.0 MHz is outside (0, 10000.0]");
    }

    @Test
    void voltageMustBeSane() {
        failing(with("voltage_v: 0.8", "voltage_v: 8"))
                .hasMessage("t.yaml:4:3: clock.voltage_v: 8.0 V is outside the sane range 0.3 to 1.5 V");
    }

    @Test
    void unknownKeysAreNamedWithASuggestion() {
        failing(with("banks: 16", "bankz: 16"))
                .hasMessageContaining("t.yaml:12:5: memory.l1.bankz: unknown key; did you mean 'banks'?");
        failing(with("name: t", "name: t\ncolour: blue"))
                .hasMessageStartingWith("t.yaml:2:1: colour: unknown key; expected one of: name, description");
    }

    @Test
    void missingRequiredKeysAreNamedByFullPath() {
        failing(with("    banks: 16\n", ""))
                .hasMessage("t.yaml:9:3: memory.l1.banks: required key is missing");
        failing(with("name: t\n", ""))
                .hasMessage("t.yaml:1:1: name: required key is missing");
        failing(with("  hwpe_max_stall_cycles: 8\n", ""))
                .hasMessage("t.yaml:23:1: interconnect.hwpe_max_stall_cycles: required key is missing");
    }

    @Test
    void wrongTypesAreNamed() {
        failing(with("banks: 16", "banks: sixteen"))
                .hasMessage("t.yaml:12:5: memory.l1.banks: expected an integer (decimal, 0x hex or 0b binary), got 'sixteen'");
        failing(with("banks: 16", "banks: [16]"))
                .hasMessage("t.yaml:12:5: memory.l1.banks: expected a single value, got a list");
        failing(with("voltage_v: 0.8", "voltage_v: high"))
                .hasMessage("t.yaml:4:3: clock.voltage_v: expected a number, got 'high'");
        failing(with("event_unit: {}", "event_unit: 5"))
                .hasMessage("t.yaml:28:1: event_unit: expected a section (key: value lines), got '5'");
        failing(with("size: 512KiB", "size: 512KB"))
                .hasMessage("t.yaml:15:5: memory.l2.size: unknown size unit 'KB' in '512KB'; use B, KiB, MiB or GiB");
        failing(with("hwpe_priority: accelerator", "hwpe_priority: ita"))
                .hasMessage("t.yaml:25:3: interconnect.hwpe_priority: 'ita' is not one of cores, accelerator");
        failing(with("isa: rv32imc_xpulpv2", "isa: x86"))
                .hasMessage("t.yaml:7:3: cores.isa: 'x86' is not an ISA string like rv32imc or rv32imc_xpulpv2");
    }

    @Test
    void booleansAreStrict() {
        String yaml = Fixtures.BASE + "ita: {enabled: yes}\n";
        failing(yaml).hasMessage("t.yaml:29:7: ita.enabled: expected true or false, got 'yes'");
    }

    @Test
    void listItemsArePathedByIndex() {
        String yaml = with("  isa: rv32imc_xpulpv2", "  isa: rv32imc_xpulpv2\n  timing:\n    csr_slow: [mstatus, 7up, mstatus]");
        failing(yaml).hasMessage("t.yaml:9:25: cores.timing.csr_slow[1]: '7up' is not a CSR name\n"
                + "t.yaml:9:30: cores.timing.csr_slow[2]: 'mstatus' is listed twice");
    }

    @Test
    void memoryRegionsMustNotOverlap() {
        failing(with("base: 0x1c000000", "base: 0x10008000"))
                .hasMessage("t.yaml:14:5: memory.l2: region [0x10008000, 0x10088000) overlaps memory.l1 [0x10000000, 0x10010000)");
    }

    @Test
    void regionsMustFitTheAddressSpace() {
        failing(with("base: 0x1c000000", "base: 0xfffc0000"))
                .hasMessage("t.yaml:14:5: memory.l2: region [0xfffc0000, 0x100040000) ends beyond the 32-bit address space");
        failing(with("base: 0x1c000000", "base: 0x100000000"))
                .hasMessage("t.yaml:14:5: memory.l2.base: 0x100000000 is outside the 32-bit address space");
    }

    @Test
    void peripheralWindowsMustBeInsideAndDisjoint() {
        failing(with("dma: {base: 0x10201800, size: 1KiB}", "dma: {base: 0x10200c00, size: 1KiB}"))
                .hasMessage("t.yaml:22:5: memory.peripherals.dma: window [0x10200c00, 0x10201000) overlaps "
                        + "memory.peripherals.event_unit [0x10200800, 0x10201000)");
        failing(with("dma: {base: 0x10201800, size: 1KiB}", "dma: {base: 0x10204000, size: 1KiB}"))
                .hasMessage("t.yaml:22:5: memory.peripherals.dma: window [0x10204000, 0x10204400) is not inside "
                        + "the peripheral region [0x10200000, 0x10204000)");
    }

    @Test
    void l1BaseMustStartTheInterleaving() {
        failing(with("base: 0x10000000", "base: 0x10000010"))
                .hasMessageContaining("t.yaml:10:5: memory.l1.base: 0x10000010 is not aligned to banks x bank_width_bytes = 64 B");
    }

    @Test
    void sectionsThatNeedEachOther() {
        failing(with("event_unit: {}", ""))
                .hasMessage("t.yaml:6:3: cores.count: 8 cores need an 'event_unit' section to synchronize");
        failing(with("    dma: {base: 0x10201800, size: 1KiB}\n", ""))
                .hasMessage("t.yaml:26:1: dma: the DMA needs a register window: define memory.peripherals.dma");
        String noIcn = Fixtures.BASE.replaceAll("(?s)interconnect:.*?dma: \\{}", "dma: {}");
        failing(noIcn).hasMessageContaining("memory.l1: a cluster L1 needs an 'interconnect' section");
        failing(with("  l2:\n    base: 0x1c000000\n    size: 512KiB\n    latency_cycles: 2\n    bandwidth_bytes_per_cycle: 8\n", ""))
                .hasMessage("t.yaml:8:1: memory: no memory for code and data: define memory.l2 or memory.ram");
    }

    @Test
    void itaPortMustFitTheBanks() {
        String yaml = with("    dma: {", "    ita: {base: 0x10201000, size: 1KiB}\n    dma: {") + "ita: {}\n";
        failing(yaml).hasMessage("t.yaml:30:1: ita.port_width_bits: 1024 bits span 32 adjacent banks but memory.l1.banks is 16");
        assertThat(Fixtures.load(yaml.replace("banks: 16", "banks: 32")).itaEnabled()).isTrue();
        failing(Fixtures.BASE.replace("banks: 16", "banks: 32") + "ita: {}\n")
                .hasMessage("t.yaml:29:1: ita: the ITA needs a register window: define memory.peripherals.ita");
    }

    @Test
    void bootAddressMustBeInMemory() {
        failing(with("  isa: rv32imc_xpulpv2", "  isa: rv32imc_xpulpv2\n  boot_address: 0x20000000"))
                .hasMessage("t.yaml:8:3: cores.boot_address: 0x20000000 is not inside memory.l1, memory.l2 or memory.ram");
    }

    @Test
    void weightsMustLiveInADefinedRegion() {
        failing(with("  peripherals:", "  weights_in: l3\n  peripherals:"))
                .hasMessage("t.yaml:18:3: memory.weights_in: names memory.l3, which this configuration does not define");
    }

    @Test
    void assumptionsMustNameRealKeys() {
        failing(Fixtures.BASE + "assumptions:\n  memory.l1.sise: guess\n")
                .hasMessage("t.yaml:30:3: assumptions.memory.l1.sise: names no configuration key; did you mean 'memory.l1.size'?");
        SocConfig c = Fixtures.load(Fixtures.BASE + "assumptions:\n  memory.l1.size: guess\n");
        assertThat(c.assumptions()).containsEntry("memory.l1.size", "guess");
    }

    @Test
    void duplicateKeysAndSyntaxErrorsHavePositions() {
        failing(with("banks: 16", "banks: 16\n    banks: 32"))
                .hasMessage("t.yaml:13:5: duplicate key 'banks' (first given at line 12)");
        failing(with("banks: 16", "banks: [16"))
                .hasMessageStartingWith("t.yaml:13:5: invalid YAML: while parsing a flow sequence, expected ',' or ']'");
        failing("").hasMessage("t.yaml:1:1: the configuration is empty");
        failing("- a\n- b\n").hasMessage("t.yaml:1:1: expected key: value lines at the top level, got a list");
    }

    @Test
    void severalErrorsAreReportedTogether() {
        String yaml = with("banks: 16", "banks: 12").replace("count: 8", "count: 40");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> Fixtures.load(yaml));
        assertThat(e.problems()).containsExactly(
                "t.yaml:6:3: cores.count: 40 is outside 1 to 16 cores",
                "t.yaml:12:5: memory.l1.banks: 12 is not a power of two");
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
    }

    @Test
    void userFileErrorsNameTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("my.yaml");
        java.nio.file.Files.writeString(f, with("banks: 16", "banks: 12"));
        assertThatThrownBy(() -> ConfigLoader.load(f))
                .hasMessage(f + ":12:5: memory.l1.banks: 12 is not a power of two");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.yaml"), List.of()))
                .hasMessage(dir.resolve("none.yaml") + ": no such configuration file");
    }

    // ---- Found by ConfigFuzzTest

    @Test
    void coreCountTooLargeForAnIntIsRefusedNotWrapped() {
        // was: loaded as 0 (or -1) cores
        failing(with("count: 8", "count: 0x100000000"))
                .hasMessage("t.yaml:6:3: cores.count: 4294967296 is outside 1 to 16 cores");
        failing(with("count: 8", "count: 9223372036854775807"))
                .hasMessage("t.yaml:6:3: cores.count: 9223372036854775807 is outside 1 to 16 cores");
    }

    @Test
    void missingRequiredWordIsReportedNotANullPointer() {
        // was: NullPointerException (hwpePriority)
        failing(with("  hwpe_priority: accelerator\n", ""))
                .hasMessage("t.yaml:23:1: interconnect.hwpe_priority: required key is missing");
        failing(with("  l2:\n", "  weights_in: [l2]\n  l2:\n"))
                .hasMessage("t.yaml:13:3: memory.weights_in: expected a single value, got a list");
    }

    @Test
    void missingPowerGroupIsReportedWhenTheItaIsPriced() {
        // was: IllegalArgumentException "missing power coefficient", the ITA keys made up the count
        String yaml = ConfigSource.preset("ita-cluster").text().replace("\n  interconnect:\n    access_pj:",
                "\n  interconnekt:\n    access_pj:");
        assertThat(yaml).contains("interconnekt");
        failing(yaml).hasMessageContaining(": power.interconnect: required section is missing")
                .hasMessageContaining(": power.interconnekt: unknown key; did you mean 'interconnect'?");
    }

    @Test
    void multiLineValuesStayOnTheirProblemsLine() {
        // was: a line break inside the problem, so one problem printed as two lines
        failing(with("voltage_v: 0.8", "voltage_v: \"0.8\\nV\""))
                .hasMessage("t.yaml:4:3: clock.voltage_v: expected a number, got '0.8\\nV'");
        failing(with("isa: rv32imc_xpulpv2", "isa: \"rv32\\u0007\""))
                .hasMessage("t.yaml:7:3: cores.isa: 'rv32\\u0007' is not an ISA string like rv32imc or rv32imc_xpulpv2");
    }

    @Test
    void extendsPathThatNoFileCanHaveIsReported() {
        // was: InvalidPathException
        failing("extends: \"base\\0.yaml\"\n")
                .hasMessage("t.yaml:1:1: extends: 'base\\u0000.yaml' is not a valid file path (Nul character not allowed)");
    }
}
