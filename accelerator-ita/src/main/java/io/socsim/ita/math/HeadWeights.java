package io.socsim.ita.math;

import java.util.Objects;

/**
 * Weights and biases of one attention head. Weights are used as stored ({@code X . W}):
 * {@code wq, wk, wv} are E x P and {@code wo} is P x E; biases are 1 x P (1 x E for {@code bo}).
 */
public record HeadWeights(Matrix8 wq, Matrix8 wk, Matrix8 wv, Matrix8 wo,
        Matrix32 bq, Matrix32 bk, Matrix32 bv, Matrix32 bo) {

    public HeadWeights {
        Objects.requireNonNull(wq, "wq");
        Objects.requireNonNull(wk, "wk");
        Objects.requireNonNull(wv, "wv");
        Objects.requireNonNull(wo, "wo");
        Objects.requireNonNull(bq, "bq");
        Objects.requireNonNull(bk, "bk");
        Objects.requireNonNull(bv, "bv");
        Objects.requireNonNull(bo, "bo");
        int e = wq.rows();
        int p = wq.cols();
        requireShape("wk", wk.rows(), wk.cols(), e, p);
        requireShape("wv", wv.rows(), wv.cols(), e, p);
        requireShape("wo", wo.rows(), wo.cols(), p, e);
        requireShape("bq", bq.rows(), bq.cols(), 1, p);
        requireShape("bk", bk.rows(), bk.cols(), 1, p);
        requireShape("bv", bv.rows(), bv.cols(), 1, p);
        requireShape("bo", bo.rows(), bo.cols(), 1, e);
    }

    /** Embedding size E. */
    public int embedding() {
        return wq.rows();
    }

    /** Projection size P. */
    public int projection() {
        return wq.cols();
    }

    private static void requireShape(String name, int rows, int cols, int er, int ec) {
        if (rows != er || cols != ec) {
            throw new IllegalArgumentException(name + " is " + rows + "x" + cols + ", expected "
                    + er + "x" + ec);
        }
    }
}
