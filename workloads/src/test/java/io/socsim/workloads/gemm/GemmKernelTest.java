package io.socsim.workloads.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import io.socsim.workloads.FunctionalCluster;
import io.socsim.workloads.FunctionalCluster.DmaMode;
import io.socsim.workloads.gemm.GemmSpec.Placement;
import java.util.ArrayList;
import java.util.List;
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
        GemmKernel kernel = new GemmKernel(GemmSpec.of(m, n, k).withCores(cores).withRequant(3, 9), SOC);
        assertThat(run(kernel, DmaMode.IMMEDIATE)).isEqualTo(kernel.expectedOutput());
    }

    @ParameterizedTest(name = "M={0} N={1} K={2} cores={3}")
    @MethodSource("problems")
    void operandsInL2GiveTheReferenceOutput(int m, int n, int k, int cores) {
        GemmKernel kernel = new GemmKernel(GemmSpec.of(m, n, k).withCores(cores).withPlacement(Placement.L2_DMA), SOC);
        assertThat(run(kernel, DmaMode.ON_WAIT)).isEqualTo(kernel.expectedOutput());
    }
}
