package io.socsim.workloads.mobilebert;

import io.socsim.ita.math.Activation;
import io.socsim.ita.math.ActivationStage;
import io.socsim.ita.math.GeluConstants;
import io.socsim.ita.math.Gemm;
import io.socsim.ita.math.HeadRequant;
import io.socsim.ita.math.HeadResult;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.workloads.mobilebert.MobileBertHead.Step;
import io.socsim.workloads.mobilebert.MobileBertWeights.AddNorm;
import io.socsim.workloads.mobilebert.MobileBertWeights.Embedding;
import io.socsim.workloads.mobilebert.MobileBertWeights.Ffn;
import io.socsim.workloads.mobilebert.MobileBertWeights.Head;
import io.socsim.workloads.mobilebert.MobileBertWeights.Layer;
import io.socsim.workloads.mobilebert.MobileBertWeights.Linear;
import io.socsim.workloads.mobilebert.MobileBertWeights.Norm;
import io.socsim.workloads.ops.CoreOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Draws every tensor from the seed and picks every requantisation constant, op by op, from the
 * values the op actually produces when the network runs on its own tokens. It mirrors
 * {@link MobileBertGolden} step for step (a test checks that both reach the same output), but
 * computes each accumulator once and chooses its constant before rounding it.
 */
final class Calibrator {

    /** Fraction of |pre-requant values| below the level mapped to {@link #TARGET}. */
    static final double QUANTILE = 0.999;
    /** Output level of the {@link #QUANTILE}: leaves 27% headroom to 127. */
    static final int TARGET = 100;
    /**
     * ITAmax halves a probability per int8 step of the logits, so QK is mapped much narrower than
     * the other ops; at full width the softmax would be one-hot.
     */
    static final int QK_TARGET = 12;
    static final int MIN_MULT = 64;
    static final int MAX_SHIFT = 22;

    /** ReLU as ITA_ACT_RQ = 1 programs it: the activation requant (1, 0, 0) is the identity. */
    static final ActivationStage RELU =
            new ActivationStage(Activation.RELU, new Requant(1, 0, 0), GeluConstants.DEFAULT);

    private final MobileBertConfig c;
    private final long seed;
    private Matrix8 output;

    Calibrator(MobileBertConfig config) {
        this.c = config;
        this.seed = config.seed();
    }

    /** The network output the calibration pass reached (after {@link #run}). */
    Matrix8 output() {
        return output;
    }

    private record Fit<T>(T params, Matrix8 out) {
    }

    MobileBertWeights run() {
        int s = c.seq();
        int[] tokens = new int[s];
        Rng tr = Rng.of(seed, "tokens");
        for (int i = 0; i < s; i++) {
            tokens[i] = tr.nextInt(c.vocab());
        }
        Matrix8 table = weights("embedding.table", c.vocab(), c.embedding());
        Matrix8 tri = CoreOps.trigram(tokens, table);
        Fit<Linear> proj = linear("embedding.proj", tri, c.hidden(), ActivationStage.IDENTITY);
        Matrix8 positions = weights("embedding.positions", s, c.hidden());
        Fit<AddNorm> norm = addNorm("embedding.norm", proj.out(), positions);
        Embedding embedding = new Embedding(table, proj.params(), positions, norm.params());

        List<Layer> layers = new ArrayList<>(c.layers());
        Matrix8 h = norm.out();
        for (int l = 0; l < c.layers(); l++) {
            Fit<Layer> layer = layer("layer" + l, h);
            layers.add(layer.params());
            h = layer.out();
        }
        output = h;
        return new MobileBertWeights(c, tokens, embedding, layers);
    }

