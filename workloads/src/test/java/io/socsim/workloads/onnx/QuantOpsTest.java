package io.socsim.workloads.onnx;

import static io.socsim.workloads.onnx.GraphBuilder.scalarTensor;
import static io.socsim.workloads.onnx.OneNode.run;
import static io.socsim.workloads.onnx.OneNode.s;
import static io.socsim.workloads.onnx.OneNode.t;
import static io.socsim.workloads.onnx.OnnxAttribute.ofInt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow's integer operators on small cases whose results are worked out by hand. */
class QuantOpsTest {

    private static List<OnnxAttribute> rqs(long div, long levels, long signed) {
        return List.of(scalarTensor("div", div), scalarTensor("n_levels_out", levels),
                scalarTensor("signed", signed));
    }

    @Test
    void requantShiftRoundsTiesUpAndClipsToTheSignedRange() {
        // (x * 1 + 0) / 4 for x = 2, -2, -6, 6, 1000, -1000: 0.5 -> 1, -0.5 -> 0, -1.5 -> -1,
        // 1.5 -> 2, 250 -> 127, -250 -> -128
        Tensor y = run("RequantShift", rqs(4, 256, 1), t(s(6), 2, -2, -6, 6, 1000, -1000),
                t(s(1), 1), t(s(1), 0));
        assertThat(y.data()).containsExactly(1, 0, -1, 2, 127, -128);
    }

    @Test
    void requantShiftUnsignedClipsAtZeroAndLevelsMinusOne() {
        Tensor y = run("RequantShift", rqs(2, 16, 0), t(s(4), -3, 5, 40, 29),
                t(s(1), 1), t(s(1), 1));
        // (x + 1) / 2 + 1/2: -1 -> 0 (clipped), 3, 20.5 -> 15 (clipped), 15
        assertThat(y.data()).containsExactly(0, 3, 15, 15);
    }

    @Test
    void requantShiftAppliesOneDimensionalParametersPerChannel() {
        // x [1, 2, 2]; mul [2] scales channel 0 by 2 and channel 1 by 3; add per channel
        Tensor y = run("RequantShift", rqs(1, 256, 1), t(s(1, 2, 2), 1, 2, 3, 4),
                t(s(2), 2, 3), t(s(2), 0, 10));
        assertThat(y.data()).containsExactly(2, 4, 19, 22);
    }

    @Test
    void requantShiftReusesConvolutionParametersAcrossRank() {
        // [C, 1, 1] parameters (a 2-D convolution's) on a [1, C, W] tensor apply per channel
        Tensor y = run("RequantShift", rqs(1, 256, 1), t(s(1, 2, 2), 1, 2, 3, 4),
                t(s(2, 1, 1), 1, -1), t(s(2, 1, 1), 0, 0));
        assertThat(y.data()).containsExactly(1, 2, -3, -4);
    }

    @Test
    void requantShiftBroadcastsPerRowParameters() {
        Tensor y = run("RequantShift", rqs(1, 256, 1), t(s(2, 2), 1, 2, 3, 4),
                t(s(2, 1), 1, 10), t(s(2, 1), 0, 0));
        assertThat(y.data()).containsExactly(1, 2, 30, 40);
    }

    @Test
    void requantShiftRefusesANonIntegerDivisor() {
        List<OnnxAttribute> a = List.of(OnnxAttribute.ofFloat("div", 2.5),
                scalarTensor("n_levels", 256), scalarTensor("signed", 1));
        assertThatThrownBy(() -> run("RequantShift", a, t(s(1), 1), t(s(1), 1), t(s(1), 0)))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessage("node 'n' (#0, RequantShift): attribute 'div' = 2.5 is not an"
                        + " integer");
    }

    @Test
    void iSoftmaxFollowsThePolynomialExponential() {
        // A=1, B=1, C=0, log2=2, 4 levels. Row [0, -2]: t = [0, -2], z = [0, 1], p = [0, 0],
        // e = [1 >> 0, 1 >> 1] = [1, 0] -> [floor(3 * 1 / 1), 0] = [3, 0].
        // Row [5, 5]: e = [1, 1] -> floor(3 / 2) = 1 each.
        List<OnnxAttribute> a = List.of(scalarTensor("coeffA", 1), scalarTensor("coeffB", 1),
                scalarTensor("coeffC", 0), scalarTensor("log2", 2), scalarTensor("n_levels", 4));
        Tensor y = run("iSoftmax", a, t(s(2, 2), 0, -2, 5, 5));
        assertThat(y.data()).containsExactly(3, 0, 1, 1);
    }

    @Test
    void itaMaxShiftsByTheRoundedThirtySecondOfTheDistance() {
        // distances [0, 32, 100, 16, 15]: shifts (d + 16) >> 5 = [0, 1, 3, 1, 0]
        // D = 256 + 128 + 32 + 128 + 256 = 800, inv = 65280 / 800 = 81
        // outputs inv >> shift = [81, 40, 10, 40, 81]
        Tensor y = run("ITAMax", List.of(scalarTensor("n_levels", 256)),
                t(s(1, 5), 0, -32, -100, -16, -15));
        assertThat(y.data()).containsExactly(81, 40, 10, 40, 81);
    }

    @Test
    void itaPartialMaxRescalesTheRunningSumWhenTheMaximumRises() {
        // groups of 2 over [0, -64, 32, 0]. Group 0: max -128 -> 0, D = 0 >> 4 + 256 + 64 = 320.
        // Group 1: max 0 -> 32, shift (32 + 16) >> 5 = 1, D = 160 + 256 + 128 = 544.
        // inv = 127 * 256 / 544 = 59; outputs 59 >> [1, 3, 0, 1] = [29, 7, 59, 29]
        Tensor y = run("ITAPartialMax", List.of(scalarTensor("n_levels", 256),
                ofInt("group_width", 2)), t(s(1, 4), 0, -64, 32, 0));
        assertThat(y.data()).containsExactly(29, 7, 59, 29);
    }

