package io.socsim.sim.mobilebert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.config.ConfigLoader;
import io.socsim.config.ConfigSource;
import io.socsim.config.SocConfig;
import io.socsim.sim.UserError;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * MobileBERT compiled for a system and run on the timed cluster equals the golden integer model
 * bit for bit, whatever the core count and L1 size it was tiled and generated for.
 */
class MobileBertOnClusterTest {

    private static SocConfig system(int cores, String l1) {
        return ConfigLoader.load(ConfigSource.preset("ita-cluster"), List.of("cores.count=" + cores, "memory.l1.size=" + l1));
    }

    @TestFactory
    Stream<DynamicTest> everyCoreCountAndL1SizeIsRetiledAndStaysBitExact() {
        List<DynamicTest> tests = new ArrayList<>();
        MobileBertConfig model = MobileBertConfig.defaults().withLayers(1).withSeq(64);
        for (int cores : new int[] {1, 2, 4, 8, 16}) {
            for (String l1 : new String[] {"64KiB", "128KiB", "256KiB"}) {
                tests.add(DynamicTest.dynamicTest(cores + " cores, L1 " + l1, () -> {
                    MobileBertRun.Result r = MobileBertRun.run(model, system(cores, l1), 2_000_000_000L);
                    assertThat(r.mismatches()).as("bytes differing from the golden model").isZero();
                    assertThat(r.cluster().cores()).hasSize(cores);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everythingOnTheCoresWithoutItaIsBitExactToo() {
        MobileBertConfig model = MobileBertConfig.defaults().withLayers(1).withSeq(32);
        SocConfig soc = system(8, "256KiB");
        MobileBertRun.Result cores = MobileBertRun.run(model, soc, true, 2_000_000_000L);
        assertThat(cores.mismatches()).isZero();
        assertThat(cores.cluster().ita().jobs()).as("ITA unused").isZero();
        MobileBertRun.Result ita = MobileBertRun.run(model, soc, false, 2_000_000_000L);
        assertThat(ita.cluster().cycles()).as("what the accelerator buys").isLessThan(cores.cluster().cycles());
    }

    @Test
    void smallerL1MeansMoreTransfersForTheSameResult() {
        MobileBertConfig model = MobileBertConfig.defaults().withLayers(1).withSeq(64);
        MobileBertRun.Result big = MobileBertRun.run(model, system(8, "256KiB"), 2_000_000_000L);
        MobileBertRun.Result small = MobileBertRun.run(model, system(8, "64KiB"), 2_000_000_000L);
        assertThat(small.cluster().dmaTransfers()).isGreaterThan(big.cluster().dmaTransfers());
        assertThat(small.mismatches()).isZero();
    }

    @Test
    void anL1TooSmallForAnyTilingNamesTheSmallestThatWorks() {
        assertThatThrownBy(() -> MobileBertRun.compile(MobileBertConfig.defaults().withLayers(1).withSeq(64), system(8, "16KiB")))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("does not fit")
                .hasMessageMatching("(?s).*smallest L1 that works is \\d+ KiB.*");
    }

    // the full 24-layer inference is checked, and its figures pinned, by io.socsim.sim.PinnedFiguresTest

    @Test
    void twoLayersAtTheDefaultSequenceLengthMatchTheGoldenModel() {
        MobileBertRun.Result r = MobileBertRun.run(MobileBertConfig.defaults().withLayers(2), ConfigLoader.load(ConfigSource.preset("ita-cluster"), List.of()), 2_000_000_000L);
        assertThat(r.mismatches()).isZero();
        assertThat(r.compiled().config().seq()).isEqualTo(128);
    }
}
