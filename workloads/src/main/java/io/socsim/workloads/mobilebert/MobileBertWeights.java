package io.socsim.workloads.mobilebert;

import io.socsim.ita.math.Activation;
import io.socsim.ita.math.ActivationStage;
import io.socsim.ita.math.FeedForward;
import io.socsim.ita.math.HeadRequant;
import io.socsim.ita.math.HeadWeights;
import io.socsim.ita.math.LinearResult;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.workloads.ops.CoreOps;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every parameter of the integer MobileBERT, its input tokens and every requantisation constant:
 * a pure function of the {@link MobileBertConfig} (see {@link #generate}). The arrays are shared,
 * not copied; treat them as read-only.
 */
public record MobileBertWeights(MobileBertConfig config, int[] tokens, Embedding embedding,
        List<Layer> layers) {

    public MobileBertWeights {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(embedding, "embedding");
        layers = List.copyOf(layers);
        if (layers.size() != config.layers() || tokens.length != config.seq()) {
            throw new IllegalArgumentException("weights do not match " + config);
        }
    }

    /**
     * Draws the weights from the seed and calibrates the requantisation constants by running the
     * network on its own tokens (see docs/mobilebert.md, "Calibration").
     */
    public static MobileBertWeights generate(MobileBertConfig config) {
        return new Calibrator(config).run();
    }

    /** {@code act(rq(clip26(x . w + b)))}, ITA's linear layer. */
    public record Linear(Matrix8 w, Matrix32 b, Requant rq, ActivationStage act) {

        public Linear {
            if (b.rows() != 1 || b.cols() != w.cols()) {
                throw new IllegalArgumentException("bias does not match a " + w.rows() + "x"
                        + w.cols() + " weight");
            }
        }

        public int in() {
            return w.rows();
        }

        public int out() {
            return w.cols();
        }

        public LinearResult apply(Matrix8 x) {
            return FeedForward.linear(x, w, b, rq, act);
        }
    }

    /** NoNorm: {@code rq(x * gamma[c] + beta[c])} per channel. */
    public record Norm(byte[] gamma, int[] beta, Requant rq) {

        public Matrix8 apply(Matrix8 x) {
            return CoreOps.noNorm(x, gamma, beta, rq);
        }
    }

    /** Residual add (requantised with {@code addRq}) followed by NoNorm. */
    public record AddNorm(Requant addRq, Norm norm) {

        public Matrix8 apply(Matrix8 a, Matrix8 b) {
            return CoreOps.addNorm(a, b, addRq, norm.gamma(), norm.beta(), norm.rq());
        }
    }

    /**
     * One attention head: {@code wq, wk} are bottleneck x P, {@code wv} is valueInput x P (the
     * bottleneck in the ITA variant, the hidden size in the ORIGINAL one), {@code wo} P x bottleneck.
     */
    public record Head(Matrix8 wq, Matrix8 wk, Matrix8 wv, Matrix8 wo, Matrix32 bq, Matrix32 bk,
            Matrix32 bv, Matrix32 bo, HeadRequant rq) {

        /** The same head as ITA's math takes it; only possible when V has Q's input width. */
        public HeadWeights itaWeights() {
            return new HeadWeights(wq, wk, wv, wo, bq, bk, bv, bo);
        }
    }

    /** One of the stacked feed-forward networks: 128 -> 512 (ReLU) -> 128, then add + NoNorm. */
    public record Ffn(Linear up, Linear down, AddNorm norm) {
    }

    /** One transformer layer. */
    public record Layer(Linear inProj, Norm inNorm, Linear qkProj, Norm qkNorm, List<Head> heads,
            Requant sumRq, AddNorm attnNorm, List<Ffn> ffns, Linear outProj, AddNorm outNorm) {

        public Layer {
            heads = List.copyOf(heads);
            ffns = List.copyOf(ffns);
        }
    }

    /** Trigram token table (vocab x embedding), projection to hidden, positions (S x hidden). */
    public record Embedding(Matrix8 table, Linear proj, Matrix8 positions, AddNorm norm) {
    }

    /**
     * Every parameter by a stable name, in execution order: {@link Matrix8}, {@link Matrix32},
     * {@code byte[]} (gamma), {@code int[]} (beta) or {@link Requant}. Names follow the op names
     * of {@link MobileBertGraph} ({@code layer3.ffn2.up.w}).
     */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("embedding.table", embedding.table());
        linear(p, "embedding.proj", embedding.proj());
        p.put("embedding.positions", embedding.positions());
        addNorm(p, "embedding.norm", embedding.norm());
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            String n = "layer" + l;
            linear(p, n + ".in.proj", layer.inProj());
            norm(p, n + ".in.norm", layer.inNorm());
            linear(p, n + ".qk.proj", layer.qkProj());
            norm(p, n + ".qk.norm", layer.qkNorm());
            for (int h = 0; h < layer.heads().size(); h++) {
                head(p, n + ".head" + h, layer.heads().get(h));
            }
            p.put(n + ".attn.sum.rq", layer.sumRq());
            addNorm(p, n + ".attn.norm", layer.attnNorm());
            for (int f = 0; f < layer.ffns().size(); f++) {
                Ffn ffn = layer.ffns().get(f);
                linear(p, n + ".ffn" + f + ".up", ffn.up());
                linear(p, n + ".ffn" + f + ".down", ffn.down());
                addNorm(p, n + ".ffn" + f + ".norm", ffn.norm());
            }
            linear(p, n + ".out.proj", layer.outProj());
            addNorm(p, n + ".out.norm", layer.outNorm());
        }
        return p;
    }

    /** Number of int8 parameters (weights, tables, gammas). */
    public long int8Count() {
        long n = 0;
        for (Object v : parameters().values()) {
            if (v instanceof Matrix8 m) {
                n += m.data().length;
            } else if (v instanceof byte[] g) {
                n += g.length;
            }
        }
        return n;
    }

    /** SHA-256 over the tokens and every parameter's name and value: equal digests, equal model. */
    public String digest() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(ints(tokens));
        for (Map.Entry<String, Object> e : parameters().entrySet()) {
            md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            Object v = e.getValue();
            if (v instanceof Matrix8 m) {
                md.update(m.data());
            } else if (v instanceof Matrix32 m) {
                md.update(ints(m.data()));
            } else if (v instanceof byte[] g) {
                md.update(g);
            } else if (v instanceof int[] b) {
                md.update(ints(b));
            } else if (v instanceof Requant r) {
                md.update(ints(new int[] {r.mult(), r.shift(), r.add()}));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static byte[] ints(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length);
        b.asIntBuffer().put(v);
        return b.array();
    }

    private static void linear(Map<String, Object> p, String n, Linear l) {
        p.put(n + ".w", l.w());
        p.put(n + ".b", l.b());
        p.put(n + ".rq", l.rq());
        if (l.act().kind() != Activation.IDENTITY) {
            p.put(n + ".act_rq", l.act().requant());
        }
    }

    private static void norm(Map<String, Object> p, String n, Norm x) {
        p.put(n + ".gamma", x.gamma());
        p.put(n + ".beta", x.beta());
        p.put(n + ".rq", x.rq());
    }

    private static void addNorm(Map<String, Object> p, String n, AddNorm x) {
        p.put(n + ".add_rq", x.addRq());
        norm(p, n, x.norm());
    }

    private static void head(Map<String, Object> p, String n, Head h) {
        p.put(n + ".wq", h.wq());
        p.put(n + ".bq", h.bq());
        p.put(n + ".wk", h.wk());
        p.put(n + ".bk", h.bk());
        p.put(n + ".wv", h.wv());
        p.put(n + ".bv", h.bv());
        p.put(n + ".wo", h.wo());
        p.put(n + ".bo", h.bo());
        p.put(n + ".rq.q", h.rq().q());
        p.put(n + ".rq.k", h.rq().k());
        p.put(n + ".rq.v", h.rq().v());
        p.put(n + ".rq.qk", h.rq().qk());
        p.put(n + ".rq.av", h.rq().av());
        p.put(n + ".rq.ow", h.rq().ow());
    }
}