    private Fit<Layer> layer(String n, Matrix8 h) {
        Fit<Linear> inProj = linear(n + ".in.proj", h, c.bottleneck(), ActivationStage.IDENTITY);
        Fit<Norm> inNorm = norm(n + ".in.norm", inProj.out());
        Fit<Linear> qkProj = linear(n + ".qk.proj", h, c.bottleneck(), ActivationStage.IDENTITY);
        Fit<Norm> qkNorm = norm(n + ".qk.norm", qkProj.out());
        Matrix8 x = qkNorm.out();
        Matrix8 vIn = c.variant() == MobileBertConfig.Variant.ITA ? x : h;

        List<Head> heads = new ArrayList<>(c.heads());
        int[] sum = new int[c.seq() * c.bottleneck()];
        List<Matrix8> outs = new ArrayList<>();
        for (int i = 0; i < c.heads(); i++) {
            Fit<Head> head = head(n + ".head" + i, x, vIn);
            heads.add(head.params());
            outs.add(head.out());
            byte[] o = head.out().data();
            for (int k = 0; k < sum.length; k++) {
                sum[k] += o[k];
            }
        }
        Requant sumRq = pick(sum, TARGET);
        Matrix8 attn = CoreOps.headSum(outs, sumRq);
        Fit<AddNorm> attnNorm = addNorm(n + ".attn.norm", attn, inNorm.out());

        List<Ffn> ffns = new ArrayList<>(c.ffns());
        Matrix8 y = attnNorm.out();
        for (int f = 0; f < c.ffns(); f++) {
            String fn = n + ".ffn" + f;
            Fit<Linear> up = linear(fn + ".up", y, c.intermediate(), RELU);
            Fit<Linear> down = linear(fn + ".down", up.out(), c.bottleneck(),
                    ActivationStage.IDENTITY);
            Fit<AddNorm> norm = addNorm(fn + ".norm", down.out(), y);
            ffns.add(new Ffn(up.params(), down.params(), norm.params()));
            y = norm.out();
        }
        Fit<Linear> outProj = linear(n + ".out.proj", y, c.hidden(), ActivationStage.IDENTITY);
        Fit<AddNorm> outNorm = addNorm(n + ".out.norm", outProj.out(), h);
        Layer layer = new Layer(inProj.params(), inNorm.params(), qkProj.params(),
                qkNorm.params(), heads, sumRq, attnNorm.params(), ffns, outProj.params(),
                outNorm.params());
        return new Fit<>(layer, outNorm.out());
    }

    private Fit<Head> head(String n, Matrix8 x, Matrix8 vIn) {
        int p = c.headSize();
        Matrix8 wq = weights(n + ".wq", x.cols(), p);
        Matrix8 wk = weights(n + ".wk", x.cols(), p);
        Matrix8 wv = weights(n + ".wv", vIn.cols(), p);
        Matrix8 wo = weights(n + ".wo", p, c.bottleneck());
        Matrix32 bq = bias(n + ".bq", x.cols(), p);
        Matrix32 bk = bias(n + ".bk", x.cols(), p);
        Matrix32 bv = bias(n + ".bv", vIn.cols(), p);
        Matrix32 bo = bias(n + ".bo", p, c.bottleneck());
        Map<Step, Requant> chosen = new EnumMap<>(Step.class);
        Requant placeholder = new Requant(1, 0, 0);
        HeadRequant none = new HeadRequant(placeholder, placeholder, placeholder, placeholder,
                placeholder, placeholder);
        Head raw = new Head(wq, wk, wv, wo, bq, bk, bv, bo, none);
        HeadResult r = MobileBertHead.run(x, vIn, raw, (step, acc) -> {
            Requant rq = step == Step.QK ? pickLogits(acc) : pick(acc.data(), TARGET);
            chosen.put(step, rq);
            return rq;
        });
        HeadRequant rq = new HeadRequant(chosen.get(Step.Q), chosen.get(Step.K),
                chosen.get(Step.V), chosen.get(Step.QK), chosen.get(Step.AV), chosen.get(Step.OW));
        return new Fit<>(new Head(wq, wk, wv, wo, bq, bk, bv, bo, rq), r.ow());
    }

    /** Same arithmetic as {@code FeedForward.linear}, with the requant chosen from the accumulator. */
    private Fit<Linear> linear(String n, Matrix8 x, int out, ActivationStage act) {
        Matrix8 w = weights(n + ".w", x.cols(), out);
        Matrix32 b = bias(n + ".b", x.cols(), out);
        Matrix32 acc = Gemm.linear(x, w, b);
        Requant rq = pick(acc.data(), TARGET);
        Matrix8 y = rq.apply(acc);
        if (act.kind() != Activation.IDENTITY) {
            y = act.apply(y);
        }
        return new Fit<>(new Linear(w, b, rq, act), y);
    }

    private Fit<Norm> norm(String n, Matrix8 x) {
        int cols = x.cols();
        Rng r = Rng.of(seed, n + ".gamma");
        byte[] gamma = new byte[cols];
        for (int i = 0; i < cols; i++) {
            gamma[i] = (byte) r.between(16, 127); // positive scales: NoNorm weights hover near 1
        }
        Rng rb = Rng.of(seed, n + ".beta");
        int[] beta = new int[cols];
        for (int i = 0; i < cols; i++) {
            beta[i] = rb.between(-128, 128); // small for the same reason as the biases
        }
        byte[] xd = x.data();
        int[] pre = new int[xd.length];
        for (int i = 0; i < pre.length; i++) {
            int ch = i % cols;
            pre[i] = xd[i] * gamma[ch] + beta[ch];
        }
        Norm norm = new Norm(gamma, beta, pick(pre, TARGET));
        return new Fit<>(norm, norm.apply(x));
    }