    @Test
    void itaPartialMaxWithOneGroupKeepsItsScaleOfOneHundredTwentySeven() {
        Tensor y = run("ITAPartialMax", List.of(scalarTensor("n_levels", 256),
                ofInt("group_width", 4)), t(s(1, 4), 0, 0, 0, 0));
        assertThat(y.data()).containsExactly(31, 31, 31, 31); // 127 * 256 / 1024
    }

    @Test
    void iLayerNormTruncatesTheMeanAndTheQuotient() {
        // row [1, 2, 3, 6]: mean 3, c = [-2, -1, 0, 3], mean c^2 = 14 / 4 = 3, s = sqrt(4) = 2
        // trunc(c * 10 / 2) + 1 = [-9, -4, 1, 16]; floor(/ 2) = [-5, -2, 0, 8]
        // row [-1, -2, -2, -2]: mean trunc(-7 / 4) = -1, c = [0, -1, -1, -1], 3 / 4 = 0, s = 1
        // trunc(c * 10) + 1 = [1, -9, -9, -9]; floor(/ 2) = [0, -5, -5, -5]
        List<OnnxAttribute> a = List.of(scalarTensor("D", 2), scalarTensor("n_levels", 256));
        Tensor y = run("iLayerNorm", a, t(s(2, 4), 1, 2, 3, 6, -1, -2, -2, -2),
                t(s(4), 10, 10, 10, 10), t(s(4), 1, 1, 1, 1));
        assertThat(y.data()).containsExactly(-5, -2, 0, 8, 0, -5, -5, -5);
    }

    @Test
    void iLayerNormClipsToItsLevels() {
        List<OnnxAttribute> a = List.of(scalarTensor("D", 1), scalarTensor("n_levels", 16));
        Tensor y = run("iLayerNorm", a, t(s(1, 2), -10, 10), t(s(2), 100, 100), t(s(2), 0, 0));
        assertThat(y.data()).containsExactly(-8, 7);
    }

    @Test
    void iRmsNormFloorsTheScaledQuotient() {
        // x [3, 4]: mean x^2 = 25 / 2 = 12, s = sqrt(13) = 3; floor(x * 6 / (3 * 4)) = [1, 2]
        // x [-3, -4]: [-2, -2]
        Tensor y = run("iRMSNorm", List.of(ofInt("D", 4), ofInt("n_levels", 256)),
                t(s(2, 2), 3, 4, -3, -4), t(s(2), 6, 6));
        assertThat(y.data()).containsExactly(1, 2, -2, -2);
    }

    @Test
    void iNoNormIsAnAffineRequantisation() {
        // (x * 2 + 1) * 3 / 4: x = 3 -> 21 / 4 -> 5 -> clipped to 3 (8 levels); x = -3 -> -15 / 4
        // -> -4; x = 0 -> 3 / 4 -> 0
        List<OnnxAttribute> a = List.of(scalarTensor("D", 4), scalarTensor("mul", 3),
                scalarTensor("n_levels", 8));
        Tensor y = run("iNoNorm", a, t(s(3), 3, -3, 0), t(s(3), 2, 2, 2), t(s(3), 1, 1, 1));
        assertThat(y.data()).containsExactly(3, -4, 0);
    }

    @Test
    void iGeluUsesTheSecondOrderErfApproximation() {
        // b = -4, one = 16: x = 1 -> L = 16 - 9 = 7 -> 1 * floor(23 / 2) = 11; x = -1 -> L = -7
        // -> -1 * floor(9 / 2) = -4; x = 0 -> 0; x = 10 -> L = 16 -> 160; x = -10 -> 0
        Tensor y = run("iGELU", List.of(ofInt("b", -4), ofInt("one", 16)),
                t(s(5), 1, -1, 0, 10, -10));
        assertThat(y.data()).containsExactly(11, -4, 0, 160, 0);
    }

    @Test
    void iHardswishClipsTheShiftedInput() {
        Tensor y = run("iHardswish", List.of(ofInt("three", 3), ofInt("six", 6),
                ofInt("one_over_six", 2)), t(s(4), -4, 1, 5, -3));
        assertThat(y.data()).containsExactly(0, 8, 60, 0);
    }

    @Test
    void integerDivRoundsHalvesAwayFromZero() {
        List<OnnxAttribute> a = List.of(ofInt("Delta", 1), ofInt("eps", 0), ofInt("eta", 1));
        Tensor y = run("IntegerDiv", a, t(s(4), 5, -5, 4, 7), t(s(4), 2, 2, 3, 1));
        assertThat(y.data()).containsExactly(3, -3, 1, 7);
        List<OnnxAttribute> e = List.of(ofInt("Delta", 2), ofInt("eps", 1), ofInt("eta", 3));
        // 3 * 2 * 3 / (1 * 3 + 1) = 18 / 4 = 4.5 -> 5
        assertThat(run("IntegerDiv", e, t(s(1), 3), t(s(1), 1)).data()).containsExactly(5);
    }

    @Test
    void trueIntegerDivMultipliesByTheFlooredFactor() {
        // floor(16384 * 200000 / (2 * 200000 + 1)) = floor(8191.98) = 8191
        List<OnnxAttribute> a = List.of(ofInt("Delta", 16384), ofInt("eps", 1),
                ofInt("eta", 200000), ofInt("y", 2));
        assertThat(run("TrueIntegerDiv", a, t(s(3), 3, -1, 0)).data())
                .containsExactly(24573, -8191, 0);
    }
}
