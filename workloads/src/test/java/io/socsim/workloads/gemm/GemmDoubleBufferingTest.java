package io.socsim.workloads.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.workloads.FunctionalCluster;
import io.socsim.workloads.FunctionalCluster.Transfer;
import io.socsim.workloads.gemm.GemmSpec.Placement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DMA schedule. Tile t computes between the completion of barrier 2t+1 and 2t+2 (counting
 * from 1). Its inputs are started by core 0 when 2(t-1) barriers have completed: after tile t-2
 * released that buffer and before tile t-1 starts computing, so they load while tile t-1
 * computes. Its output starts once barrier 2t+2 has completed.
 */
class GemmDoubleBufferingTest {

    @ParameterizedTest(name = "L1 budget {0}")
    @ValueSource(ints = {4096, 10240})
    void inputsOfTheNextTileAreInFlightWhileTheCurrentTileComputes(int budget) {
        GemmSpec spec = GemmSpec.of(64, 64, 64).withCores(4).withPlacement(Placement.L2_DMA).withL1Budget(budget);
        GemmKernel kernel = new GemmKernel(spec, GemmKernelTest.SOC);
        FunctionalCluster c = new FunctionalCluster(GemmKernelTest.SOC, 8, kernel.build(), FunctionalCluster.DmaMode.ON_WAIT);
        c.run(10_000_000);
        assertThat(c.read(kernel.layout().cAddress(), 64 * 64)).isEqualTo(kernel.expectedOutput());

        TilePlan plan = kernel.layout().tiles();
        GemmLayout l = kernel.layout();
        List<Transfer> log = c.transfers();
        assertThat(plan.tiles()).isGreaterThan(2);
        assertThat(c.barriers()).isEqualTo(2 * plan.tiles());
        assertThat(log).allSatisfy(t -> assertThat(t.hart()).as("only core 0 drives the DMA").isZero());
        int t = 0;
        for (int tm = 0; tm < plan.tilesM(); tm++) {
            for (int tn = 0; tn < plan.tilesN(); tn++, t++) {
                int par = t & 1, issuedAfter = Math.max(0, 2 * (t - 1));
                int aSrc = l.aAddress() + tm * plan.tileRows() * l.rowStride();
                int bSrc = l.btAddress() + tn * plan.tileCols() * l.rowStride();
                int cDst = l.cAddress() + tm * plan.tileRows() * spec.n() + tn * plan.tileCols();
                if (!plan.aResident()) {
                    assertThat(find(log, aSrc, plan.buffers().a(par), issuedAfter)).as("A of tile %d", t).isTrue();
                }
                if (!plan.bResident()) {
                    assertThat(find(log, bSrc, plan.buffers().b(par), issuedAfter)).as("B^T of tile %d", t).isTrue();
                }
                assertThat(find(log, plan.buffers().c(par), cDst, 2 * t + 2)).as("C of tile %d", t).isTrue();
            }
        }
        if (plan.bResident()) {
            assertThat(find(log, l.btAddress(), plan.buffers().b0(), 0)).as("resident B^T, loaded once").isTrue();
            assertThat(log.stream().filter(x -> x.dst() == plan.buffers().b0())).hasSize(1);
        }
    }

    private static boolean find(List<Transfer> log, int src, int dst, int barriersBefore) {
        return log.stream().anyMatch(x -> x.src() == src && x.dst() == dst && x.barriersBefore() == barriersBefore);
    }
}
