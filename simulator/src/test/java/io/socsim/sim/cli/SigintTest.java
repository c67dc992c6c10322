package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during a long run, end to end: a child JVM gets SIGINT and still prints and writes its statistics, then exits 130. */
class SigintTest {

    @TempDir
    Path tmp;

    @Test
    void sigintDuringMobileBertPrintsTheStatisticsSoFarWritesTheReportAndExits130() throws Exception {
        Path json = tmp.resolve("mb.json");
        Path out = tmp.resolve("out.txt"), err = tmp.resolve("err.txt");
        List<String> cmd = new ArrayList<>();
        // a child started from a background job would inherit an ignored SIGINT: restore the default first
        if (Files.isExecutable(Path.of("/usr/bin/env"))) {
            cmd.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "mobilebert", "--no-ita", "--json", json.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            // interrupt once the simulation has begun (the launcher says so on stderr): the run on the
            // cores alone takes far longer than the grace period, whatever the host's speed
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(err).contains("simulating") && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
            assertThat(p.isAlive()).as("still running: " + Files.readString(err)).isTrue();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits after SIGINT").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String stdout = Files.readString(out), stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stdout + stderr).isEqualTo(130);
        assertThat(stdout).contains("interrupted at cycle").contains("layers finished").contains("cycles by operator so far");
        assertThat(stderr).contains("core").contains("total").contains("socsim: error: interrupted at cycle")
                .doesNotContain("\tat ");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("end").get("reason").asText()).isEqualTo("interrupted");
        assertThat(report.get("end").get("exit_code").asInt()).isEqualTo(130);
        assertThat(report.get("layers_finished").asInt()).isBetween(0, 23);
        int finished = report.get("layers_finished").asInt();
        assertThat(report.get("layers").size()).as("the layers finished, and the embedding once it is done").isBetween(finished, finished + 1);
        assertThat(report.get("output_matches_golden").isNull()).isTrue();
        assertThat(report.get("cycles").asLong()).isPositive();
    }
}
