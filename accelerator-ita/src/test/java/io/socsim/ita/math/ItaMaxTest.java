package io.socsim.ita.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ItaMaxTest {

    private static Matrix8 row(int... v) {
        return Matrix8.ofSigned(1, v.length, v);
    }

    private static int[] fill(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void equalValuesGiveUniformProbabilities() {
        ItaMax unit = new ItaMax(1);
        Matrix8 y = unit.softmax(row(fill(16, 0)));
        assertThat(unit.max(0)).isEqualTo(0);
        assertThat(unit.denominator(0)).isEqualTo(16 * 256);
        assertThat(unit.inverse(0)).isEqualTo(65280 / 4096);
        assertThat(y.toUnsignedInts()).containsOnly(15);
    }

    @Test
    void oneHotRowGivesTheMaximumFullWeightAndTheRestZero() {
        int[] x = fill(32, -128);
        x[31] = 127;
        ItaMax unit = new ItaMax(1);
        Matrix8 y = unit.softmax(row(x));
        assertThat(unit.denominator(0)).isEqualTo(256);
        assertThat(unit.inverse(0)).isEqualTo(255);
        assertThat(y.getUnsigned(0, 31)).isEqualTo(255);
        assertThat(y.getUnsigned(0, 0)).isEqualTo(0);
    }

    @Test
    void shiftsOfThirtyTwoOrMoreGiveZeroUnlikeJavasMaskedShift() {
        assertThat(256 >> 40).isEqualTo(1); // Java uses 40 & 31 = 8
        assertThat(ItaMax.shr(256, 40)).isZero();
        assertThat(ItaMax.shr(256, 32)).isZero();
        assertThat(ItaMax.shr(256, 31)).isZero();
        assertThat(ItaMax.shr(256, 8)).isEqualTo(1);
        assertThat(ItaMax.shr(256, 0)).isEqualTo(256);
    }

    @Test
    void rescalesTheEarlierPartialSumByFlooringWhenTheMaxGrows() {
        int[] x = new int[32];
        Arrays.fill(x, 0, 16, 0);
        Arrays.fill(x, 16, 32, 2);
        x[0] = -3; // 256 >> 3 = 32: group 0 sums to 15*256 + 32 = 3872
        ItaMax unit = new ItaMax(1);
        Matrix8 y = unit.softmax(row(x));
        // 3872 >> 2 = 968, then + 16*256 for group 1.
        assertThat(unit.denominator(0)).isEqualTo(968 + 4096);
        assertThat(unit.inverse(0)).isEqualTo(65280 / 5064);
        assertThat(y.getUnsigned(0, 16)).isEqualTo(12);
        assertThat(y.getUnsigned(0, 1)).isEqualTo(12 >> 2);
        assertThat(y.getUnsigned(0, 0)).isEqualTo(12 >> 5);
    }

    @Test
    void anEqualMaximumInALaterGroupDoesNotRescale() {
        int[] x = fill(32, 5);
        ItaMax unit = new ItaMax(1);
        unit.softmax(row(x));
        assertThat(unit.denominator(0)).isEqualTo(32 * 256);
    }

    @Test
    void groupOrderMattersBecauseTheRescaleFloors() {
        int[] small = fill(16, 118);
        small[0] = 120;
        int[] big = fill(16, 127);
        int[] smallFirst = new int[32];
        int[] bigFirst = new int[32];
        System.arraycopy(small, 0, smallFirst, 0, 16);
        System.arraycopy(big, 0, smallFirst, 16, 16);
        System.arraycopy(big, 0, bigFirst, 0, 16);
        System.arraycopy(small, 0, bigFirst, 16, 16);
        ItaMax a = new ItaMax(1);
        a.softmax(row(smallFirst));
        ItaMax b = new ItaMax(1);
        b.softmax(row(bigFirst));
        // Small group first: 256 + 15*64 = 1216, floored by 2^7 to 9, then + 16*256.
        assertThat(a.denominator(0)).isEqualTo(9 + 4096);
        // Big group first: each small term is shifted on its own: 256>>7 = 2, 256>>9 = 0.
        assertThat(b.denominator(0)).isEqualTo(4096 + 2);
    }

    @Test
    void streamsTileByTileWithTheSameResultAsTheWholeRow() {
        int[] x = new int[128];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 37) % 256 - 128;
        }
        Matrix8 m = row(x);
        ItaMax whole = new ItaMax(1);
        Matrix8 expected = whole.softmax(m);
        ItaMax tiled = new ItaMax(1);
        for (int c0 = 0; c0 < 128; c0 += 16) {
            tiled.accumulate(m, 0, c0, 16);
        }
        tiled.finish(0);
        Matrix8 y = Matrix8.zeros(1, 128);
        tiled.normalize(m, y, 0, 64, 1, 64);
        tiled.normalize(m, y, 0, 0, 1, 64);
        assertThat(y.contentEquals(expected)).isTrue();
        for (int c = 0; c < 128; c++) {
            assertThat(tiled.probability(0, x[c])).isEqualTo(expected.getUnsigned(0, c));
        }
    }

    @Test
    void rejectsGroupsOutOfOrderOrNotSixteenWide() {
        Matrix8 m = row(fill(64, 0));
        ItaMax unit = new ItaMax(1);
        assertThatThrownBy(() -> unit.accumulate(m, 0, 16, 16))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("left to right");
        assertThatThrownBy(() -> unit.accumulate(m, 0, 0, 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesProbabilitiesBeforeTheDividerHasRun() {
        ItaMax unit = new ItaMax(1);
        unit.accumulate(row(fill(16, 0)), 0, 0, 16);
        assertThatThrownBy(() -> unit.probability(0, 0)).isInstanceOf(
                IllegalStateException.class);
        assertThatThrownBy(() -> new ItaMax(1).finish(0)).isInstanceOf(
                IllegalStateException.class);
    }
}
