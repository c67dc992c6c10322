package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import io.socsim.ita.math.Activation;
import io.socsim.ita.testdata.ItaGoldenVectors;
import io.socsim.workloads.ita.ItaJobProgram;
import io.socsim.workloads.ita.ItaJobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs on the cluster cores that drive ITA through its registers: core 0 programs a job,
 * sleeps on its completion, and checks the output in L1 against the expected bytes.
 */
class ItaOnClusterTest {

    private static final SocConfig SOC = Presets.load("ita-cluster");
    private static final Path GOLDEN = ItaGoldenVectors.directory();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private JsonNode run(ItaJobProgram program, String name) throws IOException {
        Path elf = Files.write(tmp.resolve(name + ".elf"), program.elf());
        Path json = tmp.resolve(name + ".json");
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", "ita-cluster", "--json", json.toString(), "--quiet");
        assertThat(r.out()).as(r.err()).isEqualTo("ita: ok\n");
        assertThat(r.exitCode()).isZero();
        return JSON.readTree(json.toFile());
    }

    @Test
    void coresProgramOneAttentionHeadAndFindItsOutputInL1() throws IOException {
        JsonNode report = run(new ItaJobProgram(ItaJobSpec.attention(128, 128, 32), SOC), "head");
        JsonNode ita = report.get("ita");
        assertThat(ita.get("jobs").asLong()).isOne();
        assertThat(ita.get("macs").asLong()).isEqualTo(3L * 128 * 128 * 32 + 2L * 128 * 128 * 32 + 128L * 32 * 128);
        assertThat(ita.get("utilisation").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void headBuiltFromTheAuthorsGoldenFileChecksAgainstTheirOutput() throws IOException {
        run(ItaJobProgram.fromGolden(GOLDEN.resolve("attention_S64_E64_P64_H1_seed0.txt"), 0, SOC, 8, false), "golden");
    }

    @Test
    void linearLayersWithEachActivationAreExact() throws IOException {
        for (Activation act : Activation.values()) {
            run(new ItaJobProgram(ItaJobSpec.linear(128, 512, 128, act), SOC), "linear-" + act);
        }
        run(new ItaJobProgram(ItaJobSpec.linear(40, 72, 24, Activation.IDENTITY), SOC), "odd");
    }

    @Test
    void coresHammeringL1SlowTheAcceleratorMeasurably() throws IOException {
        JsonNode quiet = run(new ItaJobProgram(ItaJobSpec.attention(128, 128, 32), SOC), "quiet").get("ita");
        JsonNode busy = run(new ItaJobProgram(ItaJobSpec.attention(128, 128, 32).withHammer(true), SOC), "busy").get("ita");
        assertThat(busy.get("busy_cycles").asLong()).isGreaterThan(quiet.get("busy_cycles").asLong());
        assertThat(busy.get("port_denied_cycles").asLong()).isPositive();
        assertThat(busy.get("utilisation").asDouble()).isLessThan(quiet.get("utilisation").asDouble());
    }
}
