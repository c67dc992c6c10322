package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socsim reproduce}: our figures beside the paper's, the energy breakdown, the sensitivity sweep. */
class ReproduceCommandTest {

    @TempDir
    Path tmp;

    @Test
    void thePapersConfigurationIsComparedWithDeviations() throws IOException {
        Path json = tmp.resolve("full.json");
        CliRunner.Result r = CliRunner.run("reproduce", "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("deviation").containsPattern("GOp/s +[0-9.]+ +154\\.0 +[+-][0-9.]+ %")
                .doesNotContain("not the paper's configuration")
                .contains("on ita-cluster at 470 MHz");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("paper_configuration").asBoolean()).isTrue();
        assertThat(j.get("differences").size()).isZero();
        for (String key : new String[] {"gops_per_s", "inferences_per_s", "power_mw", "gop_per_j"}) {
            assertThat(j.get("deviation").has(key)).as(key).isTrue();
        }
    }

    @Test
    void aPartialRunIsLabelledAndNotComparedButKeepsTheFiguresAndBreakdown() throws IOException {
        Path json = tmp.resolve("repro.json");
        CliRunner.Result r = CliRunner.run("reproduce", "--layers", "1", "--sensitivity", "--set", "memory.l1.size=128KiB",
                "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("GOp/s").contains("Inf/s").contains("power, on-chip (mW)").contains("GOp/J")
                .contains("154.0").contains("32.5").contains("52.0").contains("2960.0")
                .contains("not the paper's configuration (1 of its 24 layers; --set memory.l1.size=128KiB)")
                .contains("on ita-cluster with memory.l1.size=128KiB")
                .doesNotContain("deviation\n").doesNotContainPattern("GOp/s +[0-9.]+ +154\\.0 +[+-]")
                .contains("l3_offchip").contains("leakage").contains("clock.frequency_mhz").contains("arXiv 2408.02473");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("paper_configuration").asBoolean()).isFalse();
        assertThat(j.get("differences").toString()).contains("1 of its 24 layers").contains("--set memory.l1.size=128KiB");
        assertThat(j.get("deviation").isNull()).isTrue();
        assertThat(j.get("paper").get("gop_per_j").asDouble()).isEqualTo(2960.0);
        JsonNode run = j.get("run");
        for (String key : new String[] {"energy_j", "power_mw", "gop_per_j"}) {
            assertThat(run.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(run.get("system").get("overrides").get(0).asText()).isEqualTo("memory.l1.size=128KiB");
        assertThat(run.get("system").get("l1_bytes").asLong()).isEqualTo(128 * 1024);
        assertThat(run.get("energy").get("breakdown").has("ita")).isTrue();
        assertThat(run.get("layers").get(1).get("energy_j").asDouble()).isPositive();
        assertThat(j.get("assumptions").size()).isGreaterThan(3);
        assertThat(j.get("assumptions").get(0).get("source").asText()).isNotBlank();
    }

    @Test
    void theSensitivityTableIsSortedByTheOnChipPowerChangeItShowsWithUnits() throws IOException {
        Path json = tmp.resolve("sens.json");
        CliRunner.Result r = CliRunner.run("reproduce", "--layers", "1", "--sensitivity", "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("unit").contains("change of on-chip power (mW)").contains("change of on-chip GOp/J");
        JsonNode rows = new ObjectMapper().readTree(json.toFile()).get("sensitivity");
        assertThat(rows.size()).isGreaterThan(10);
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode row : rows) {
            double change = Math.abs(row.get("on_chip_power_change_mw").asDouble());
            assertThat(change).as(row.get("name").asText()).isLessThanOrEqualTo(previous);
            previous = change;
            assertThat(row.get("unit").asText()).isIn("pJ", "mW", "MHz");
        }
        // the printed rows come in the same order
        int at = -1;
        for (JsonNode row : rows) {
            int next = r.out().indexOf("  " + row.get("name").asText() + " ");
            assertThat(next).as(row.get("name").asText()).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void aSystemLackingTheMemoriesOrItaIsRefusedWithAReason() {
        CliRunner.Result r = CliRunner.run("reproduce", "--layers", "1", "--preset", "pulp-cluster");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("pulp-cluster has no").doesNotContain("\tat ");
    }
}
