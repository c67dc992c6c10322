package io.socsim.workloads.ita;

import io.socsim.ita.golden.GoldenFile;
import io.socsim.ita.math.Activation;
import io.socsim.ita.math.ActivationStage;
import io.socsim.ita.math.Attention;
import io.socsim.ita.math.FeedForward;
import io.socsim.ita.math.GeluConstants;
import io.socsim.ita.math.Gemm;
import io.socsim.ita.math.HeadRequant;
import io.socsim.ita.math.HeadWeights;
import io.socsim.ita.math.ItaMax;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.workloads.ita.ItaJobSpec.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Everything ITA reads for one job, and what it must write.
 *
 * @param mode       linear or attention
 * @param x          input, S x E (attention: the query input)
 * @param kv         attention: key/value input when it differs from {@code x}, else null
 * @param weights    linear: [W (E x P)]; attention: [Wq, Wk, Wv (E x P), Wo (P x E)]
 * @param biases     linear: [b (1 x P)]; attention: [bq, bk, bv (1 x P), bo (1 x E)]
 * @param requants   linear: [RQ0]; attention: RQ0 .. RQ5 for Q, K, V, QK, AV, OW
 * @param activation linear: the activation (PyITA's default constants); attention: identity
 * @param expected   the job's output: linear S x P, attention S x E (the head's OW)
 */
