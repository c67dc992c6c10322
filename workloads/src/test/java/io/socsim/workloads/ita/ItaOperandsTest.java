package io.socsim.workloads.ita;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.ita.golden.GoldenFile;
import io.socsim.ita.golden.GoldenReader;
import io.socsim.ita.math.Activation;
import io.socsim.ita.math.Attention;
import io.socsim.ita.math.HeadResult;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.ita.testdata.ItaGoldenVectors;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ItaOperandsTest {

    static Stream<ItaJobSpec> calibrated() {
        return Stream.of(ItaJobSpec.attention(64, 64, 64), ItaJobSpec.attention(128, 128, 32).withSeed(2),
                ItaJobSpec.linear(128, 512, 128, Activation.IDENTITY).withSeed(3),
                ItaJobSpec.linear(40, 72, 24, Activation.IDENTITY).withSeed(4));
    }

    /** At least 100 distinct values and under 2 % at the int8 limits: a spread output, not saturation. */
    static void assertSpread(String what, Matrix8 m) {
        Set<Byte> distinct = new HashSet<>();
        int saturated = 0;
        for (byte v : m.data()) {
            distinct.add(v);
            saturated += v == 127 || v == -128 ? 1 : 0;
        }
        assertThat(distinct).as("%s distinct values", what).hasSizeGreaterThan(100);
        assertThat(saturated).as("%s saturated values of %d", what, m.data().length)
                .isLessThan(m.data().length / 50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calibrated")
    void calibratedRequantSpreadsEveryStepOverInt8WithoutSaturating(ItaJobSpec spec) {
        ItaOperands ops = ItaOperands.generate(spec);
        assertSpread("output", ops.expected());
        if (spec.mode() == ItaJobSpec.Mode.ATTENTION) {
            HeadResult r = Attention.head(ops.x(), ops.x(), ops.x(), ops.headWeights(), ops.headRequant());
            assertSpread("Q'", r.qp());
            assertSpread("K'", r.kp());
            assertSpread("V'", r.vp());
            assertSpread("AV", r.av());
            // QK is calibrated narrower so that the softmax keeps several keys per row.
            int[] rowsWithSpread = {0};
            for (int row = 0; row < r.a().rows(); row++) {
                int nonZero = 0;
                for (int c = 0; c < r.a().cols(); c++) {
                    nonZero += r.a().getUnsigned(row, c) > 0 ? 1 : 0;
                }
                rowsWithSpread[0] += nonZero >= 3 ? 1 : 0;
            }
            assertThat(rowsWithSpread[0]).as("softmax rows with 3+ non-zero probabilities")
                    .isGreaterThan(r.a().rows() / 2);
        }
    }

    @Test
    void geluOutputSpreadsWhileReluWithPyItaDefaultsIsAllZero() {
        ItaOperands gelu = ItaOperands.generate(ItaJobSpec.linear(128, 512, 128, Activation.GELU).withSeed(3));
        Set<Byte> distinct = new HashSet<>();
        for (byte v : gelu.expected().data()) {
            distinct.add(v);
        }
        assertThat(distinct).hasSizeGreaterThan(100);
        // PyITA's activation requant (74, 20, 0) maps every ReLU input to 0 (docs/ita.md).
        ItaOperands relu = ItaOperands.generate(ItaJobSpec.linear(128, 512, 128, Activation.RELU).withSeed(3));
        assertThat(relu.expected().data()).containsOnly((byte) 0);
        assertThat(relu.requants()).isEqualTo(gelu.requants());
    }

    @Test
    void inputsWeightsAndBiasesStayInTheirRanges() {
        ItaOperands ops = ItaOperands.generate(ItaJobSpec.attention(64, 64, 32));
        int min = 0, max = 0;
        for (byte v : ops.x().data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(-128);
        assertThat(max).isBetween(120, 126);
        for (Matrix32 b : ops.biases()) {
            for (int v : b.data()) {
                assertThat(Math.abs(v)).isLessThanOrEqualTo(1024 * 8);  // inner dimensions 64 and 32: ceil(sqrt) <= 8
            }
        }
        assertThat(ops.kv()).isNull();
    }

    @Test
    void sameSeedGivesTheSameOperandsAndAnotherSeedDifferentOnes() {
        ItaJobSpec spec = ItaJobSpec.attention(64, 64, 64).withSeed(7);
        ItaOperands a = ItaOperands.generate(spec), b = ItaOperands.generate(spec);
        ItaOperands c = ItaOperands.generate(spec.withSeed(8));
        assertThat(a.x().data()).isEqualTo(b.x().data());
        assertThat(a.expected().data()).isEqualTo(b.expected().data());
        assertThat(a.requants()).isEqualTo(b.requants());
        assertThat(a.x().data()).isNotEqualTo(c.x().data());
    }

    @Test
    void explicitRequantsAreUsedAsGiven() {
        List<Requant> rq = List.of(new Requant(3, 12, -2));
        ItaOperands ops = ItaOperands.generate(ItaJobSpec.linear(16, 16, 16, Activation.IDENTITY).withRequants(rq));
        assertThat(ops.requants()).isEqualTo(rq);
        assertThat(ops.recompute().data()).isEqualTo(ops.expected().data());
    }

    @Test
    void calibrationKeepsEightSignificantBitsInTheMultiplier() {
        Requant rq = ItaOperands.calibrate(new Matrix32(1, 2, new int[] {40_000, -40_000}), 32);
        assertThat(rq.mult()).isBetween(128, 255);
        assertThat(rq.apply(40_000)).isBetween(31, 33);
        assertThat(ItaOperands.calibrate(new Matrix32(1, 1, new int[] {0}), 32)).isEqualTo(new Requant(1, 0, 0));
        assertThat(ItaOperands.calibrate(new Matrix32(1, 1, new int[] {1}), 32)).isEqualTo(new Requant(128, 2, 0));  // 32 = 128 / 2^2
    }

    // ------------------------------------------------------------------ golden vectors

    static GoldenFile golden(String name) throws IOException {
        return GoldenReader.read(ItaGoldenVectors.file(name));
    }

    @Test
    void ourMathOnTheGoldenAttentionInputsGivesTheAuthorsOutputBitForBit() throws IOException {
        GoldenFile f = golden("attention_S64_E64_P64_H1_seed0.txt");
        ItaOperands ops = ItaOperands.fromGolden(f, 0);
        assertThat(ops.expected().data()).isEqualTo(f.tensor("OW_h0").toInt8().data());
        assertThat(ops.recompute().data()).as("ItaOperands.attention on the file's inputs")
                .isEqualTo(ops.expected().data());
        assertThat(ops.kv()).as("PyITA's K input differs from Q").isNotNull();
        assertThat(ops.requants().get(3)).isEqualTo(new Requant(64, 14, 0));
    }

    @Test
    void ourMathOnTheGoldenFfnInputsGivesTheAuthorsFirstLayerBitForBit() throws IOException {
        for (String name : List.of("ffn_S64_E64_F64_identity_seed0.txt", "ffn_S64_E64_F128_gelu_seed4.txt",
                "ffn_S64_E64_F128_relu_seed5.txt")) {
            GoldenFile f = golden(name);
            ItaOperands ops = ItaOperands.fromGolden(f, 0);
            assertThat(ops.expected().data()).isEqualTo(f.tensor("FF1").toInt8().data());
            assertThat(ops.recompute().data()).as(name).isEqualTo(ops.expected().data());
        }
    }

    @Test
    void goldenSetsTheRegistersCannotExpressAreRejected() throws IOException {
        assertThatThrownBy(() -> ItaOperands.fromGolden(golden("ffn_S64_E64_F128_relu_actrq90s7_seed6.txt"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activation constants");
        assertThatThrownBy(() -> ItaOperands.fromGolden(golden("softmax_N64_seed10.txt"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("softmax");
    }
}
