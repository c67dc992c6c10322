package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socsim baseline} and {@code socsim check} on a cluster program's report and on a small sweep. */
class CheckCommandTest {

    @TempDir
    static Path tmp;

    static Path run;
    static Path sweep;

    @BeforeAll
    static void runOnce() {
        Path elf = CliRunner.repositoryRoot().resolve("tests/programs/cluster/elf/parallel_sum.elf");
        run = tmp.resolve("run.json");
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", "pulp-cluster", "--quiet", "--json", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        sweep = tmp.resolve("sweep");
        r = CliRunner.run("sweep", elf.toString(), "--set", "cores.count=1,2", "-o", sweep.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private static Path baselineOf(Path input, String name) {
        Path base = tmp.resolve(name);
        CliRunner.Result r = CliRunner.run("baseline", input.toString(), "-o", base.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return base;
    }

    /** The baseline with one metric replaced. */
    private static Path edited(Path base, String metric, long value, String name) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(base.toFile());
        ((ObjectNode) doc.get("metrics")).put(metric, value);
        Path out = tmp.resolve(name);
        json.writeValue(out.toFile(), doc);
        return out;
    }

    @Test
    void aRunEqualToItsBaselinePassesWithNothingMoved() {
        Path base = baselineOf(run, "same.json");
        CliRunner.Result r = CliRunner.run("check", run.toString(), "--baseline", base.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("none moved").contains("cycles exact");
        CliRunner.Result direct = CliRunner.run("check", run.toString(), "--baseline", run.toString());
        assertThat(direct.exitCode()).as("a --json report serves as a baseline too").isZero();
    }

    @Test
    void cyclesThatMovedAreDriftExit1WithTheChangeShownUnlessWithinTolerance() throws Exception {
        Path base = baselineOf(run, "base.json");
        long cycles = new ObjectMapper().readTree(run.toFile()).get("cycles").asLong();
        Path moved = edited(base, "cycles", cycles - 10, "moved.json");
        CliRunner.Result r = CliRunner.run("check", run.toString(), "--baseline", moved.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(CheckCommand.DRIFT).isNotIn(2, 3, 4, 70, 130);
        assertThat(r.out()).containsPattern("cycles +" + (cycles - 10) + " +" + cycles + " +\\+10 ").contains("DRIFT")
                .contains("1 beyond tolerance");
        CliRunner.Result tolerant = CliRunner.run("check", run.toString(), "--baseline", moved.toString(), "--tolerance", "cycles=5%");
        assertThat(tolerant.exitCode()).as(tolerant.out()).isZero();
        assertThat(tolerant.out()).contains("within tolerance").contains("cycles 5 %");
    }

    @Test
    void aMetricMissingFromTheRunIsDrift() throws Exception {
        Path base = edited(baselineOf(run, "b2.json"), "layers.0.cycles", 5, "extra.json");
        CliRunner.Result r = CliRunner.run("check", run.toString(), "--baseline", base.toString());
        assertThat(r.exitCode()).isEqualTo(CheckCommand.DRIFT);
        assertThat(r.out()).contains("layers.0.cycles").contains("MISSING");
    }

    @Test
    void aSweepIsCheckedPointByPoint() throws Exception {
        Path base = baselineOf(sweep, "sweep-base.json");
        assertThat(CliRunner.run("check", sweep.toString(), "--baseline", base.toString()).exitCode()).isZero();
        Path moved = edited(base, "point[cores.count=2].instructions", 1, "sweep-moved.json");
        CliRunner.Result r = CliRunner.run("check", sweep.resolve("results.json").toString(), "--baseline", moved.toString());
        assertThat(r.exitCode()).isEqualTo(CheckCommand.DRIFT);
        assertThat(r.out()).contains("point[cores.count=2].instructions").doesNotContain("point[cores.count=1]");
    }

    @Test
    void badToleranceOrInputIsBadInput() {
        CliRunner.Result r = CliRunner.run("check", run.toString(), "--baseline", run.toString(), "--tolerance", "speed=1%");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--tolerance speed=1%");
        r = CliRunner.run("check", tmp.resolve("nope.json").toString(), "--baseline", run.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json").doesNotContain("\tat ");
    }
}