    private Fit<AddNorm> addNorm(String n, Matrix8 a, Matrix8 b) {
        int[] pre = new int[a.data().length];
        for (int i = 0; i < pre.length; i++) {
            pre[i] = a.data()[i] + b.data()[i];
        }
        Requant addRq = pick(pre, TARGET);
        Matrix8 sum = CoreOps.residualAdd(a, b, addRq);
        Fit<Norm> norm = norm(n, sum);
        return new Fit<>(new AddNorm(addRq, norm.params()), norm.out());
    }

    /**
     * int8 weights, roughly Gaussian (sum of three uniforms, standard deviation about 42), each
     * column shifted to sum to about zero, never -128 so that a negation stays representable.
     */
    private Matrix8 weights(String name, int rows, int cols) {
        Rng r = Rng.of(seed, name);
        byte[] d = new byte[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (r.between(-42, 42) + r.between(-42, 42) + r.between(-42, 42));
        }
        // Zero column sums: an input component common to all channels (the positive mean of a
        // ReLU output, above all) then adds nothing, so the token-independent part of the hidden
        // state does not grow layer after layer until it drowns the tokens.
        for (int j = 0; j < cols; j++) {
            long sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += d[i * cols + j];
            }
            int mean = (int) Math.round((double) sum / rows);
            for (int i = 0; i < rows; i++) {
                d[i * cols + j] = (byte) Math.max(-127, Math.min(127, d[i * cols + j] - mean));
            }
        }
        return new Matrix8(rows, cols, d);
    }

    /**
     * Biases about a twentieth of the accumulator's typical spread (which grows as sqrt(inputs)):
     * a bias is the same for every token, and larger ones collapse the tokens onto one vector.
     */
    private Matrix32 bias(String name, int inputs, int cols) {
        Rng r = Rng.of(seed, name);
        int bound = (int) Math.round(100 * Math.sqrt(inputs));
        int[] d = new int[cols];
        for (int i = 0; i < cols; i++) {
            d[i] = r.between(-bound, bound);
        }
        return new Matrix32(1, cols, d);
    }

    /**
     * The requant (mult, shift, 0) whose gain mult / 2^shift maps the {@link #QUANTILE} of
     * |values| to {@code target}: the largest shift in [1, 22] whose mult still fits in 8 bits,
     * so mult lands in [128, 255] and keeps 8 significant bits of gain.
     */
    static Requant pick(int[] values, int target) {
        return forLevel(quantileAbs(values, QUANTILE), target);
    }

    /** The requant (mult, shift, 0) that maps {@code level} to about {@code target}. */
    static Requant forLevel(long level, int target) {
        level = Math.max(1, level);
        for (int shift = MAX_SHIFT; shift >= 1; shift--) {
            long mult = Math.round((double) target * (1L << shift) / level);
            if (mult <= 255) {
                return new Requant((int) Math.max(MIN_MULT, mult), shift, 0);
            }
        }
        return new Requant(255, 1, 0); // level below 1: as much gain as the format allows
    }

    /**
     * QK: softmax ignores a row's common offset, so the gain maps the spread around each row's
     * mean to {@link #QK_TARGET}; it is capped so that the offsets still fit below {@link #TARGET}.
     */
    static Requant pickLogits(Matrix32 acc) {
        int[] d = acc.data();
        int cols = acc.cols();
        int[] centered = new int[d.length];
        for (int r = 0; r < acc.rows(); r++) {
            long sum = 0;
            for (int k = 0; k < cols; k++) {
                sum += d[r * cols + k];
            }
            int mean = (int) Math.floorDiv(sum, cols);
            for (int k = 0; k < cols; k++) {
                centered[r * cols + k] = d[r * cols + k] - mean;
            }
        }
        long spread = quantileAbs(centered, QUANTILE);
        long reach = (quantileAbs(d, QUANTILE) * QK_TARGET + TARGET - 1) / TARGET;
        return forLevel(Math.max(spread, reach), QK_TARGET);
    }

    /**
     * The element of rank {@code floor(q (n - 1))} among the absolute values, as a full sort would
     * give it, found by a two-pass radix select (high then low 16 bits) in linear time: calibration
     * ranks millions of accumulator values per layer.
     */
    static long quantileAbs(int[] values, double q) {
        int rank = (int) Math.floor(q * (values.length - 1));
        int[] count = new int[1 << 16];
        for (int v : values) {
            count[Math.abs(v) >>> 16]++;
        }
        int high = 0;
        while (rank >= count[high]) {
            rank -= count[high++];
        }
        Arrays.fill(count, 0);
        for (int v : values) {
            int a = Math.abs(v);
            if (a >>> 16 == high) {
                count[a & 0xFFFF]++;
            }
        }
        int low = 0;
        while (rank >= count[low]) {
            rank -= count[low++];
        }
        return ((long) high << 16) | low;
    }
}
