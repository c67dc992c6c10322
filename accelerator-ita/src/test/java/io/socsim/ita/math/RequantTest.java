package io.socsim.ita.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequantTest {

    @Test
    void roundsTiesTowardPositiveInfinityForBothSigns() {
        // 5/2 = 2.5 -> 3 and -5/2 = -2.5 -> -2 (not away from zero, not truncation).
        assertThat(Requant.requantize(5, 1, 1, 0)).isEqualTo(3);
        assertThat(Requant.requantize(-5, 1, 1, 0)).isEqualTo(-2);
        assertThat(Requant.requantize(-7, 1, 1, 0)).isEqualTo(-3);
        assertThat(Requant.requantize(-6, 1, 2, 0)).isEqualTo(-1); // -1.5 -> -1
        assertThat(Requant.requantize(-5, 1, 2, 0)).isEqualTo(-1); // -1.25 -> -1
        assertThat(Requant.requantize(-7, 1, 2, 0)).isEqualTo(-2); // -1.75 -> -2
    }

    @Test
    void saturatesToInt8() {
        assertThat(Requant.requantize(1 << 20, 255, 8, 0)).isEqualTo(127);
        assertThat(Requant.requantize(-(1 << 20), 255, 8, 0)).isEqualTo(-128);
        assertThat(Requant.requantize(100, 1, 0, 127)).isEqualTo(127);
    }

    @Test
    void addsOffsetAfterRoundingAndBeforeSaturation() {
        assertThat(Requant.requantize(5, 1, 1, 3)).isEqualTo(6);
        assertThat(Requant.requantize(-5, 1, 1, -3)).isEqualTo(-5);
        assertThat(Requant.requantize(130, 1, 0, -10)).isEqualTo(120);
    }

    @Test
    void formsTheProductInSixtyFourBits() {
        // 255 * 2^30 overflows int; with a 32-bit product the sign would flip.
        assertThat(Requant.requantize(1 << 30, 255, 31, 0)).isEqualTo(127);
        assertThat(Requant.requantize(1 << 30, 200, 38, 0)).isEqualTo(1); // 0.78 -> 1
        assertThat(Requant.requantize(Integer.MIN_VALUE, 255, 33, 0)).isEqualTo(-64); // -63.75
    }

    @Test
    void keepsPyItasEpsilonTermForShiftsAbove22() {
        // p / 2^23 = 0.5 - 2^-23; + 0.5 + 2^-23 = 1.0 exactly, so PyITA gives 1, not 0.
        int justBelowTie = (1 << 22) - 1;
        assertThat(Requant.requantize(justBelowTie, 1, 23, 0)).isEqualTo(1);
        assertThat(Requant.requantize(justBelowTie - 1, 1, 23, 0)).isEqualTo(0);
        assertThat(Requant.requantize(-(1 << 22) - 1, 1, 23, 0)).isEqualTo(0);
        assertThat(Requant.requantize(-(1 << 22) - 2, 1, 23, 0)).isEqualTo(-1);
        // Far beyond every operand width only the 0.5 remains.
        assertThat(Requant.requantize(Integer.MIN_VALUE, 255, 255, 7)).isEqualTo(7);
    }

    @Test
    void matchesTheExactRationalDefinitionForEveryShift() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int shift = 0; shift <= 255; shift++) {
            for (int n = 0; n < 400; n++) {
                int acc = switch (n % 4) {
                    case 0 -> rnd.nextInt();
                    case 1 -> rnd.nextInt(-(1 << 25), 1 << 25);
                    case 2 -> rnd.nextInt(-4096, 4096);
                    default -> tieNear(rnd, shift);
                };
                int mult = rnd.nextInt(256);
                int add = rnd.nextInt(-128, 128);
                assertThat(Requant.requantize(acc, mult, shift, add))
                        .as("acc=%d mult=%d shift=%d add=%d", acc, mult, shift, add)
                        .isEqualTo(reference(acc, mult, shift, add));
            }
        }
    }

    @Test
    void rejectsConstantsOutsideTheirRegisterWidths() {
        assertThatThrownBy(() -> new Requant(256, 0, 0)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> new Requant(1, -1, 0)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> new Requant(1, 0, 128)).isInstanceOf(
                IllegalArgumentException.class);
    }

    /** An accumulator whose product with mult 1 sits on or next to a .5 boundary. */
    private static int tieNear(SplittableRandom rnd, int shift) {
        if (shift == 0 || shift > 30) {
            return rnd.nextInt();
        }
        long v = ((long) rnd.nextInt(-100, 100) << shift) + (1L << (shift - 1))
                + rnd.nextInt(-1, 2);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /**
     * The README's form, exact for every shift:
     * floor(((p + add*2^s)*2^23 + 2^(s+22) + 2^s) / 2^(s+23)), clamped to int8.
     */
    private static int reference(int acc, int mult, int shift, int add) {
        BigInteger p = BigInteger.valueOf((long) mult * acc);
        BigInteger num = p.add(BigInteger.valueOf(add).shiftLeft(shift)).shiftLeft(23)
                .add(BigInteger.ONE.shiftLeft(shift + 22)).add(BigInteger.ONE.shiftLeft(shift));
        BigInteger r = num.shiftRight(shift + 23); // BigInteger shifts floor
        return r.max(BigInteger.valueOf(-128)).min(BigInteger.valueOf(127)).intValue();
    }
}
