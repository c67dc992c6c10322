package io.socsim.workloads.mobilebert;

import io.socsim.ita.math.Attention;
import io.socsim.ita.math.HeadResult;
import io.socsim.ita.math.Matrix8;
import io.socsim.workloads.mobilebert.MobileBertWeights.Ffn;
import io.socsim.workloads.mobilebert.MobileBertWeights.Head;
import io.socsim.workloads.mobilebert.MobileBertWeights.Layer;
import io.socsim.workloads.ops.CoreOps;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The golden integer forward pass of MobileBERT: the reference a simulated run must equal bit for
 * bit. Linear layers are {@code FeedForward.linear}, ITA-variant heads {@code Attention.head},
 * everything else {@link CoreOps}. See docs/mobilebert.md for the definition.
 */
public final class MobileBertGolden {

    /**
     * The network output (H after the last layer run) and, when traced, every op's result by its
     * {@link MobileBertGraph} name plus each head's intermediates ({@code layer0.head1.q}, {@code
     * .k}, {@code .v}, {@code .qk}, {@code .a} (uint8), {@code .av}), in execution order.
     */
    public record Result(Matrix8 output, Map<String, Matrix8> tensors) {
    }

    private MobileBertGolden() {
    }

    public static Matrix8 run(MobileBertWeights w) {
        return run(w, w.config().layers(), false).output();
    }

    /** Runs the embedding and the first {@code layers} layers. */
    public static Result run(MobileBertWeights w, int layers, boolean trace) {
        MobileBertConfig c = w.config();
        if (layers < 0 || layers > c.layers()) {
            throw new IllegalArgumentException("layers must lie in [0, " + c.layers() + "], got "
                    + layers);
        }
        Map<String, Matrix8> t = trace ? new LinkedHashMap<>() : null;
        MobileBertWeights.Embedding e = w.embedding();
        Matrix8 tri = put(t, "embedding.trigram", CoreOps.trigram(w.tokens(), e.table()));
        Matrix8 proj = put(t, "embedding.proj", e.proj().apply(tri).out());
        Matrix8 h = put(t, "embedding.norm", e.norm().apply(proj, e.positions()));
        for (int l = 0; l < layers; l++) {
            h = layer(c, w.layers().get(l), "layer" + l, h, t);
        }
        return new Result(h, t == null ? Map.of() : Collections.unmodifiableMap(t));
    }

    private static Matrix8 layer(MobileBertConfig c, Layer w, String n, Matrix8 h,
            Map<String, Matrix8> t) {
        Matrix8 in = put(t, n + ".in.proj", w.inProj().apply(h).out());
        in = put(t, n + ".in.norm", w.inNorm().apply(in));
        Matrix8 qk = put(t, n + ".qk.proj", w.qkProj().apply(h).out());
        qk = put(t, n + ".qk.norm", w.qkNorm().apply(qk));

        List<Matrix8> heads = new ArrayList<>(w.heads().size());
        for (int i = 0; i < w.heads().size(); i++) {
            Head head = w.heads().get(i);
            HeadResult r = c.variant() == MobileBertConfig.Variant.ITA
                    ? Attention.head(qk, qk, qk, head.itaWeights(), head.rq())
                    : MobileBertHead.run(qk, h, head);
            String hn = n + ".head" + i;
            if (t != null) {
                t.put(hn + ".q", r.qp());
                t.put(hn + ".k", r.kp());
                t.put(hn + ".v", r.vp());
                t.put(hn + ".qk", r.qk());
                t.put(hn + ".a", r.a());
                t.put(hn + ".av", r.av());
            }
            heads.add(put(t, hn, r.ow()));
        }
        Matrix8 attn = put(t, n + ".attn.sum", CoreOps.headSum(heads, w.sumRq()));
        Matrix8 x = put(t, n + ".attn.norm", w.attnNorm().apply(attn, in));
        for (int f = 0; f < w.ffns().size(); f++) {
            Ffn ffn = w.ffns().get(f);
            String fn = n + ".ffn" + f;
            Matrix8 up = put(t, fn + ".up", ffn.up().apply(x).out());
            Matrix8 down = put(t, fn + ".down", ffn.down().apply(up).out());
            x = put(t, fn + ".norm", ffn.norm().apply(down, x));
        }
        Matrix8 y = put(t, n + ".out.proj", w.outProj().apply(x).out());
        return put(t, n + ".out.norm", w.outNorm().apply(y, h));
    }

    private static Matrix8 put(Map<String, Matrix8> t, String name, Matrix8 m) {
        if (t != null) {
            t.put(name, m);
        }
        return m;
    }

    /** SHA-256 of a tensor's bytes, for logs and quick comparisons. */
    public static String digest(Matrix8 m) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(m.data()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code [--layers N] [--seq S] [--variant ITA|ORIGINAL] [--seed X]}: generates the model,
     * runs it and prints timings, MACs and the output digest.
     */
    public static void main(String[] args) {
        MobileBertConfig c = MobileBertConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--layers" -> c = c.withLayers(Integer.parseInt(v));
                case "--seq" -> c = c.withSeq(Integer.parseInt(v));
                case "--variant" -> c = c.withVariant(
                        MobileBertConfig.Variant.valueOf(v.toUpperCase(Locale.ROOT)));
                case "--seed" -> c = c.withSeed(Long.decode(v));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --layers N --seq S --variant ITA|ORIGINAL --seed X");
            }
            i++;
        }
        long t0 = System.nanoTime();
        MobileBertWeights w = MobileBertWeights.generate(c);
        long t1 = System.nanoTime();
        Matrix8 out = run(w);
        long t2 = System.nanoTime();
        long macs = MobileBertGraph.macs(c);
        System.out.printf(Locale.ROOT, "%s%nweights %s (%,d int8 parameters) generated and "
                + "calibrated in %.2f s%ngolden run %.2f s, %,d MAC = %.3f GOp%noutput %s%n",
                c, w.digest(), w.int8Count(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, macs,
                MobileBertGraph.gop(macs), digest(out));
    }
}