public record ItaOperands(Mode mode, Matrix8 x, Matrix8 kv, List<Matrix8> weights, List<Matrix32> biases,
        List<Requant> requants, Activation activation, Matrix8 expected) {

    /** Output rms the calibration aims at: about 3 sigma inside int8, so few values saturate. */
    static final double TARGET_RMS = 32;
    /**
     * QK feeds ITAmax, whose probabilities halve per unit below the row maximum: a narrower
     * spread keeps several keys per row in play instead of a one-hot softmax.
     */
    static final double TARGET_RMS_QK = 12;

    public ItaOperands {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(x, "x");
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
        requants = List.copyOf(requants);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(expected, "expected");
    }

    public int s() {
        return x.rows();
    }

    public int e() {
        return x.cols();
    }

    public int p() {
        return weights.get(0).cols();
    }

    /** The key/value input ITA reads: {@link #kv} when given, else {@link #x}. */
    public Matrix8 keyValue() {
        return kv != null ? kv : x;
    }

    /**
     * The spec's inputs, drawn from {@code SplittableRandom(seed)}: inputs and weights int8 as the
     * sum of two uniform draws over [-64, 63] (a triangular spread centred on 0, every int8 but
     * 127 possible), biases uniform over {@code +-1024 * ceil(sqrt(inner dimension))}, a fraction
     * of the accumulators' typical size. Attention is self-attention ({@code kv == null}). Missing
     * requant constants are calibrated step by step on the data itself (as PyITA derives its
     * scales from the data), aiming at an output rms of {@link #TARGET_RMS}.
     */
    public static ItaOperands generate(ItaJobSpec spec) {
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        int s = spec.s(), e = spec.e(), p = spec.p();
        Matrix8 x = int8(rnd, s, e);
        boolean calibrate = spec.requants().isEmpty();
        if (spec.mode() == Mode.LINEAR) {
            Matrix8 w = int8(rnd, e, p);
            Matrix32 b = bias(rnd, p, e);
            Requant rq = calibrate ? calibrate(Gemm.linear(x, w, b), TARGET_RMS) : spec.requants().get(0);
            return linear(x, w, b, rq, spec.activation());
        }
        Matrix8 wq = int8(rnd, e, p), wk = int8(rnd, e, p), wv = int8(rnd, e, p), wo = int8(rnd, p, e);
        Matrix32 bq = bias(rnd, p, e), bk = bias(rnd, p, e), bv = bias(rnd, p, e), bo = bias(rnd, e, p);
        HeadWeights w = new HeadWeights(wq, wk, wv, wo, bq, bk, bv, bo);
        HeadRequant rq = calibrate ? calibrateHead(x, w) : new HeadRequant(spec.requants().get(0),
                spec.requants().get(1), spec.requants().get(2), spec.requants().get(3), spec.requants().get(4),
                spec.requants().get(5));
        return attention(x, null, w, rq);
    }

    /** A linear job and its expected output, computed with ITA's bit-exact math. */
    public static ItaOperands linear(Matrix8 x, Matrix8 w, Matrix32 b, Requant rq, Activation act) {
        Matrix8 out = FeedForward.linear(x, w, b, rq, ActivationStage.withDefaults(act)).out();
        return new ItaOperands(Mode.LINEAR, x, null, List.of(w), List.of(b), List.of(rq), act, out);
    }

    /** An attention-head job (self-attention when {@code kv} is null) and its expected OW output. */
    public static ItaOperands attention(Matrix8 x, Matrix8 kv, HeadWeights w, HeadRequant rq) {
        Matrix8 k = kv != null ? kv : x;
        Matrix8 out = Attention.head(x, k, k, w, rq).ow();
        return new ItaOperands(Mode.ATTENTION, x, kv, List.of(w.wq(), w.wk(), w.wv(), w.wo()),
                List.of(w.bq(), w.bk(), w.bv(), w.bo()), List.of(rq.q(), rq.k(), rq.v(), rq.qk(), rq.av(), rq.ow()),
                Activation.IDENTITY, out);
    }

    /**
     * One job from a golden file of the accelerator authors' model, with the file's own output
     * tensor as the expected result (not our recomputation): attention files give head
     * {@code head} ({@code Q} as the input, {@code K} as the key/value input, which must equal
     * {@code V}; expected {@code OW_h<head>}); FFN files give the first layer ({@code FF_in},
     * {@code Wff}, {@code Bff}, RQ_FF1 and the activation; expected {@code FF1}).
     *
     * @throws IllegalArgumentException when the file needs something the register interface cannot
     *     express: K differing from V, or activation constants other than PyITA's defaults
     */
    public static ItaOperands fromGolden(GoldenFile f, int head) {
        switch (f.kind()) {
            case "attention" -> {
                Matrix8 q = f.tensor("Q").toInt8(), k = f.tensor("K").toInt8(), v = f.tensor("V").toInt8();
                if (!k.contentEquals(v)) {
                    throw new IllegalArgumentException(f.source() + ": K differs from V; ITA has one key/value input");
                }
                String h = "_h" + head;
                List<Matrix8> w = List.of(f.tensor("Wq" + h).toInt8(), f.tensor("Wk" + h).toInt8(),
                        f.tensor("Wv" + h).toInt8(), f.tensor("Wo" + h).toInt8());
                List<Matrix32> b = List.of(f.tensor("Bq" + h).toInt32(), f.tensor("Bk" + h).toInt32(),
                        f.tensor("Bv" + h).toInt32(), f.tensor("Bo" + h).toInt32());
                List<Requant> rq = new ArrayList<>();
                for (String step : ItaJobSpec.ATTENTION_STEPS) {
                    rq.add(new Requant(f.param("RQ_MULT_" + step, head), f.param("RQ_SHIFT_" + step, head),
                            f.param("RQ_ADD_" + step, head)));
                }
                return new ItaOperands(Mode.ATTENTION, q, q.contentEquals(k) ? null : k, w, b, rq,
                        Activation.IDENTITY, f.tensor("OW" + h).toInt8());
            }
            case "ffn" -> {
                Activation act = Activation.parse(f.meta("activation"));
                Requant actRq = new Requant(f.param("ACT_MULT"), f.param("ACT_SHIFT"), f.param("ACT_ADD"));
                GeluConstants gelu = new GeluConstants(f.param("GELU_ONE"), f.param("GELU_B"), f.param("GELU_C"));
                if (act != Activation.IDENTITY
                        && (!actRq.equals(Requant.DEFAULT_ACTIVATION) || !gelu.equals(GeluConstants.DEFAULT))) {
                    throw new IllegalArgumentException(f.source()
                            + ": activation constants differ from PyITA's defaults, which are all ITA_ACT selects");
                }
                Requant rq = new Requant(f.param("RQ_MULT_FF1"), f.param("RQ_SHIFT_FF1"), f.param("RQ_ADD_FF1"));
                return new ItaOperands(Mode.LINEAR, f.tensor("FF_in").toInt8(), null, List.of(f.tensor("Wff").toInt8()),
                        List.of(f.tensor("Bff").toInt32()), List.of(rq), act, f.tensor("FF1").toInt8());
            }
            default -> throw new IllegalArgumentException(f.source() + ": a " + f.kind()
                    + " file holds no ITA job (attention or ffn needed)");
        }
    }

    /** The same operands with the output recomputed by ITA's math (for checks against {@link #expected}). */
    public Matrix8 recompute() {
        if (mode == Mode.LINEAR) {
            return linear(x, weights.get(0), biases.get(0), requants.get(0), activation).expected();
        }
        return attention(x, kv, headWeights(), headRequant()).expected();
    }

    HeadWeights headWeights() {
        return new HeadWeights(weights.get(0), weights.get(1), weights.get(2), weights.get(3),
                biases.get(0), biases.get(1), biases.get(2), biases.get(3));
    }

    HeadRequant headRequant() {
        return new HeadRequant(requants.get(0), requants.get(1), requants.get(2), requants.get(3),
                requants.get(4), requants.get(5));
    }

    // ------------------------------------------------------------------ generation

    private static Matrix8 int8(SplittableRandom rnd, int rows, int cols) {
        byte[] d = new byte[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (rnd.nextInt(-64, 64) + rnd.nextInt(-64, 64));
        }
        return new Matrix8(rows, cols, d);
    }

    private static Matrix32 bias(SplittableRandom rnd, int n, int inner) {
        int bound = 1024 * (int) Math.ceil(Math.sqrt(inner));
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextInt(-bound, bound + 1);
        }
        return new Matrix32(1, n, d);
    }

    /** Runs the head step by step, choosing each step's constants from its accumulators. */
    private static HeadRequant calibrateHead(Matrix8 x, HeadWeights w) {
        Matrix32 qAcc = Gemm.linear(x, w.wq(), w.bq()), kAcc = Gemm.linear(x, w.wk(), w.bk()),
                vAcc = Gemm.linear(x, w.wv(), w.bv());
        Requant q = calibrate(qAcc, TARGET_RMS), k = calibrate(kAcc, TARGET_RMS), v = calibrate(vAcc, TARGET_RMS);
        Matrix32 qkAcc = Gemm.linear(q.apply(qAcc), false, k.apply(kAcc), true, null);
        Requant qk = calibrate(qkAcc, TARGET_RMS_QK);
        Matrix8 a = new ItaMax(x.rows()).softmax(qk.apply(qkAcc));
        Matrix32 avAcc = Gemm.linear(a, true, v.apply(vAcc), false, null);
        Requant av = calibrate(avAcc, TARGET_RMS);
        Requant ow = calibrate(Gemm.linear(av.apply(avAcc), w.wo(), w.bo()), TARGET_RMS);
        return new HeadRequant(q, k, v, qk, av, ow);
    }

    /**
     * Constants {@code mult / 2^shift} (add 0) that map the accumulators' rms to {@code target}:
     * the largest shift whose multiplier still fits 8 bits, so the scale keeps 8 significant bits.
     */
    static Requant calibrate(Matrix32 acc, double target) {
        double sum = 0;
        for (int v : acc.data()) {
            sum += (double) v * v;
        }
        double rms = Math.sqrt(sum / Math.max(1, acc.data().length));
        if (rms == 0) {
            return new Requant(1, 0, 0);
        }
        double scale = target / rms;
        for (int shift = 62; shift >= 0; shift--) {
            long mult = Math.round(scale * Math.pow(2, shift));
            if (mult <= 255) {
                return new Requant((int) Math.max(1, mult), shift, 0);
            }
        }
        return new Requant(255, 0, 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ItaOperands[%s S=%d E=%d P=%d %s rq=%s]", mode, s(), e(), p(), activation,
                requants);
    }
}
