package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socsim run mobilebert} and {@code socsim compile mobilebert} through the command line. */
class MobileBertCommandTest {

    @TempDir
    Path tmp;

    @Test
    void runPrintsTheVerdictAndWritesTheReportKeys() throws IOException {
        Path json = tmp.resolve("mb.json");
        CliRunner.Result r = CliRunner.run("run", "mobilebert", "--layers", "1", "--seq", "64", "--json", json.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("matches the golden model bit for bit").contains("GOp/s").contains("Inf/s");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        for (String key : new String[] {"cycles", "gop", "gops_per_s", "inferences_per_s", "layers", "cycles_by_operator", "utilisation"}) {
            assertThat(report.has(key)).as(key).isTrue();
        }
        assertThat(report.get("output_matches_golden").asBoolean()).isTrue();
        assertThat(report.get("layers").size()).as("embedding and one layer").isEqualTo(2);
        assertThat(report.get("cycles").asLong()).isEqualTo(report.get("cluster").get("cycles").asLong());
        assertThat(tmp.resolve("mb.config.yaml")).exists();
    }

    @Test
    void twoRunsWriteByteIdenticalReports() throws IOException {
        Path a = tmp.resolve("a.json"), b = tmp.resolve("b.json");
        assertThat(CliRunner.run("run", "mobilebert", "--layers", "1", "--seq", "32", "--json", a.toString(), "--quiet").exitCode()).isZero();
        assertThat(CliRunner.run("run", "mobilebert", "--layers", "1", "--seq", "32", "--json", b.toString(), "--quiet").exitCode()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void compiledElfRunsUnderSocsimRun() throws IOException {
        Path elf = tmp.resolve("mobilebert.elf");
        CliRunner.Result c = CliRunner.run("compile", "mobilebert", "--layers", "1", "--seq", "32", "-o", elf.toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(Files.size(elf)).isPositive();
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", "ita-cluster", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void noItaRunsEverythingOnTheCores() {
        CliRunner.Result r = CliRunner.run("run", "mobilebert", "--layers", "1", "--seq", "32", "--no-ita", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("matches the golden model bit for bit");
    }

    @Test
    void originalVariantRunsItsHeadsOnTheCoresBitExact() {
        CliRunner.Result r = CliRunner.run("run", "mobilebert", "--layers", "1", "--seq", "32", "--variant", "original", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("original variant").contains("matches the golden model bit for bit");
    }

    @Test
    void badWorkloadOptionsSayWhy() {
        CliRunner.Result variant = CliRunner.run("run", "mobilebert", "--variant", "tiny");
        assertThat(variant.exitCode()).isEqualTo(2);
        assertThat(variant.err()).contains("'ita' or 'original'").doesNotContain("\tat ");
        CliRunner.Result badSeq = CliRunner.run("run", "mobilebert", "--seq", "100");
        assertThat(badSeq.exitCode()).isEqualTo(2);
        assertThat(badSeq.err()).containsIgnoringCase("16");
    }
}
