package io.socsim.workloads.mobilebert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.ita.math.Matrix8;
import io.socsim.workloads.mobilebert.MobileBertConfig.Variant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MobileBertGoldenTest {

    /** Host time is a benchmark figure, not a test: this checks only shape and repeatability. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void full24LayerRunAtSequence128GivesTheSameFullOutputEveryTime(Variant v) {
        Models.Timed m = Models.full(v);
        Matrix8 out = MobileBertGolden.run(m.weights());
        assertThat(out.rows()).isEqualTo(128);
        assertThat(out.cols()).isEqualTo(512);
        assertThat(MobileBertGolden.digest(MobileBertGolden.run(m.weights()))).isEqualTo(MobileBertGolden.digest(out));
    }

    @Test
    void runningNLayersEqualsTheModelGeneratedWithNLayers() {
        MobileBertConfig c = Models.small(Variant.ITA).withLayers(3);
        MobileBertWeights three = MobileBertWeights.generate(c);
        MobileBertWeights two = MobileBertWeights.generate(c.withLayers(2));
        Matrix8 prefix = MobileBertGolden.run(three, 2, false).output();
        assertThat(prefix.data()).isEqualTo(MobileBertGolden.run(two).data());
        assertThat(MobileBertGolden.run(three, 0, true).output().contentEquals(
                MobileBertGolden.run(three, 3, true).tensors().get("embedding.norm"))).isTrue();
        assertThatThrownBy(() -> MobileBertGolden.run(three, 4, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void traceEndsWithTheOutput() {
        MobileBertConfig c = Models.small(Variant.ORIGINAL);
        MobileBertGolden.Result r = MobileBertGolden.run(MobileBertWeights.generate(c), 2, true);
        assertThat(r.tensors().get("layer1.out.norm")).isSameAs(r.output());
        assertThat(r.tensors()).containsKeys("layer0.head3.q", "layer0.head3.a", "layer1.ffn3.up");
    }

    /**
     * Calibration keeps every op's int8 output alive over all 24 layers: almost nothing clipped,
     * many distinct values; ReLU outputs are half zeros by nature, and QK is kept deliberately
     * narrow, so for those the softmax is checked to be neither one-hot nor flat instead.
     */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyOpStaysHealthyThroughAll24Layers(Variant v) {
        MobileBertWeights w = Models.full(v).weights();
        Map<String, Matrix8> t = MobileBertGolden.run(w, 24, true).tensors();
        assertThat(t).hasSizeGreaterThan(24 * 40);
        t.forEach((name, m) -> {
            if (name.endsWith(".a")) {
                double meanMax = meanRowMax(m);
                assertThat(meanMax).as(name + " mean top probability of 255").isBetween(8.0, 200.0);
                return;
            }
            Health h = Health.of(m);
            assertThat(h.saturated()).as(name + " saturated").isLessThan(0.05);
            if (name.endsWith(".up")) {
                assertThat(h.zeros()).as(name + " ReLU zeros").isBetween(0.2, 0.8);
                assertThat(h.distinct()).as(name + " distinct").isGreaterThan(16);
            } else if (name.endsWith(".qk") && name.contains("head")) {
                assertThat(h.distinct()).as(name + " distinct").isGreaterThan(16);
            } else {
                assertThat(h.distinct()).as(name + " distinct").isGreaterThan(32);
            }
        });
    }

    private static double meanRowMax(Matrix8 a) {
        double sum = 0;
        for (int r = 0; r < a.rows(); r++) {
            int max = 0;
            for (int c = 0; c < a.cols(); c++) {
                max = Math.max(max, a.getUnsigned(r, c));
            }
            sum += max;
        }
        return sum / a.rows();
    }
}
