package io.socsim.workloads.gemm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.workloads.gemm.GemmSpec.Placement;
import org.junit.jupiter.api.Test;

class TilePlanTest {

    static final int L1 = 0x1000_0000;

    @Test
    void aProblemThatFitsIsOneTileWithEverythingResident() {
        TilePlan p = TilePlan.choose(GemmSpec.of(64, 64, 64), L1, 64 * 1024);
        assertThat(p.tiles()).isOne();
        assertThat(p.aResident()).isTrue();
        assertThat(p.bResident()).isTrue();
        assertThat(p.l1Bytes()).as("A and B^T rows padded to 68 bytes, C packed").isEqualTo(2 * 64 * 68 + 64 * 64);
    }

    @Test
    void bStaysResidentAndADoubleBuffersWhenOnlyBFits() {
        TilePlan p = TilePlan.choose(GemmSpec.of(256, 64, 64), L1, 16 * 1024);
        assertThat(p.bResident()).isTrue();
        assertThat(p.aResident()).isFalse();
        assertThat(p.buffers().a0()).isNotEqualTo(p.buffers().a1());
        assertThat(p.buffers().c0()).isNotEqualTo(p.buffers().c1());
        assertThat(p.l1Bytes()).isLessThanOrEqualTo(16 * 1024);
        assertThat(p.tileRows() % 4).as("whole 4-row blocks").isZero();
    }

    @Test
    void buffersNeverOverlapAndStayInsideTheBudget() {
        TilePlan p = TilePlan.choose(GemmSpec.of(200, 300, 100), L1, 20_000);
        assertThat(p.l1Bytes()).isLessThanOrEqualTo(20_000);
        TilePlan.Buffers b = p.buffers();
        int kp = 100, sa = p.tileRows() * kp, sb = p.tileCols() * kp;
        assertThat(b.a1()).isGreaterThanOrEqualTo(b.a0() + (p.aResident() ? 0 : sa));
        assertThat(b.b0()).isGreaterThanOrEqualTo(b.a1() + sa);
        assertThat(b.c0()).isGreaterThanOrEqualTo(b.b1() + sb);
        assertThat(b.c1() - b.c0()).isGreaterThanOrEqualTo(p.tileRows() * p.tileCols());
    }

    @Test
    void aBudgetBelowOneRowPerTileIsRejectedWithTheNeededSize() {
        assertThatThrownBy(() -> TilePlan.choose(GemmSpec.of(64, 64, 4096), L1, 8 * 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit 8192 bytes of L1")
                .hasMessageContaining("need 16408 bytes"); // 2 x (4100-byte A row + 4100-byte B^T row + 4-byte output)
    }

    @Test
    void operandsTooLargeForL1AreRejectedWithAHintAtTheDmaVariant() {
        assertThatThrownBy(() -> new GemmKernel(GemmSpec.of(128, 128, 256), GemmKernelTest.SOC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use placement L2_DMA");
        assertThat(new GemmKernel(GemmSpec.of(128, 128, 256).withPlacement(Placement.L2_DMA), GemmKernelTest.SOC)
                .layout().tiles().tiles()).isGreaterThan(1);
    }

    @Test
    void moreCoresThanTheClusterHasAreRejected() {
        assertThatThrownBy(() -> new GemmKernel(GemmSpec.of(8, 8, 8).withCores(16), GemmKernelTest.SOC))
                .hasMessageContaining("16 cores");
    }
}
