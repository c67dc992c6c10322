package io.socsim.workloads.ops;

import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import java.util.List;

/**
 * The reference integer definitions of the operations the cluster cores run for a transformer
 * (everything ITA does not): the golden model calls these, and the generated XpulpV2 kernels must
 * equal them bit for bit. Every one requantises with ITA's rule ({@link Requant#requantize}:
 * round half up on the exact product, then add, then clip to int8), so one core routine serves all.
 */
public final class CoreOps {

    private CoreOps() {
    }

    /** Residual add: {@code y = rq(a + b)}, element by element. */
    public static Matrix8 residualAdd(Matrix8 a, Matrix8 b, Requant rq) {
        same(a, b);
        byte[] y = new byte[a.data().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (byte) rq.apply(a.data()[i] + b.data()[i]);
        }
        return new Matrix8(a.rows(), a.cols(), y);
    }

    /**
     * MobileBERT's NoNorm (an element-wise affine map, no statistics), per channel c:
     * {@code y[r][c] = rq(x[r][c] * gamma[c] + beta[c])} with int8 gamma and int32 beta.
     */
    public static Matrix8 noNorm(Matrix8 x, byte[] gamma, int[] beta, Requant rq) {
        int cols = x.cols();
        if (gamma.length != cols || beta.length != cols) {
            throw new IllegalArgumentException("NoNorm of " + cols + " channels with " + gamma.length + " gammas and " + beta.length + " betas");
        }
        byte[] y = new byte[x.data().length];
        for (int i = 0; i < y.length; i++) {
            int c = i % cols;
            y[i] = (byte) rq.apply(x.data()[i] * gamma[c] + beta[c]);
        }
        return new Matrix8(x.rows(), cols, y);
    }

    /** The residual add followed by NoNorm, the tail of every MobileBERT sub-block. */
    public static Matrix8 addNorm(Matrix8 a, Matrix8 b, Requant addRq, byte[] gamma, int[] beta, Requant normRq) {
        return noNorm(residualAdd(a, b, addRq), gamma, beta, normRq);
    }

    /** Sum of the heads' int8 outputs in int32, requantised once (PyITA's OSUM step). */
    public static Matrix8 headSum(List<Matrix8> heads, Requant rq) {
        Matrix8 first = heads.get(0);
        int[] acc = new int[first.data().length];
        for (Matrix8 h : heads) {
            same(first, h);
            for (int i = 0; i < acc.length; i++) {
                acc[i] += h.data()[i];
            }
        }
        byte[] y = new byte[acc.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (byte) rq.apply(acc[i]);
        }
        return new Matrix8(first.rows(), first.cols(), y);
    }

    /**
     * MobileBERT's trigram embedding input: row t is the concatenation of the embeddings of tokens
     * t+1, t and t-1 (HuggingFace order), zeros past either end of the sequence.
     */
    public static Matrix8 trigram(int[] tokens, Matrix8 table) {
        int s = tokens.length, e = table.cols();
        byte[] y = new byte[s * 3 * e];
        for (int t = 0; t < s; t++) {
            int[] order = {t + 1, t, t - 1};
            for (int part = 0; part < 3; part++) {
                int src = order[part];
                if (src >= 0 && src < s) {
                    System.arraycopy(table.data(), tokens[src] * e, y, (t * 3 + part) * e, e);
                }
            }
        }
        return new Matrix8(s, 3 * e, y);
    }

    private static void same(Matrix8 a, Matrix8 b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(a.rows() + "x" + a.cols() + " and " + b.rows() + "x" + b.cols() + " differ in shape");
        }
    }
}
