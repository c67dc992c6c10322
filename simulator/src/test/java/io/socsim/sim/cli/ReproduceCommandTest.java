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
    void printsOurFiguresBesideThePapersWithDeviationsAndTheBreakdown() throws IOException {
        Path json = tmp.resolve("repro.json");
        CliRunner.Result r = CliRunner.run("reproduce", "--layers", "1", "--sensitivity", "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("GOp/s").contains("Inf/s").contains("power, on-chip (mW)").contains("GOp/J")
                .contains("154.0").contains("32.5").contains("52.0").contains("2960.0")
                .contains("l3_offchip").contains("leakage").contains("clock.frequency_mhz").contains("arXiv 2408.02473");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("paper").get("gop_per_j").asDouble()).isEqualTo(2960.0);
        for (String key : new String[] {"gops_per_s", "inferences_per_s", "power_mw", "gop_per_j"}) {
            assertThat(j.get("deviation").has(key)).as(key).isTrue();
        }
        JsonNode run = j.get("run");
        for (String key : new String[] {"energy_j", "power_mw", "gop_per_j"}) {
            assertThat(run.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(run.get("energy").get("breakdown").has("ita")).isTrue();
        assertThat(run.get("layers").get(1).get("energy_j").asDouble()).isPositive();
        assertThat(j.get("sensitivity").size()).isGreaterThan(10);
    }

    @Test
    void aSystemLackingTheMemoriesOrItaIsRefusedWithAReason() {
        CliRunner.Result r = CliRunner.run("reproduce", "--layers", "1", "--preset", "pulp-cluster");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("pulp-cluster has no").doesNotContain("\tat ");
    }
}
