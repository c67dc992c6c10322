package io.socsim.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.config.ConfigLoader;
import io.socsim.config.ConfigSource;
import io.socsim.config.SocConfig;
import io.socsim.isa.elf.ElfFile;
import io.socsim.sim.Interrupts;
import io.socsim.sim.RepositoryRoot;
import io.socsim.sim.RunEnd;
import io.socsim.sim.bench.GemmBenchmark;
import io.socsim.sim.mobilebert.MobileBertRun;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each core's accounts (issue, branch, mul/div, memory, other, load-use, tcdm, sleep, idle) are
 * disjoint and add up to the run's cycles exactly, however the run ends: an exit, the cycle
 * limit cutting instructions in flight, an interrupt, a deadlock.
 */
class CoreAccountsTest {

    private static final Path ROOT = RepositoryRoot.find();

    static void assertAccountsAddUp(ClusterResult r, String what) {
        for (ClusterResult.CoreStats c : r.cores()) {
            String core = what + ", core " + c.id();
            assertThat(c.total()).as(core).isEqualTo(r.cycles());
            assertThat(java.util.stream.LongStream.of(c.issue(), c.branchStalls(), c.mulDivStalls(), c.memoryStalls(), c.otherStalls(),
                c.loadUseStalls(), c.tcdmStalls(), c.sleepCycles(), c.idle()).min().orElseThrow()).as(core).isNotNegative();
        }
    }

    private static SocConfig system(String preset, String... overrides) {
        return ConfigLoader.load(ConfigSource.preset(preset), List.of(overrides));
    }

    private static ClusterResult run(String elf, SocConfig soc, long maxCycles) {
        ElfFile file = ElfFile.read(ROOT.resolve(elf));
        return new Cluster(soc, file, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()).run(maxCycles);
    }

    @Test
    void mobileBertOneAndTwoLayersAddUp() {
        for (int layers = 1; layers <= 2; layers++) {
            MobileBertRun.Result r = MobileBertRun.run(MobileBertConfig.defaults().withLayers(layers), system("ita-cluster"), 2_000_000_000L);
            assertThat(r.finished()).isTrue();
            assertAccountsAddUp(r.cluster(), "MobileBERT " + layers + " layers");
            // the cores do sleep and stall here, so the identity is not trivially idle = the rest
            assertThat(r.cluster().cores().get(1).sleepCycles()).isPositive();
            assertThat(r.cluster().cores().get(0).loadUseStalls()).isPositive();
        }
    }

    @Test
    void gemmOnEightCoresAddsUp() {
        GemmBenchmark.Measurement m = GemmBenchmark.measure("pulp-cluster", 8, 64, 64, 64, false);
        assertAccountsAddUp(m.result(), "GEMM");
        assertThat(m.result().cores().get(3).tcdmStalls() + m.result().cores().get(3).branchStalls()).isPositive();
    }

    @Test
    void barrierProgramAddsUp() {
        ClusterResult r = run("tests/programs/cluster/elf/barrier_rounds.elf", system("pulp-cluster"), Long.MAX_VALUE / 4);
        assertThat(r.end().reason()).isEqualTo(RunEnd.Reason.EXIT);
        assertAccountsAddUp(r, "barrier_rounds");
    }

    /** The cycle limit falls in the middle of multi-cycle instructions, wake-ups and run-ahead batches. */
    @Test
    void cutsByTheCycleLimitAddUpAtEveryCycle() {
        SocConfig soc = system("pulp-cluster");
        long full = run("tests/programs/cluster/elf/barrier_rounds.elf", soc, Long.MAX_VALUE / 4).cycles();
        for (long limit = 1; limit < full; limit += limit < 400 ? 1 : 997) {
            ClusterResult r = run("tests/programs/cluster/elf/barrier_rounds.elf", soc, limit);
            assertThat(r.end().reason()).isEqualTo(RunEnd.Reason.MAX_CYCLES);
            assertThat(r.cycles()).isEqualTo(limit);
            assertAccountsAddUp(r, "cut at " + limit);
        }
    }

    @Test
    void aMobileBertRunCutMidLayerAddsUp() {
        MobileBertRun.Result r = MobileBertRun.run(MobileBertConfig.defaults().withLayers(2), system("ita-cluster"), 1_000_003L);
        assertThat(r.cluster().end().reason()).isEqualTo(RunEnd.Reason.MAX_CYCLES);
        assertThat(r.finished()).isFalse();
        assertThat(r.mismatches()).as("output not checked").isNegative();
        assertThat(r.layersFinished()).isBetween(0, 1);
        assertAccountsAddUp(r.cluster(), "MobileBERT cut at 1000003");
    }

    @Test
    void anInterruptedRunEndsWithItsStatisticsSoFar() {
        Interrupts.request();
        ClusterResult r;
        try {
            r = run("tests/programs/cluster/elf/barrier_rounds.elf", system("pulp-cluster"), Long.MAX_VALUE / 4);
        } finally {
            Interrupts.clear();
        }
        assertThat(r.end().reason()).isEqualTo(RunEnd.Reason.INTERRUPTED);
        assertThat(r.end().exitCode()).isEqualTo(130);
        assertThat(r.cycles()).isPositive();
        assertAccountsAddUp(r, "interrupted");
    }

    @Test
    void aDeadlockAddsUp() {
        ClusterResult r = run("tests/programs/cluster/elf/barrier_rounds.elf", system("pulp-cluster", "cores.count=16"), Long.MAX_VALUE / 4);
        assertThat(r.end().reason()).isEqualTo(RunEnd.Reason.DEADLOCK);
        assertAccountsAddUp(r, "deadlock");
    }

    /** Every timing-rule program of tests/timing, each on its preset. */
    @TestFactory
    Stream<DynamicTest> everyTimingProgramAddsUp() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("tests/timing/expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String name = f[0].replace(".S", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                ClusterResult r = run("tests/timing/elf/" + name + ".elf", system(f[1]), Long.MAX_VALUE / 4);
                assertThat(r.end().success()).as(r.end().message()).isTrue();
                assertAccountsAddUp(r, name);
            }));
        }
        return tests.stream();
    }
}
