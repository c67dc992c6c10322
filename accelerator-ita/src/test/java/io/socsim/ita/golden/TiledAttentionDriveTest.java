package io.socsim.ita.golden;

import io.socsim.ita.math.Gemm;
import io.socsim.ita.math.ItaMax;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.ita.testdata.ItaGoldenVectors;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Drives the QK, ITAmax and AV steps one 64x64x64 tile at a time, the way a tiled engine will,
 * on the 2x2-tile golden set, and checks the results against the golden tensors.
 */
class TiledAttentionDriveTest {

    private static final int T = Gemm.TILE;

    @Test
    void tileByTileQkSoftmaxAndAvMatchTheGoldenHead() throws IOException {
        GoldenFile f = GoldenReader.read(
                ItaGoldenVectors.file("attention_S128_E128_P64_H1_seed1.txt"));
        Matrix8 qp = f.tensor("Qp_h0").toInt8();
        Matrix8 kp = f.tensor("Kp_h0").toInt8();
        Matrix8 vp = f.tensor("Vp_h0").toInt8();
        Requant rqQk = new Requant(f.param("RQ_MULT_QK", 0), f.param("RQ_SHIFT_QK", 0),
                f.param("RQ_ADD_QK", 0));
        Requant rqAv = new Requant(f.param("RQ_MULT_AV", 0), f.param("RQ_SHIFT_AV", 0),
                f.param("RQ_ADD_AV", 0));
        int s = qp.rows();
        int p = qp.cols();

        // QK: each finished, requantised tile is streamed into the softmax state at once.
        Matrix32 qkAcc = Matrix32.zeros(s, s);
        Matrix8 qk = Matrix8.zeros(s, s);
        ItaMax softmax = new ItaMax(s);
        for (int i0 = 0; i0 < s; i0 += T) {
            for (int j0 = 0; j0 < s; j0 += T) {
                for (int k0 = 0; k0 < p; k0 += T) {
                    Gemm.accumulate(qkAcc, qp, false, kp, true, i0, j0, k0, T, T, T);
                }
                Gemm.finish(qkAcc, null, i0, j0, T, T);
                Gemm.requantize(qkAcc, rqQk, qk, i0, j0, T, T);
                softmax.accumulate(qk, i0, j0, T, T);
            }
        }
        softmax.finishAll();

        // AV: A tiles are formed from QK, the final max and the inverse just before use.
        Matrix8 a = Matrix8.zeros(s, s);
        Matrix32 avAcc = Matrix32.zeros(s, p);
        Matrix8 av = Matrix8.zeros(s, p);
        for (int i0 = 0; i0 < s; i0 += T) {
            for (int k0 = 0; k0 < s; k0 += T) {
                softmax.normalize(qk, a, i0, k0, T, T);
            }
            for (int j0 = 0; j0 < p; j0 += T) {
                for (int k0 = 0; k0 < s; k0 += T) {
                    Gemm.accumulate(avAcc, a, true, vp, false, i0, j0, k0, T, T, T);
                }
                Gemm.finish(avAcc, null, i0, j0, T, T);
                Gemm.requantize(avAcc, rqAv, av, i0, j0, T, T);
            }
        }

        TensorCheck.assertSame(f.tensor("QK_acc_h0"), s, s, qkAcc.data());
        TensorCheck.assertSame(f.tensor("QK_h0"), s, s, qk.toSignedInts());
        TensorCheck.assertSame(f.tensor("A_h0"), s, s, a.toUnsignedInts());
        TensorCheck.assertSame(f.tensor("AV_acc_h0"), s, p, avAcc.data());
        TensorCheck.assertSame(f.tensor("AV_h0"), s, p, av.toSignedInts());
    }
}
