package io.socsim.ita.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GemmTest {

    @Test
    void addsTheBiasToEveryRowPerOutputColumn() {
        Matrix8 a = Matrix8.ofSigned(2, 1, new int[] {1, 2});
        Matrix8 b = Matrix8.ofSigned(1, 3, new int[] {1, -1, 3});
        Matrix32 acc = Gemm.linear(a, b, Matrix32.rowVector(10, 20, 30));
        assertThat(acc.data()).containsExactly(11, 19, 33, 12, 18, 36);
    }

    @Test
    void clampsTheFinishedSumTo26Bits() {
        Matrix8 a = Matrix8.ofSigned(1, 1, new int[] {1});
        Matrix8 b = Matrix8.ofSigned(1, 2, new int[] {1, -1});
        Matrix32 acc = Gemm.linear(a, b, Matrix32.rowVector(Gemm.ACC_MAX, Gemm.ACC_MIN));
        assertThat(acc.data()).containsExactly(Gemm.ACC_MAX, Gemm.ACC_MIN);
        assertThat(Gemm.ACC_MAX).isEqualTo((1 << 25) - 1);
        assertThat(Gemm.clip26(1L << 40)).isEqualTo(Gemm.ACC_MAX);
        assertThat(Gemm.clip26(-(1L << 40))).isEqualTo(Gemm.ACC_MIN);
    }

    @Test
    void clampsOnlyAfterTheLastInnerTile() {
        // The bias alone is beyond the clamp range, but the full sum brings it back inside.
        Matrix8 a = Matrix8.ofSigned(1, 1, new int[] {-128});
        Matrix8 b = Matrix8.ofSigned(1, 1, new int[] {127});
        Matrix32 acc = Gemm.linear(a, b, Matrix32.rowVector(Gemm.ACC_MAX + 100));
        assertThat(acc.get(0, 0)).isEqualTo(Gemm.ACC_MAX + 100 - 128 * 127);
    }

    @Test
    void readsTheSoftmaxOperandAsUnsigned() {
        Matrix8 a = Matrix8.ofUnsigned(1, 2, new int[] {255, 128});
        Matrix8 b = Matrix8.ofSigned(2, 1, new int[] {1, 1});
        assertThat(Gemm.linear(a, true, b, false, null).get(0, 0)).isEqualTo(383);
        assertThat(Gemm.linear(a, false, b, false, null).get(0, 0)).isEqualTo(-129);
    }

    @Test
    void transposedOperandEqualsExplicitTranspose() {
        SplittableRandom rnd = new SplittableRandom(1);
        Matrix8 a = random(rnd, 80, 72);
        Matrix8 bt = random(rnd, 96, 72);
        Matrix8 b = Matrix8.zeros(72, 96);
        for (int r = 0; r < 96; r++) {
            for (int c = 0; c < 72; c++) {
                b.set(c, r, bt.get(r, c));
            }
        }
        assertThat(Gemm.linear(a, false, bt, true, null)
                .contentEquals(Gemm.linear(a, false, b, false, null))).isTrue();
    }

    @Test
    void tiledAccumulationInAnyOrderEqualsTheNaiveProduct() {
        SplittableRandom rnd = new SplittableRandom(2);
        Matrix8 a = random(rnd, 128, 192);
        Matrix8 b = random(rnd, 192, 128);
        int[] bias = new int[128];
        for (int j = 0; j < bias.length; j++) {
            bias[j] = rnd.nextInt(-(1 << 20), 1 << 20);
        }
        Matrix32 expected = Matrix32.zeros(128, 128);
        for (int i = 0; i < 128; i++) {
            for (int j = 0; j < 128; j++) {
                long s = bias[j];
                for (int k = 0; k < 192; k++) {
                    s += a.get(i, k) * b.get(k, j);
                }
                expected.set(i, j, Gemm.clip26(s));
            }
        }
        // Inner tiles outermost and in reverse: order must not matter before the finish.
        Matrix32 acc = Matrix32.zeros(128, 128);
        for (int k0 = 192 - Gemm.TILE; k0 >= 0; k0 -= Gemm.TILE) {
            for (int i0 = 0; i0 < 128; i0 += Gemm.TILE) {
                for (int j0 = 0; j0 < 128; j0 += Gemm.TILE) {
                    Gemm.accumulate(acc, a, false, b, false, i0, j0, k0, Gemm.TILE, Gemm.TILE,
                            Gemm.TILE);
                }
            }
        }
        Gemm.finish(acc, Matrix32.rowVector(bias), 0, 0, 128, 128);
        assertThat(acc.contentEquals(expected)).isTrue();
        assertThat(Gemm.linear(a, b, Matrix32.rowVector(bias)).contentEquals(expected)).isTrue();
    }

    @Test
    void requantizesOnlyTheRequestedBlock() {
        Matrix32 acc = new Matrix32(2, 2, new int[] {4, 8, 12, 16});
        Matrix8 out = Matrix8.zeros(2, 2);
        Gemm.requantize(acc, new Requant(1, 2, 0), out, 1, 0, 1, 2);
        assertThat(out.toSignedInts()).containsExactly(0, 0, 3, 4);
    }

    @Test
    void rejectsMismatchedShapesAndBlocksOutsideTheMatrix() {
        Matrix8 a = Matrix8.zeros(4, 3);
        Matrix8 b = Matrix8.zeros(4, 3);
        assertThatThrownBy(() -> Gemm.linear(a, b, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inner dimensions differ");
        Matrix32 acc = Matrix32.zeros(4, 4);
        assertThatThrownBy(() -> Gemm.accumulate(acc, a, false, b, true, 0, 2, 0, 4, 4, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Gemm.linear(a, false, b, true, Matrix32.rowVector(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bias");
    }

    @Test
    void refusesInnerDimensionsWhoseExactSumsCouldWrapInt32() {
        int k = Gemm.MAX_EXACT_INNER + 1;
        assertThatThrownBy(() -> Gemm.linear(Matrix8.zeros(1, k), Matrix8.zeros(k, 1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inner dimension " + k);
    }

    static Matrix8 random(SplittableRandom rnd, int rows, int cols) {
        byte[] d = new byte[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) rnd.nextInt(-128, 128);
        }
        return new Matrix8(rows, cols, d);
    }
}
