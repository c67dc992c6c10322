package io.socsim.ita;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.config.ItaConfig;
import io.socsim.ita.math.ActivationStage;
import io.socsim.ita.math.FeedForward;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItaEngineTest {

    private static final ItaConfig CFG = ItaRig.SOC.ita().orElseThrow();
    private static final int X = ItaRig.L1, W = ItaRig.L1 + 0x10000, B = ItaRig.L1 + 0x20000, OUT = ItaRig.L1 + 0x30000;

    private static void linear(ItaRig rig, int s, int e, int p, int act, boolean bias) {
        rig.reg(ItaEngine.MODE, 0);
        rig.reg(ItaEngine.S, s);
        rig.reg(ItaEngine.E, e);
        rig.reg(ItaEngine.P, p);
        rig.reg(ItaEngine.ACT, act);
        rig.reg(ItaEngine.IN, X);
        rig.reg(ItaEngine.W0, W);
        rig.reg(ItaEngine.B0, bias ? B : 0);
        rig.reg(ItaEngine.OUT, OUT);
        rig.reg(ItaEngine.RQ0, ItaRig.requant(93, 13, 3));
    }

    /** Cycles of the first tile's operands through the port before it can compute; 1 less since compute starts in the last beat's cycle. */
    private static long fill() {
        long t = CFG.tileSize(), port = CFG.portWidthBits() / 8;
        long bytes = t * t * (t / CFG.engines()) + t * t + 4 * t;
        return (bytes + port - 1) / port - 1;
    }

    /** The last output tile streaming out, then the pipeline. */
    private static long drain() {
        long t = CFG.tileSize(), port = CFG.portWidthBits() / 8;
        return (t * t + port - 1) / port + CFG.pipelineLatencyCycles();
    }

    @Test
    void uncontendedLargeGemmTakesTilesTimesComputeCyclesPlusFillAndDrain() {
        ItaRig rig = new ItaRig();
        linear(rig, 256, 256, 256, 0, true);
        rig.run(false);
        var s = rig.ita.stats();
        long tiles = 4L * 4 * 4;
        assertThat(s.tiles()).isEqualTo(tiles);
        assertThat(s.busyCycles()).isEqualTo(tiles * CFG.tileComputeCycles() + fill() + drain());
        assertThat(s.computeCycles()).isEqualTo(tiles * CFG.tileComputeCycles());
        assertThat(s.utilisation()).isGreaterThan(0.98);
    }

    @Test
    void runningAloneMatchesCycleByCycleSteppingInCyclesCountersAndResult() {
        for (int[] shape : new int[][] {{64, 64, 64}, {40, 72, 24}, {128, 64, 200}}) {
            ItaRig stepped = new ItaRig(), alone = new ItaRig();
            for (ItaRig rig : new ItaRig[] {stepped, alone}) {
                linear(rig, shape[0], shape[1], shape[2], 1, true);
                byte[] x = new byte[shape[0] * shape[1]];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (byte) (i * 13 + 5);
                }
                rig.put(X, x);
            }
            long cycles = stepped.run(false);
            assertThat(alone.runAlone()).as("cycle after completion").isEqualTo(cycles);
            assertThat(alone.completedAt).isEqualTo(stepped.completedAt);
            assertThat(alone.ita.stats()).isEqualTo(stepped.ita.stats());
            assertThat(alone.tcdm.wideAccesses()).isEqualTo(stepped.tcdm.wideAccesses());
            assertThat(alone.get(OUT, shape[0] * shape[2])).isEqualTo(stepped.get(OUT, shape[0] * shape[2]));
        }
    }

    @Test
    void dimensionsThatAreNotMultiplesOfTheTileArePaddedAndCostWholeTiles() {
        ItaRig rig = new ItaRig();
        linear(rig, 65, 64, 64, 0, false);
        rig.run(false);
        var s = rig.ita.stats();
        assertThat(s.tiles()).isEqualTo(2);
        assertThat(s.paddedMacs()).isEqualTo(2L * 64 * 64 * 64);
        assertThat(s.usefulMacs()).isEqualTo(65L * 64 * 64);
        assertThat(s.computeCycles()).isEqualTo(2 * CFG.tileComputeCycles());
    }

    @Test
    void coresHammeringTheBanksSlowTheAcceleratorDown() {
        ItaRig quiet = new ItaRig();
        linear(quiet, 128, 128, 128, 0, false);
        long alone = quiet.run(false);
        ItaRig busy = new ItaRig();
        linear(busy, 128, 128, 128, 0, false);
        long contended = busy.run(true);
        assertThat(contended).isGreaterThan(alone);
        assertThat(busy.ita.stats().portDenied()).isPositive();
        assertThat(busy.ita.stats().utilisation()).isLessThan(quiet.ita.stats().utilisation());
    }

    @Test
    void linearLayerResultIsTheBitExactModelsAndLandsInL1AtCompletion() {
        Random r = new Random(7);
        int s = 40, e = 72, p = 24;
        byte[] x = new byte[s * e], w = new byte[e * p];
        r.nextBytes(x);
        r.nextBytes(w);
        int[] bias = r.ints(p, -2000, 2000).toArray();
        for (int act = 0; act <= 2; act++) {
            ItaRig rig = new ItaRig();
            rig.put(X, x);
            rig.put(W, w);
            rig.putInts(B, bias);
            linear(rig, s, e, p, act, true);
            rig.run(false);
            var kind = io.socsim.ita.math.Activation.values()[act];
            Matrix8 expected = FeedForward.linear(new Matrix8(s, e, x), new Matrix8(e, p, w), new Matrix32(1, p, bias),
                    new Requant(93, 13, 3), ActivationStage.withDefaults(kind)).out();
            assertThat(rig.get(OUT, s * p)).as("activation %s", kind).isEqualTo(expected.data());
        }
    }

    @Test
    void jobsWithOperandsOutsideL1OrBadShapesAreRefusedWithTheRegisterName() {
        ItaRig rig = new ItaRig();
        linear(rig, 64, 64, 64, 0, false);
        rig.reg(ItaEngine.IN, 0x1c000000);
        assertThatThrownBy(() -> rig.ita.start(0, 0)).isInstanceOf(ItaEngine.ItaError.class).hasMessageContaining("ITA_IN");
        rig.reg(ItaEngine.IN, X);
        rig.reg(ItaEngine.MODE, 1);
        rig.reg(ItaEngine.S, 40);
        assertThatThrownBy(() -> rig.ita.start(0, 0)).isInstanceOf(ItaEngine.ItaError.class).hasMessageContaining("multiple of 16");
    }

    @Test
    void contextsLimitHowManyJobsWaitAndIdsAreReported() {
        ItaRig rig = new ItaRig();
        linear(rig, 64, 64, 64, 0, false);
        for (int i = 0; i < CFG.jobContexts(); i++) {
            assertThat(rig.ita.canStart()).isTrue();
            assertThat(rig.ita.start(0, 0)).isEqualTo(i);
        }
        assertThat(rig.ita.canStart()).isFalse();
        assertThat(rig.ita.status()).isEqualTo((1 << CFG.jobContexts()) - 1);
    }
}
