package io.socsim.ita.math;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-head attention as ITA runs it (golden README section 4): each head is a job of six
 * steps Q, K, V, QK (+ITAmax), AV, OW; the heads' int8 OW outputs are then summed in int32 and
 * requantised once.
 */
public final class Attention {

    private Attention() {
    }

    /** One head; {@code k} and {@code v} are the key and value inputs (equal in PyITA). */
    public static HeadResult head(Matrix8 q, Matrix8 k, Matrix8 v, HeadWeights w,
            HeadRequant rq) {
        requireInput("Q", q, w.embedding());
        requireInput("K", k, w.embedding());
        requireInput("V", v, w.embedding());
        Matrix32 qpAcc = Gemm.linear(q, w.wq(), w.bq());
        Matrix8 qp = rq.q().apply(qpAcc);
        Matrix32 kpAcc = Gemm.linear(k, w.wk(), w.bk());
        Matrix8 kp = rq.k().apply(kpAcc);
        Matrix32 vpAcc = Gemm.linear(v, w.wv(), w.bv());
        Matrix8 vp = rq.v().apply(vpAcc);

        // The only transpose of the whole computation: Qp . Kp^T, and no bias.
        Matrix32 qkAcc = Gemm.linear(qp, false, kp, true, null);
        Matrix8 qk = rq.qk().apply(qkAcc);

        ItaMax softmax = new ItaMax(qk.rows());
        Matrix8 a = softmax.softmax(qk);
        int rows = qk.rows();
        int[] rowMax = new int[rows];
        int[] rowDen = new int[rows];
        int[] rowInv = new int[rows];
        for (int r = 0; r < rows; r++) {
            rowMax[r] = softmax.max(r);
            rowDen[r] = softmax.denominator(r);
            rowInv[r] = softmax.inverse(r);
        }

        // A is uint8 here: a probability of 255 must not turn into -1.
        Matrix32 avAcc = Gemm.linear(a, true, vp, false, null);
        Matrix8 av = rq.av().apply(avAcc);
        Matrix32 owAcc = Gemm.linear(av, w.wo(), w.bo());
        Matrix8 ow = rq.ow().apply(owAcc);
        return new HeadResult(qpAcc, qp, kpAcc, kp, vpAcc, vp, qkAcc, qk, a, rowMax, rowDen,
                rowInv, avAcc, av, owAcc, ow);
    }

    /** All heads, then the head sum requantised with {@code osumRq}. */
    public static AttentionResult multiHead(Matrix8 q, Matrix8 k, Matrix8 v,
            List<HeadWeights> weights, List<HeadRequant> requants, Requant osumRq) {
        if (weights.isEmpty() || weights.size() != requants.size()) {
            throw new IllegalArgumentException("need one weight set and one requant set per head, "
                    + "got " + weights.size() + " and " + requants.size());
        }
        List<HeadResult> heads = new ArrayList<>(weights.size());
        Matrix32 sum = Matrix32.zeros(q.rows(), weights.get(0).embedding());
        for (int h = 0; h < weights.size(); h++) {
            HeadResult r = head(q, k, v, weights.get(h), requants.get(h));
            heads.add(r);
            addHead(sum, r.ow());
        }
        return new AttentionResult(heads, sum, osumRq.apply(sum));
    }

    /**
     * The summation step: adds one head's int8 output projection into the int32 head sum.
     * There is no 26-bit clamp here; H int8 values cannot overflow int32.
     */
    public static void addHead(Matrix32 sum, Matrix8 ow) {
        if (sum.rows() != ow.rows() || sum.cols() != ow.cols()) {
            throw new IllegalArgumentException("head output " + ow.rows() + "x" + ow.cols()
                    + " does not match sum " + sum.rows() + "x" + sum.cols());
        }
        int[] s = sum.data();
        byte[] o = ow.data();
        for (int i = 0; i < s.length; i++) {
            s[i] += o[i];
        }
    }

    private static void requireInput(String name, Matrix8 x, int e) {
        if (x.cols() != e) {
            throw new IllegalArgumentException(name + " has " + x.cols()
                    + " columns, the weights expect E=" + e);
        }
    }
}
