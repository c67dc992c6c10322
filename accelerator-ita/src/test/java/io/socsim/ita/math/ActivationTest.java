package io.socsim.ita.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActivationTest {

    private static final GeluConstants G = GeluConstants.DEFAULT;
    private static final Requant RQ = Requant.DEFAULT_ACTIVATION;

    @Test
    void geluTreatsMinus128AsMinus127() {
        assertThat(G.raw(-128)).isEqualTo(G.raw(-127));
    }

    @Test
    void geluPolynomialSaturatesBeyondMagnitude80() {
        // erf is flat at sign * C for |q| >= 80, so raw(q) = q * (C + ONE) there.
        assertThat(G.raw(100)).isEqualTo(100 * (-7091 - 7091));
        assertThat(G.raw(-100)).isEqualTo(-100 * (7091 - 7091));
        assertThat(G.raw(0)).isZero();
    }

    @Test
    void geluOutputKeepsPyItasNegatedSign() {
        assertThat(Activation.GELU.apply(127, RQ, G)).isEqualTo(-127);
        assertThat(Activation.GELU.apply(32, RQ, G)).isLessThan(0);
        assertThat(Activation.GELU.apply(-32, RQ, G)).isBetween(0, 5);
    }

    @Test
    void reluWithDefaultActivationConstantsIsZeroForEveryInput() {
        for (int q = -128; q <= 127; q++) {
            assertThat(Activation.RELU.apply(q, RQ, G)).as("q=%d", q).isZero();
        }
    }

    @Test
    void reluIsRequantisedWithTheActivationConstants() {
        Requant rq = new Requant(90, 7, 0);
        assertThat(Activation.RELU.apply(-50, rq, G)).isZero();
        assertThat(Activation.RELU.apply(100, rq, G)).isEqualTo(70); // 70.3 -> 70
        assertThat(Activation.RELU.apply(127, rq, G)).isEqualTo(89);
    }

    @Test
    void identityPassesValuesThroughWithoutRequantisation() {
        for (int q = -128; q <= 127; q++) {
            assertThat(Activation.IDENTITY.apply(q, RQ, G)).isEqualTo(q);
        }
    }

    @Test
    void parsesPyItaActivationNames() {
        assertThat(Activation.parse("gelu")).isEqualTo(Activation.GELU);
        assertThat(Activation.parse("relu")).isEqualTo(Activation.RELU);
        assertThat(Activation.parse("identity")).isEqualTo(Activation.IDENTITY);
        assertThatThrownBy(() -> Activation.parse("silu"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
