package io.socsim.workloads.mobilebert;

import io.socsim.ita.math.Gemm;
import io.socsim.ita.math.HeadResult;
import io.socsim.ita.math.ItaMax;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;

/**
 * One attention head step by step, with the value projection free to read a different (wider)
 * input than the query and key projections. The steps, operand signedness, transpose and
 * requantisation are those of {@code Attention.head}, built from the same primitives; with
 * {@code vIn == x} the result equals {@code Attention.head(x, x, x, ...)} bit for bit (tested).
 * The ORIGINAL variant needs this because ITA's {@code HeadWeights} requires V to have Q's width.
 */
public final class MobileBertHead {

    /** The six steps, in ITA's order. */
    public enum Step { Q, K, V, QK, AV, OW }

    /** Supplies a step's requantisation once its accumulator is known (calibration reads it). */
    @FunctionalInterface
    interface Requants {
        Requant choose(Step step, Matrix32 acc);
    }

    private MobileBertHead() {
    }

    /** Runs the head with its stored constants; {@code x} feeds Q and K, {@code vIn} feeds V. */
    public static HeadResult run(Matrix8 x, Matrix8 vIn, MobileBertWeights.Head w) {
        return run(x, vIn, w, (step, acc) -> switch (step) {
            case Q -> w.rq().q();
            case K -> w.rq().k();
            case V -> w.rq().v();
            case QK -> w.rq().qk();
            case AV -> w.rq().av();
            case OW -> w.rq().ow();
        });
    }

    static HeadResult run(Matrix8 x, Matrix8 vIn, MobileBertWeights.Head w, Requants rq) {
        Matrix32 qpAcc = Gemm.linear(x, w.wq(), w.bq());
        Matrix8 qp = rq.choose(Step.Q, qpAcc).apply(qpAcc);
        Matrix32 kpAcc = Gemm.linear(x, w.wk(), w.bk());
        Matrix8 kp = rq.choose(Step.K, kpAcc).apply(kpAcc);
        Matrix32 vpAcc = Gemm.linear(vIn, w.wv(), w.bv());
        Matrix8 vp = rq.choose(Step.V, vpAcc).apply(vpAcc);

        Matrix32 qkAcc = Gemm.linear(qp, false, kp, true, null); // Qp . Kp^T, no bias
        Matrix8 qk = rq.choose(Step.QK, qkAcc).apply(qkAcc);

        int rows = qk.rows();
        ItaMax softmax = new ItaMax(rows);
        Matrix8 a = softmax.softmax(qk);
        int[] rowMax = new int[rows];
        int[] rowDen = new int[rows];
        int[] rowInv = new int[rows];
        for (int r = 0; r < rows; r++) {
            rowMax[r] = softmax.max(r);
            rowDen[r] = softmax.denominator(r);
            rowInv[r] = softmax.inverse(r);
        }

        Matrix32 avAcc = Gemm.linear(a, true, vp, false, null); // A is uint8
        Matrix8 av = rq.choose(Step.AV, avAcc).apply(avAcc);
        Matrix32 owAcc = Gemm.linear(av, w.wo(), w.bo());
        Matrix8 ow = rq.choose(Step.OW, owAcc).apply(owAcc);
        return new HeadResult(qpAcc, qp, kpAcc, kp, vpAcc, vp, qkAcc, qk, a, rowMax, rowDen,
                rowInv, avAcc, av, owAcc, ow);
    }
}
