package io.socsim.config;

import static io.socsim.config.Fixtures.failing;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** The power section: every coefficient sourced, strict values, file:line: key.path messages. */
class PowerConfigTest {

    /** A complete power section (no ITA): every coefficient 1.0 with a test source. */
    static String powerYaml() {
        StringJoiner y = new StringJoiner("\n", "", "\n");
        y.add("power:").add("  reference_voltage_v: 0.8");
        PowerConfig.Group open = null;
        for (PowerConfig.Key k : PowerConfig.Key.values()) {
            if (k.group() == PowerConfig.Group.ITA) {
                continue;
            }
            if (k.group() != open) {
                open = k.group();
                y.add("  " + open.yamlName() + ":");
            }
            y.add("    " + k.yamlName() + ": {value: 1.0, source: \"CACTI 7.0, test\"}");
        }
        return y.toString();
    }

    static String yaml(String from, String to) {
        String all = Fixtures.BASE + powerYaml();
        if (!all.contains(from)) {
            throw new IllegalArgumentException("no '" + from + "'");
        }
        return all.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    /** "t.yaml:line:col" of the first occurrence of {@code fragment} in {@code text}, 1-based. */
    static String at(String text, String fragment) {
        int i = text.indexOf(fragment);
        int line = (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count() + 1;
        int col = i - text.lastIndexOf('\n', i - 1);
        return "t.yaml:" + line + ":" + col;
    }

    @Test
    void aCompleteSectionLoads() {
        SocConfig c = Fixtures.load(Fixtures.BASE + powerYaml());
        PowerConfig p = c.power().orElseThrow();
        assertThat(p.referenceVoltageV()).isEqualTo(0.8);
        assertThat(p.hasIta()).isFalse();
        assertThat(p.value(PowerConfig.Key.L1_READ)).isEqualTo(1.0);
        assertThat(p.assumptions()).isEmpty();
        assertThat(Fixtures.load(Fixtures.BASE).power()).isEmpty();
    }

    @Test
    void aMissingSourceIsNamedByPath() {
        String y = yaml("alu_pj: {value: 1.0, source: \"CACTI 7.0, test\"}", "alu_pj: {value: 1.0}");
        failing(y).hasMessage(at(y, "alu_pj") + ": power.core.alu_pj.source: required key is missing");
    }

    @Test
    void aBareNumberIsRefusedSoNoValueLosesItsSource() {
        String y = yaml("alu_pj: {value: 1.0, source: \"CACTI 7.0, test\"}", "alu_pj: 4.2");
        failing(y).hasMessage(at(y, "alu_pj") + ": power.core.alu_pj: expected {value: <number>, source: <text>}, got '4.2'");
    }

    @Test
    void anAssumptionMustGiveItsReasoning() {
        String y = yaml("source: \"CACTI 7.0, test\"}", "source: \"ASSUMPTION:\"}");
        failing(y).hasMessage(at(y, "source: \"ASSUMPTION") + ": power.core.alu_pj.source: ASSUMPTION must be followed by its reasoning");
        String blank = yaml("source: \"CACTI 7.0, test\"}", "source: \" \"}");
        failing(blank).hasMessageStartingWith(at(blank, "source: \" \"") + ": power.core.alu_pj.source: must name the source");
    }

    @Test
    void negativeEnergiesAreRefused() {
        String y = yaml("read_pj: {value: 1.0", "read_pj: {value: -2");
        failing(y).hasMessage(at(y, "value: -2") + ": power.l1.read_pj.value: -2.0 must not be negative");
    }

    @Test
    void unknownKeysAreNamedWithASuggestion() {
        String y = yaml("read_pj: {value: 1.0,", "read_pj: {value: 1.0, sorce: x,");
        failing(y).hasMessage(at(y, "sorce") + ": power.l1.read_pj.sorce: unknown key; did you mean 'source'?");
        String g = yaml("    read_pj:", "    raed_pj: {value: 1.0, source: x}\n    read_pj:");
        failing(g).hasMessage(at(g, "raed_pj") + ": power.l1.raed_pj: unknown key; did you mean 'read_pj'?");
    }

    @Test
    void aMissingGroupOrVoltageIsReported() {
        String y = yaml("  reference_voltage_v: 0.8\n", "");
        failing(y).hasMessage(at(y, "power:") + ": power.reference_voltage_v: required key is missing");
        String v = yaml("reference_voltage_v: 0.8", "reference_voltage_v: 3");
        failing(v).hasMessage(at(v, "reference_voltage_v") + ": power.reference_voltage_v: 3.0 V is outside the sane range 0.3 to 1.5 V");
    }

    @Test
    void rangesMustBeOrderedAndContainTheValue() {
        String y = yaml("read_pj: {value: 1.0,", "read_pj: {value: 1.0, range: [2, 3],");
        failing(y).hasMessage(at(y, "range") + ": power.l1.read_pj.range: [2.0, 3.0] does not contain the value 1.0");
        String o = yaml("read_pj: {value: 1.0,", "read_pj: {value: 1.0, range: [3, 0.5],");
        failing(o).hasMessage(at(o, "range") + ": power.l1.read_pj.range: [3.0, 0.5] must satisfy 0 <= low <= high");
        String t = yaml("read_pj: {value: 1.0,", "read_pj: {value: 1.0, range: [0.5, x],");
        failing(t).hasMessage(at(t, "x]") + ": power.l1.read_pj.range[1]: expected a number, got 'x'");
        PowerConfig p = Fixtures.load(yaml("read_pj: {value: 1.0,", "read_pj: {value: 1.0, range: [0.5, 4],"))
                .power().orElseThrow();
        assertThat(p.coefficient(PowerConfig.Key.L1_READ).sweepRange()).isEqualTo(new PowerConfig.Range(0.5, 4));
        assertThat(p.coefficient(PowerConfig.Key.L1_WRITE).sweepRange()).isEqualTo(new PowerConfig.Range(0.5, 1.5));
    }

    @Test
    void anEnabledItaMustBePriced() {
        String y = Fixtures.BASE.replace("banks: 16", "banks: 32")
                .replace("    dma: {", "    ita: {base: 0x10201000, size: 1KiB}\n    dma: {") + "ita: {}\n" + powerYaml();
        failing(y).hasMessage(at(y, "power:") + ": power: the system has an enabled ITA: define power.ita to price it");
    }

    @Test
    void powerKeysMayCarryTopLevelAssumptions() {
        SocConfig c = Fixtures.load(Fixtures.BASE + powerYaml() + "assumptions:\n  power.l1.read_pj: a note\n");
        assertThat(c.assumptions()).containsEntry("power.l1.read_pj", "a note");
    }

    @Test
    void overridesReachCoefficients() {
        SocConfig c = Fixtures.load(Fixtures.BASE + powerYaml(), "power.l2.byte_pj.value=2.5",
                "power.l2.byte_pj.range=[1, 4]");
        PowerConfig.Coefficient b = c.power().orElseThrow().coefficient(PowerConfig.Key.L2_BYTE);
        assertThat(b.value()).isEqualTo(2.5);
        assertThat(b.range()).contains(new PowerConfig.Range(1, 4));
        SocConfig s = Fixtures.load(Fixtures.BASE + powerYaml(), "power.l2.byte_pj.source=\"ASSUMPTION: halved\"");
        assertThat(s.power().orElseThrow().assumptions()).containsEntry("power.l2.byte_pj", "ASSUMPTION: halved");
    }

    @Test
    void writerRoundTripKeepsThePowerSection() {
        SocConfig c = Fixtures.load(yaml("read_pj: {value: 1.0, source: \"CACTI 7.0, test\"",
                "read_pj: {value: 1.39, source: \"ASSUMPTION: a \\\"quoted\\\" reason\", range: [0.5, 2.25]"));
        String dump = ConfigWriter.toYaml(c);
        assertThat(dump).contains("\npower:\n  reference_voltage_v: 0.8\n  core:\n    alu_pj:\n      value: 1.0\n");
        SocConfig back = ConfigLoader.loadString("dump.yaml", dump);
        assertThat(back).isEqualTo(c);
        assertThat(back.power().orElseThrow().coefficient(PowerConfig.Key.L1_READ).range())
                .contains(new PowerConfig.Range(0.5, 2.25));
        for (String preset : List.of("ita-cluster", "pulp-cluster")) {
            SocConfig p = Presets.load(preset);
            assertThat(ConfigLoader.loadString(preset + ".yaml", ConfigWriter.toYaml(p))).isEqualTo(p);
        }
    }

    @Test
    void everyPresetCoefficientHasASource() throws IOException {
        for (String preset : List.of("ita-cluster", "pulp-cluster")) {
            PowerConfig p = Presets.load(preset).power().orElseThrow();
            assertThat(p.coefficients()).hasSize(PowerConfig.Key.values().length
                    - (p.hasIta() ? 0 : (int) PowerConfig.Key.count(PowerConfig.Group.ITA)));
            for (Map.Entry<PowerConfig.Key, PowerConfig.Coefficient> e : p.coefficients().entrySet()) {
                String src = e.getValue().source();
                assertThat(src).as(preset + " " + e.getKey().path()).isNotBlank();
                // Either a named source or an ASSUMPTION with its reasoning.
                assertThat(e.getValue().isAssumption()
                        ? src.length() > 40
                        : src.matches("(?s).*(CACTI|ISLPED|GVSoC|platform\\.md|datasheet|arXiv).*"))
                        .as(preset + " " + e.getKey().path() + ": " + src).isTrue();
            }
            // The preset text itself: one source line per value line under power.
            String text = presetText(preset);
            String power = text.substring(text.indexOf("\npower:"), text.indexOf("\nassumptions:"));
            assertThat(count(power, "\n      source:")).isEqualTo(count(power, "\n      value:"))
                    .isEqualTo(p.coefficients().size());
        }
        assertThat(Presets.load("ita-cluster").power().orElseThrow().hasIta()).isTrue();
        assertThat(Presets.load("rv32-bare").power()).isEmpty();
    }

    private static String presetText(String name) throws IOException {
        try (InputStream in = PowerConfigTest.class.getResourceAsStream("/presets/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
