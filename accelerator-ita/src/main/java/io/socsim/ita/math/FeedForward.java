package io.socsim.ita.math;

/**
 * ITA's linear mode and the feed-forward block built from two linear steps (golden README
 * section 6.1).
 */
public final class FeedForward {

    private FeedForward() {
    }

    /** {@code act(rq(clip26(x . w + bias)))}: ITA's linear layer. */
    public static LinearResult linear(Matrix8 x, Matrix8 w, Matrix32 bias, Requant rq,
            ActivationStage act) {
        Matrix32 acc = Gemm.linear(x, w, bias);
        Matrix8 requantized = rq.apply(acc);
        Matrix8 out = act.kind() == Activation.IDENTITY ? requantized : act.apply(requantized);
        return new LinearResult(acc, requantized, out);
    }

    /** FF1 with the activation, then FF2 without one. */
    public static FfnResult run(Matrix8 in, Matrix8 w1, Matrix32 b1, Requant rq1,
            ActivationStage act, Matrix8 w2, Matrix32 b2, Requant rq2) {
        LinearResult ff1 = linear(in, w1, b1, rq1, act);
        LinearResult ff2 = linear(ff1.out(), w2, b2, rq2, ActivationStage.IDENTITY);
        return new FfnResult(ff1.acc(), ff1.requantized(), ff1.out(), ff2.acc(),
                ff2.requantized());
    }
}
