package io.socsim.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The generated int8 GEMM on the timed cluster: output equal to the golden model (checked inside
 * {@link GemmBenchmark#measure}), and the simulated throughput where published measurements of
 * such kernels on this cluster put it (platform.md section 1: 14-15.5 MAC/cycle on 8 cores,
 * ideal bound 18.3). These are properties of the modelled hardware, not of host speed.
 */
class GemmOnClusterTest {

    @Test
    void eightCoreGemmWithOperandsInL1LandsInThePublishedRange() {
        double macsPerCycle = GemmBenchmark.measure("pulp-cluster", 8, 128, 128, 128, false).macsPerCycle();
        assertThat(macsPerCycle).isBetween(14.0, 15.5);
    }

    @Test
    void eightCoresAreAtLeastSixTimesFasterThanOne() {
        long one = GemmBenchmark.measure("pulp-cluster", 1, 64, 64, 64, false).result().cycles();
        long eight = GemmBenchmark.measure("pulp-cluster", 8, 64, 64, 64, false).result().cycles();
        assertThat((double) one / eight).isGreaterThanOrEqualTo(6.0);
    }

    @Test
    void operandsInL2WithDoubleBufferedDmaGiveTheSameResultAndCostMoreCycles() {
        GemmBenchmark.Measurement l1 = GemmBenchmark.measure("pulp-cluster", 8, 128, 128, 128, false);
        GemmBenchmark.Measurement l2 = GemmBenchmark.measure("pulp-cluster", 8, 128, 128, 128, true);
        assertThat(l2.result().dmaBytes()).isPositive();
        assertThat(l2.result().cycles()).isGreaterThan(l1.result().cycles());
    }

    @Test
    void eventCountsForThePowerModelAddUp() {
        var r = GemmBenchmark.measure("pulp-cluster", 8, 128, 128, 128, false).result();
        var e = r.events();
        assertThat(e.instructions()).isEqualTo(r.instructions());
        assertThat(e.simdDotInstructions()).as("one 4-way dot product per 4 MACs").isEqualTo(128L * 128 * 128 / 4);
        assertThat(e.loadInstructions()).isEqualTo(r.cores().stream().mapToLong(c -> c.loads()).sum());
        assertThat(e.l1Reads()).isGreaterThanOrEqualTo(e.loadInstructions() - 1000);
        assertThat(e.coreActiveCycles() + e.coreStallCycles() + e.coreGatedCycles() + e.coreIdleCycles())
                .as("every core cycle is accounted once").isEqualTo(r.cycles() * 8);
    }

    @Test
    void oddSizesAndCoreCountsAreStillExact() {
        for (int cores : new int[] {1, 3, 8}) {
            assertThat(GemmBenchmark.measure("pulp-cluster", cores, 33, 17, 20, false).result().exitCode()).isZero();
            assertThat(GemmBenchmark.measure("pulp-cluster", cores, 33, 17, 20, true).result().exitCode()).isZero();
        }
    }
}
