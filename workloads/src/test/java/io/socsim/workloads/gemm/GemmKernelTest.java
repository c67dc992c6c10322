package io.socsim.workloads.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import io.socsim.workloads.FunctionalCluster;
import io.socsim.workloads.FunctionalCluster.DmaMode;
import io.socsim.workloads.gemm.GemmSpec.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GemmKernelTest {

    static final SocConfig SOC = Presets.load("pulp-cluster");

    static List<Arguments> problems() {
        int[][] sizes = {{16, 16, 16}, {64, 64, 64}, {33, 17, 20}};
        List<Arguments> out = new ArrayList<>();
        for (int[] s : sizes) {
            for (int cores : new int[] {1, 2, 4, 8}) {
                out.add(Arguments.of(s[0], s[1], s[2], cores));
            }
        }
        return out;
    }

    /**
     * A requantisation that spreads the outputs over the int8 range instead of saturating them:
     * a random dot product of K int8 pairs has a standard deviation near 5461 * sqrt(K).
     */
    static GemmSpec spec(int m, int n, int k, int cores) {
        double sd = 5461 * Math.sqrt(k) * 3;
        int shift = (int) Math.ceil(Math.log(sd / 40) / Math.log(2));
        return GemmSpec.of(m, n, k).withCores(cores).withRequant(3, shift).withSeed(m * 1000L + n * 10L + k);
    }

    /** Runs the program on as many harts as the preset has cores and returns C. */
    static byte[] run(GemmKernel kernel, DmaMode mode) {
        FunctionalCluster cluster = new FunctionalCluster(SOC, SOC.cores().count(), kernel.build(), mode);
        cluster.run(50_000_000);
        assertThat(cluster.exitCode()).isZero();
        GemmLayout l = kernel.layout();
        return cluster.read(l.cAddress(), kernel.spec().m() * kernel.spec().n());
    }

    @ParameterizedTest(name = "M={0} N={1} K={2} cores={3}")
    @MethodSource("problems")
    void operandsInL1GiveTheReferenceOutput(int m, int n, int k, int cores) {
        GemmKernel kernel = new GemmKernel(spec(m, n, k, cores), SOC);
        assertThat(distinct(kernel.expectedOutput())).as("a test that sees more than saturation").isGreaterThan(40);
        assertThat(run(kernel, DmaMode.IMMEDIATE)).isEqualTo(kernel.expectedOutput());
    }

    @ParameterizedTest(name = "M={0} N={1} K={2} cores={3}")
    @MethodSource("problems")
    void operandsInL2GiveTheReferenceOutput(int m, int n, int k, int cores) {
        GemmKernel kernel = new GemmKernel(spec(m, n, k, cores).withPlacement(Placement.L2_DMA), SOC);
        assertThat(kernel.layout().tiles().tiles()).isOne();
        assertThat(run(kernel, DmaMode.ON_WAIT)).isEqualTo(kernel.expectedOutput());
    }

    /** Budgets small enough that A, B^T or both are cut into double-buffered tiles. */
    static List<Arguments> tightBudgets() {
        int[][] sizes = {{16, 16, 16, 512}, {64, 64, 64, 10 * 1024}, {64, 64, 64, 4 * 1024}, {33, 17, 20, 1024},
            {33, 17, 20, 400}};
        List<Arguments> out = new ArrayList<>();
        for (int[] s : sizes) {
            for (int cores : new int[] {1, 2, 4, 8}) {
                for (DmaMode mode : DmaMode.values()) {
                    out.add(Arguments.of(s[0], s[1], s[2], s[3], cores, mode));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "M={0} N={1} K={2} budget={3} cores={4} dma={5}")
    @MethodSource("tightBudgets")
    void tiledOperandsInL2GiveTheReferenceOutput(int m, int n, int k, int budget, int cores, DmaMode mode) {
        GemmKernel kernel = new GemmKernel(spec(m, n, k, cores).withPlacement(Placement.L2_DMA).withL1Budget(budget), SOC);
        TilePlan plan = kernel.layout().tiles();
        assertThat(plan.tiles()).isGreaterThan(1);
        assertThat(plan.l1Bytes()).isLessThanOrEqualTo(budget);
        assertThat(run(kernel, mode)).isEqualTo(kernel.expectedOutput());
    }

    static long distinct(byte[] values) {
        return IntStream.range(0, values.length).map(i -> values[i]).distinct().count();
    }
}
